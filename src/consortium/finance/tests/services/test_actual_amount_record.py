"""Recording actual amounts: created, replaced, and frozen once finance locks the year."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from consortium.finance.models import ActualAmount
from consortium.finance.services import actual_amount_delete, actual_amount_record
from consortium.testing.factories import (
    AccountFactory,
    ActualAmountFactory,
    FiscalYearFactory,
    OrganisationFactory,
)
from consortium.timesheets.models import PeriodKind
from consortium.timesheets.services.locks import period_lock

pytestmark = pytest.mark.django_db

LOCKED = "L'exercice 2019-2020 est verrouillé : ses montants réels ne peuvent plus être modifiés."


def test_a_second_record_replaces_the_amount_of_that_account_year_and_organisation():
    account = AccountFactory(service_revenue=True)
    year = FiscalYearFactory(name="2020-2021")
    organisation = OrganisationFactory()
    first, created = actual_amount_record(
        account=account, fiscal_year=year, organisation=organisation, amount=Decimal("100")
    )
    second, created_again = actual_amount_record(
        account=account, fiscal_year=year, organisation=organisation, amount=Decimal("250.50")
    )
    assert (created, created_again) == (True, False)
    assert second.pk == first.pk
    assert list(ActualAmount.objects.values_list("amount", flat=True)) == [Decimal("250.50")]


def test_an_amount_without_organisation_is_replaced_too():
    account = AccountFactory()
    year = FiscalYearFactory()
    actual_amount_record(account=account, fiscal_year=year, amount=Decimal("1"))
    actual_amount_record(account=account, fiscal_year=year, amount=Decimal("2"))
    assert list(ActualAmount.objects.values_list("amount", flat=True)) == [Decimal("2.00")]


def test_service_revenue_must_name_the_organisation_billed():
    with pytest.raises(ValidationError) as error:
        actual_amount_record(
            account=AccountFactory(service_revenue=True),
            fiscal_year=FiscalYearFactory(),
            amount=Decimal("1"),
        )
    assert "organisation" in error.value.message_dict


def test_it_refuses_a_new_amount_in_a_locked_fiscal_year():
    year = FiscalYearFactory(name="2019-2020")
    period_lock(kind=PeriodKind.FISCAL_YEAR, fiscal_year="2019-2020")
    with pytest.raises(ValidationError) as error:
        actual_amount_record(account=AccountFactory(), fiscal_year=year, amount=Decimal("1"))
    assert error.value.messages == [LOCKED]
    assert not ActualAmount.objects.exists()


def test_it_refuses_to_change_or_delete_an_amount_of_a_locked_fiscal_year():
    actual = ActualAmountFactory(fiscal_year=FiscalYearFactory(name="2019-2020"))
    period_lock(kind=PeriodKind.FISCAL_YEAR, fiscal_year="2019-2020")
    with pytest.raises(ValidationError, match="verrouillé"):
        actual_amount_record(
            account=actual.account, fiscal_year=actual.fiscal_year, amount=Decimal("5")
        )
    with pytest.raises(ValidationError, match="verrouillé"):
        actual_amount_delete(actual=actual)
    actual.refresh_from_db()
    assert actual.amount == Decimal("1000.00")


def test_a_locked_month_does_not_freeze_the_year_amounts():
    year = FiscalYearFactory(name="2020-2021")
    period_lock(kind=PeriodKind.MONTH, month=year.start_date)
    actual, _created = actual_amount_record(
        account=AccountFactory(), fiscal_year=year, amount=Decimal("7")
    )
    assert actual.amount == Decimal("7")
