"""The database itself refuses writes to locked entries, whoever the writer is."""

import datetime as dt
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction

from consortium.testing.factories import ExpertFactory, MandateFactory, TimeEntryFactory
from consortium.timesheets.models import PeriodKind, TimeEntry
from consortium.timesheets.services.entries import time_entries_bulk_write
from consortium.timesheets.services.locks import period_lock

pytestmark = pytest.mark.django_db
DAY = dt.date(2020, 6, 15)


@pytest.fixture
def locked_entry():
    entry = TimeEntryFactory(date=DAY, hours=Decimal(2))
    period_lock(kind=PeriodKind.MONTH, month=DAY)
    return entry


def test_an_orm_update_of_a_locked_entry_is_refused(locked_entry):
    with pytest.raises(IntegrityError, match="verrouillée"), transaction.atomic():
        TimeEntry.objects.filter(pk=locked_entry.pk).update(hours=Decimal(9))
    locked_entry.refresh_from_db()
    assert locked_entry.hours == Decimal(2)


def test_an_orm_delete_of_a_locked_entry_is_refused(locked_entry):
    with pytest.raises(IntegrityError, match="verrouillée"), transaction.atomic():
        TimeEntry.objects.all().delete()
    assert TimeEntry.objects.count() == 1


def test_a_bulk_insert_into_a_locked_month_is_refused(locked_entry):
    expert, mandate = ExpertFactory(), MandateFactory()
    with pytest.raises(IntegrityError, match="verrouillée"), transaction.atomic():
        time_entries_bulk_write([(expert.pk, mandate.pk, DAY, Decimal(1), "")])
    assert TimeEntry.objects.count() == 1


def test_entries_outside_the_locked_month_stay_editable(locked_entry):
    other = TimeEntryFactory(date=dt.date(2020, 7, 1), hours=Decimal(2))
    TimeEntry.objects.filter(pk=other.pk).update(hours=Decimal(3))
    other.refresh_from_db()
    assert other.hours == Decimal(3)


def test_migrate_reinstalls_triggers_that_a_table_rebuild_dropped():
    """SQLite alters a table by rebuilding it, which drops its triggers; migrate puts them back."""
    from django.core.management import call_command
    from django.db import connection

    from consortium.timesheets.locks_sql import LOCKED_PERIOD_TRIGGERS

    LOCKED_PERIOD_TRIGGERS.remove(connection)
    call_command("migrate", verbosity=0)
    entry = TimeEntryFactory(date=dt.date(2020, 7, 15))
    period_lock(kind=PeriodKind.MONTH, month=entry.date)
    with pytest.raises(IntegrityError, match="verrouillée"), transaction.atomic():
        TimeEntry.objects.filter(pk=entry.pk).delete()
