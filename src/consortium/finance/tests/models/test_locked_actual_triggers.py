"""The database itself freezes the actual amounts of a locked fiscal year (its own lock or its
twelve months), whoever the writer is."""

from decimal import Decimal

import pytest
from django.db import IntegrityError, connection, transaction

from consortium.core.fiscal_years import fiscal_year_months, fiscal_year_period
from consortium.finance.models import ActualAmount
from consortium.testing.factories import (
    ActualAmountFactory,
    FiscalYearFactory,
    FiscalYearLockFactory,
    PeriodLockFactory,
)

pytestmark = pytest.mark.django_db

STATEMENTS = [
    "UPDATE finance_actualamount SET amount = 1",
    "DELETE FROM finance_actualamount",
]


def _execute(sql: str) -> None:
    with transaction.atomic(), connection.cursor() as cursor:
        if sql.startswith("TRUNCATE"):
            # The test's own inserts leave deferred foreign-key checks, which TRUNCATE refuses.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute(sql)


def _lock_months(name: str, count: int) -> None:
    for month in fiscal_year_months(fiscal_year_period(name))[:count]:
        PeriodLockFactory(start=month.start, end=month.end)


@pytest.mark.parametrize("statement", STATEMENTS)
@pytest.mark.parametrize("lock", ["year", "twelve months"])
def test_raw_sql_never_changes_an_amount_of_a_locked_year(statement, lock):
    ActualAmountFactory(fiscal_year=FiscalYearFactory(name="2020-2021"))
    if lock == "year":
        FiscalYearLockFactory(fiscal_year__name="2020-2021")
    else:
        _lock_months("2020-2021", 12)
    with pytest.raises(IntegrityError, match="verrouillé"):
        _execute(statement)
    assert ActualAmount.objects.get().amount == Decimal("1000.00")


def test_eleven_locked_months_leave_the_amounts_open():
    ActualAmountFactory(fiscal_year=FiscalYearFactory(name="2020-2021"))
    _lock_months("2020-2021", 11)
    _execute(STATEMENTS[0])
    assert ActualAmount.objects.get().amount == Decimal("1.00")


def test_no_amount_moves_into_a_locked_year():
    actual = ActualAmountFactory(fiscal_year=FiscalYearFactory(name="2019-2020"))
    locked = FiscalYearLockFactory(fiscal_year__name="2020-2021").fiscal_year
    with pytest.raises(IntegrityError, match="verrouillé"):
        _execute(f"UPDATE finance_actualamount SET fiscal_year_id = {locked.pk}")
    with pytest.raises(IntegrityError, match="verrouillé"), transaction.atomic():
        ActualAmount.objects.create(account=actual.account, fiscal_year=locked, amount=1)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="TRUNCATE is PostgreSQL's")
def test_truncate_of_the_amounts_is_refused():
    ActualAmountFactory()
    with pytest.raises(IntegrityError, match="verrouillé"):
        _execute("TRUNCATE finance_actualamount")
    assert ActualAmount.objects.count() == 1
