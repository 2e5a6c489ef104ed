import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from consortium.testing.factories import (
    ExpertFactory,
    MandateFactory,
    TimeEntryFactory,
    UserFactory,
)
from consortium.timesheets.models import PeriodKind, TimeEntryChange
from consortium.timesheets.services.entries import (
    time_entry_delete,
    time_entry_record,
    time_entry_set,
    time_entry_update,
)
from consortium.timesheets.services.locks import period_lock

pytestmark = pytest.mark.django_db
DAY = dt.date(2020, 6, 3)


def test_recording_a_new_entry_keeps_what_it_became_and_who_recorded_it():
    user = UserFactory()
    mandate = MandateFactory(code="MAN-PAIE")
    entry = time_entry_record(
        expert=ExpertFactory(),
        mandate=mandate,
        date=DAY,
        hours=Decimal("7.5"),
        description="Paie",
        by=user,
    )
    change = TimeEntryChange.objects.get()
    assert (change.action, change.entry_id, change.changed_by) == ("created", entry.pk, user)
    assert change.before is None
    assert change.after == {
        "date": "2020-06-03",
        "mandate": "MAN-PAIE",
        "hours": "7.50",
        "description": "Paie",
    }


def test_setting_a_cell_of_one_entry_keeps_its_hours_before_and_after():
    entry = TimeEntryFactory(date=DAY, hours=Decimal(3))
    time_entry_set(expert=entry.expert, mandate=entry.mandate, date=DAY, hours=Decimal(5))
    change = TimeEntryChange.objects.get()
    assert change.action == "updated"
    assert (change.before["hours"], change.after["hours"]) == ("3.00", "5.00")


def test_an_update_keeps_the_entry_before_and_after():
    user = UserFactory()
    entry = TimeEntryFactory(
        date=DAY, hours=Decimal(3), description="Avant", mandate=MandateFactory(code="M-1")
    )
    other = MandateFactory(code="M-2")
    time_entry_update(
        entry=entry, mandate=other, hours=Decimal(4), description="Après", date=DAY, by=user
    )
    change = TimeEntryChange.objects.get()
    assert change.action == "updated"
    assert change.before == {
        "date": "2020-06-03",
        "mandate": "M-1",
        "hours": "3.00",
        "description": "Avant",
    }
    assert change.after == {
        "date": "2020-06-03",
        "mandate": "M-2",
        "hours": "4.00",
        "description": "Après",
    }
    assert (change.mandate, change.changed_by) == (other, user)


def test_a_deleted_entry_keeps_its_history_under_its_old_number():
    user = UserFactory()
    entry = TimeEntryFactory(date=DAY, hours=Decimal(3))
    entry_id = entry.pk
    time_entry_delete(entry=entry, by=user)
    change = TimeEntryChange.objects.get()
    assert (change.action, change.entry_id, change.after) == ("deleted", entry_id, None)
    assert change.before["hours"] == "3.00"
    assert (change.expert, change.date, change.changed_by) == (entry.expert, DAY, user)


def test_a_change_by_the_system_names_nobody():
    time_entry_record(expert=ExpertFactory(), mandate=MandateFactory(), date=DAY, hours=Decimal(1))
    assert TimeEntryChange.objects.get().changed_by is None


def test_a_refused_change_leaves_no_audit_row():
    entry = TimeEntryFactory(date=DAY)
    period_lock(kind=PeriodKind.MONTH, month=DAY)
    with pytest.raises(ValidationError):
        time_entry_update(entry=entry, hours=Decimal(2))
    with pytest.raises(ValidationError):
        time_entry_delete(entry=entry)
    assert not TimeEntryChange.objects.exists()
