"""The chart of accounts: created or renamed by code; service revenue stays service revenue."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from consortium.finance.models import Account
from consortium.finance.services import account_upsert, budget_record, fiscal_year_ensure
from consortium.testing.factories import AccountFactory, ActualAmountFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def test_an_account_is_created_then_renamed_by_its_code():
    _account, created = account_upsert(code="4100", name_fr="Services", kind="revenue")
    account, created_again = account_upsert(
        code="4100", name_fr="Ventes de services", name_en="Sales", kind="revenue"
    )
    assert (created, created_again) == (True, False)
    assert (account.name_fr, account.name_en, Account.objects.count()) == (
        "Ventes de services",
        "Sales",
        1,
    )


def test_an_account_with_billed_amounts_cannot_stop_being_service_revenue():
    account = AccountFactory(code="4100", service_revenue=True)
    ActualAmountFactory(account=account, organisation=OrganisationFactory())
    with pytest.raises(ValidationError) as error:
        account_upsert(code="4100", name_fr="Autres", kind="revenue", is_service_revenue=False)
    assert "a déjà des montants réels" in error.value.message_dict["is_service_revenue"][0]


def test_a_budget_is_replaced_for_its_account_and_year():
    account = AccountFactory()
    year = fiscal_year_ensure(name="2021-2022")
    budget_record(account=account, fiscal_year=year, amount=Decimal("10"))
    budget, created = budget_record(account=account, fiscal_year=year, amount=Decimal("20"))
    assert (created, budget.amount, str(year.start_date)) == (False, Decimal("20"), "2021-04-01")


def test_a_fiscal_year_of_a_bad_name_is_refused():
    with pytest.raises(ValidationError) as error:
        fiscal_year_ensure(name="2021-2023")
    assert "se termine en 2022" in error.value.message_dict["fiscal_year"][0]
