import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from consortium.testing.factories import MandateFactory, TimeEntryFactory
from consortium.timesheets.models import PeriodKind, TimeEntry
from consortium.timesheets.services.entries import time_entry_delete, time_entry_update
from consortium.timesheets.services.locks import period_lock, period_unlock

pytestmark = pytest.mark.django_db


def test_it_changes_the_hours_and_the_description():
    entry = TimeEntryFactory(hours=Decimal(2))
    time_entry_update(entry=entry, hours=Decimal("3.5"), description="Révision")
    entry.refresh_from_db()
    assert (entry.hours, entry.description) == (Decimal("3.5"), "Révision")


def test_it_refuses_to_change_an_entry_in_a_locked_month():
    entry = TimeEntryFactory(date=dt.date(2020, 6, 15), hours=Decimal(2))
    period_lock(kind=PeriodKind.MONTH, month=dt.date(2020, 6, 1))
    with pytest.raises(ValidationError, match="verrouillée"):
        time_entry_update(entry=entry, hours=Decimal(4))
    entry.refresh_from_db()
    assert entry.hours == Decimal(2)


def test_it_refuses_to_move_an_entry_into_a_locked_month():
    entry = TimeEntryFactory(date=dt.date(2020, 5, 15))
    period_lock(kind=PeriodKind.MONTH, month=dt.date(2020, 6, 1))
    with pytest.raises(ValidationError, match="verrouillée"):
        time_entry_update(entry=entry, date=dt.date(2020, 6, 2))
    entry.refresh_from_db()
    assert entry.date == dt.date(2020, 5, 15)


def test_it_refuses_to_move_an_entry_out_of_its_mandate():
    entry = TimeEntryFactory(mandate=MandateFactory(end=dt.date(2020, 12, 31)))
    with pytest.raises(ValidationError, match="hors des dates du mandat"):
        time_entry_update(entry=entry, date=dt.date(2021, 1, 4))


def test_it_refuses_to_delete_an_entry_of_a_locked_fiscal_year():
    entry = TimeEntryFactory(date=dt.date(2021, 3, 31))
    period_lock(kind=PeriodKind.FISCAL_YEAR, fiscal_year="2020-2021")
    with pytest.raises(ValidationError, match="verrouillée"):
        time_entry_delete(entry=entry)
    assert TimeEntry.objects.filter(pk=entry.pk).exists()


def test_reopening_a_period_allows_changes_again():
    entry = TimeEntryFactory(date=dt.date(2020, 6, 15), hours=Decimal(2))
    lock = period_lock(kind=PeriodKind.MONTH, month=dt.date(2020, 6, 1))
    period_unlock(lock=lock, reason="Correction de la paie")
    time_entry_update(entry=entry, hours=Decimal(4))
    entry.refresh_from_db()
    assert entry.hours == Decimal(4)


def test_deleting_an_open_entry_removes_it():
    entry = TimeEntryFactory()
    time_entry_delete(entry=entry)
    assert not TimeEntry.objects.exists()
