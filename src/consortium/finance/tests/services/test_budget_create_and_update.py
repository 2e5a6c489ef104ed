"""Budgets written by hand: one per account and year."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from consortium.finance.models import Budget
from consortium.finance.services import budget_create, budget_update
from consortium.testing.factories import AccountFactory, BudgetFactory, FiscalYearFactory

pytestmark = pytest.mark.django_db


def test_an_account_is_given_its_budget_for_a_year():
    account, year = AccountFactory(), FiscalYearFactory()
    budget = budget_create(account=account, fiscal_year=year, amount=Decimal("2500.00"))
    assert list(Budget.objects.values_list("pk", "account", "fiscal_year", "amount")) == [
        (budget.pk, account.pk, year.pk, Decimal("2500.00"))
    ]


def test_a_second_budget_for_the_same_account_and_year_is_refused():
    budget = BudgetFactory()
    with pytest.raises(ValidationError) as caught:
        budget_create(account=budget.account, fiscal_year=budget.fiscal_year, amount=Decimal(1))
    assert "Ce compte a déjà un budget pour cet exercice." in caught.value.messages
    assert Budget.objects.count() == 1


def test_a_budget_is_corrected_and_moved_to_another_year():
    budget = BudgetFactory(amount=Decimal("1000.00"))
    later = FiscalYearFactory(name="2021-2022")
    budget_update(
        budget=budget, account=budget.account, fiscal_year=later, amount=Decimal("1200.00")
    )
    assert list(Budget.objects.values_list("pk", "fiscal_year", "amount")) == [
        (budget.pk, later.pk, Decimal("1200.00"))
    ]


def test_a_budget_cannot_move_onto_a_year_its_account_already_has():
    budget = BudgetFactory(amount=Decimal("1000.00"))
    other = BudgetFactory(account=budget.account, fiscal_year=FiscalYearFactory(name="2021-2022"))
    with pytest.raises(ValidationError) as caught:
        budget_update(
            budget=other, account=budget.account, fiscal_year=budget.fiscal_year, amount=Decimal(1)
        )
    assert "Ce compte a déjà un budget pour cet exercice." in caught.value.messages
    other.refresh_from_db()
    assert other.fiscal_year.name == "2021-2022"
