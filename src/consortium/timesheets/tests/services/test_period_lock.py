import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from consortium.core.models import FiscalYear
from consortium.timesheets.models import PeriodKind, PeriodLock
from consortium.timesheets.services.locks import period_lock

pytestmark = pytest.mark.django_db


def test_locking_a_month_locks_the_whole_calendar_month():
    lock = period_lock(kind=PeriodKind.MONTH, month=dt.date(2021, 2, 17), reason="Clôture")
    assert (lock.start, lock.end) == (dt.date(2021, 2, 1), dt.date(2021, 2, 28))


def test_locking_a_fiscal_year_records_the_year():
    lock = period_lock(kind=PeriodKind.FISCAL_YEAR, fiscal_year="2020-2021")
    assert (lock.start, lock.end) == (dt.date(2020, 4, 1), dt.date(2021, 3, 31))
    assert FiscalYear.objects.get(name="2020-2021").locks.get() == lock


def test_a_month_inside_a_locked_year_is_already_locked():
    period_lock(kind=PeriodKind.FISCAL_YEAR, fiscal_year="2020-2021")
    with pytest.raises(ValidationError, match="déjà verrouillée"):
        period_lock(kind=PeriodKind.MONTH, month=dt.date(2020, 6, 1))
    assert PeriodLock.objects.count() == 1


def test_it_rejects_a_badly_named_fiscal_year():
    with pytest.raises(ValidationError) as caught:
        period_lock(kind=PeriodKind.FISCAL_YEAR, fiscal_year="2020")
    assert "fiscal_year" in caught.value.message_dict


def test_a_month_lock_needs_a_month():
    with pytest.raises(ValidationError) as caught:
        period_lock(kind=PeriodKind.MONTH)
    assert "month" in caught.value.message_dict
