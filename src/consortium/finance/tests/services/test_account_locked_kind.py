"""An account with actual amounts in a locked fiscal year keeps its kind: the year's revenue and
expenses never move (5100 turned from expense into revenue moved 2019-2020's revenue)."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from consortium.core.fiscal_years import fiscal_year_months, fiscal_year_period
from consortium.finance.models import Account, AccountKind
from consortium.finance.services import account_update, account_upsert
from consortium.testing.factories import (
    AccountFactory,
    ActualAmountFactory,
    FiscalYearFactory,
    FiscalYearLockFactory,
    PeriodLockFactory,
)

pytestmark = pytest.mark.django_db


def _lock_months(fiscal_year: str, count: int) -> None:
    for month in fiscal_year_months(fiscal_year_period(fiscal_year))[:count]:
        PeriodLockFactory(start=month.start, end=month.end)


REFUSAL = (
    "2019-2020 est verrouillé et le compte 5100 y a des montants réels : sa nature ne peut plus "
    "changer."
)


def test_it_refuses_to_turn_an_expense_of_a_locked_year_into_revenue():
    account = AccountFactory(code="5100", name_fr="Salaires")
    ActualAmountFactory(account=account, fiscal_year=FiscalYearFactory(name="2019-2020"))
    FiscalYearLockFactory(fiscal_year__name="2019-2020")
    with pytest.raises(ValidationError) as refused:
        account_update(account=account, code="5100", name_fr="Salaires", kind=AccountKind.REVENUE)
    assert refused.value.message_dict == {"kind": [REFUSAL]}
    assert Account.objects.get(code="5100").kind == AccountKind.EXPENSE


def test_twelve_locked_months_lock_the_year_too():
    account = AccountFactory(code="5100")
    year = FiscalYearFactory(name="2019-2020")
    ActualAmountFactory(account=account, fiscal_year=year, amount=Decimal("10.00"))
    _lock_months("2019-2020", 12)
    with pytest.raises(ValidationError, match="2019-2020 est verrouillé"):
        account_upsert(code="5100", name_fr="Salaires", kind=AccountKind.REVENUE)


def test_eleven_locked_months_leave_the_kind_free_and_names_still_change():
    account = AccountFactory(code="5100")
    year = FiscalYearFactory(name="2019-2020")
    ActualAmountFactory(account=account, fiscal_year=year)
    _lock_months("2019-2020", 11)
    account_upsert(code="5100", name_fr="Masse salariale", kind=AccountKind.REVENUE)
    assert Account.objects.get(code="5100").kind == AccountKind.REVENUE
    FiscalYearLockFactory(fiscal_year=year)
    account_upsert(code="5100", name_fr="Salaires", kind=AccountKind.REVENUE)
    assert Account.objects.get(code="5100").name_fr == "Salaires"
