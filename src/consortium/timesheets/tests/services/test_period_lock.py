import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from consortium.core.models import FiscalYear
from consortium.timesheets.models import LockAction, PeriodKind, PeriodLock, PeriodLockEvent
from consortium.timesheets.services.locks import period_lock, period_unlock

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


def test_each_lock_and_unlock_is_recorded_with_who_when_and_why(people):
    lock = period_lock(
        kind=PeriodKind.MONTH, month=dt.date(2021, 2, 1), by=people.finance, reason="Clôture"
    )
    period_unlock(lock=lock, by=people.administrator, reason="Facture oubliée")
    events = PeriodLockEvent.objects.order_by("id")
    assert [(e.action, e.start, e.end, e.by, e.reason) for e in events] == [
        (LockAction.LOCKED, dt.date(2021, 2, 1), dt.date(2021, 2, 28), people.finance, "Clôture"),
        (
            LockAction.UNLOCKED,
            dt.date(2021, 2, 1),
            dt.date(2021, 2, 28),
            people.administrator,
            "Facture oubliée",
        ),
    ]
    assert all(event.at is not None for event in events)


@pytest.mark.parametrize("reason", ["", "   "])
def test_an_unlock_without_a_reason_is_refused(reason):
    lock = period_lock(kind=PeriodKind.MONTH, month=dt.date(2021, 2, 1))
    with pytest.raises(ValidationError) as refused:
        period_unlock(lock=lock, reason=reason)
    assert refused.value.message_dict == {
        "reason": ["Indiquez pourquoi la période est déverrouillée."]
    }
    assert PeriodLock.objects.get() == lock
    assert list(PeriodLockEvent.objects.values_list("action", flat=True)) == [LockAction.LOCKED]


def test_the_lock_history_is_kept_by_the_database():
    lock = period_lock(kind=PeriodKind.MONTH, month=dt.date(2021, 2, 1))
    period_unlock(lock=lock, reason="Correction")
    with pytest.raises(IntegrityError, match="audit"), transaction.atomic():
        PeriodLockEvent.objects.all().delete()
    with pytest.raises(IntegrityError, match="audit"), transaction.atomic():
        PeriodLockEvent.objects.update(reason="")
    assert PeriodLockEvent.objects.count() == 2
