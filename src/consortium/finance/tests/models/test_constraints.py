"""The rules one account, budget or actual amount obeys on its own."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from consortium.finance.models import Account, ActualAmount
from consortium.testing.factories import (
    AccountFactory,
    ActualAmountFactory,
    BudgetFactory,
    FiscalYearFactory,
    OrganisationFactory,
)

pytestmark = pytest.mark.django_db


def test_service_revenue_without_the_organisation_billed_is_refused():
    actual = ActualAmount(
        account=AccountFactory(service_revenue=True),
        fiscal_year=FiscalYearFactory(),
        amount=Decimal("10.00"),
    )
    with pytest.raises(ValidationError) as error:
        actual.full_clean()
    assert error.value.message_dict["organisation"] == [
        "Une vente de services indique l'organisation facturée."
    ]


def test_an_expense_that_names_an_organisation_is_refused():
    actual = ActualAmount(
        account=AccountFactory(),
        fiscal_year=FiscalYearFactory(),
        organisation=OrganisationFactory(),
        amount=Decimal("10.00"),
    )
    with pytest.raises(ValidationError) as error:
        actual.full_clean()
    assert error.value.message_dict["organisation"] == [
        "Seules les ventes de services indiquent une organisation facturée."
    ]


def test_an_expense_account_cannot_be_service_revenue():
    account = Account(code="5100", name_fr="Salaires", kind="expense", is_service_revenue=True)
    with pytest.raises(ValidationError) as error:
        account.full_clean()
    assert "Un compte de vente de services est un compte de produits." in error.value.messages


def test_an_account_has_one_budget_a_year():
    budget = BudgetFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        BudgetFactory(account=budget.account, fiscal_year=budget.fiscal_year)


def test_an_account_without_organisation_has_one_actual_amount_a_year():
    actual = ActualAmountFactory()
    duplicate = ActualAmount(
        account=actual.account, fiscal_year=actual.fiscal_year, amount=Decimal("1.00")
    )
    with pytest.raises(ValidationError) as error:
        duplicate.full_clean()
    assert "Ce compte a déjà un montant réel pour cet exercice." in error.value.messages
    with pytest.raises(IntegrityError), transaction.atomic():
        duplicate.save()


def test_service_revenue_has_one_actual_amount_per_organisation_a_year():
    actual = ActualAmountFactory(
        account=AccountFactory(service_revenue=True), organisation=OrganisationFactory()
    )
    other = ActualAmountFactory(
        account=actual.account, fiscal_year=actual.fiscal_year, organisation=OrganisationFactory()
    )
    assert other.pk != actual.pk
    with pytest.raises(IntegrityError), transaction.atomic():
        ActualAmountFactory(
            account=actual.account,
            fiscal_year=actual.fiscal_year,
            organisation=actual.organisation,
        )


def test_the_database_refuses_an_account_coded_with_a_slash():
    account = AccountFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        Account.objects.filter(pk=account.pk).update(code="5100/1")
