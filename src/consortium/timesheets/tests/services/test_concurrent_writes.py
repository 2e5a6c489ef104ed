"""Writers of one expert's day at the same instant, each in its own thread and connection: the
24 h rule and the cell writes hold for any interleaving (issue 9, defects 1 and 5)."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db.models import Sum

from consortium.testing.concurrency import run_together
from consortium.testing.factories import ExpertFactory, MandateFactory
from consortium.timesheets.models import TimeEntry, TimeEntryChange
from consortium.timesheets.services.entries import time_entry_record, time_entry_set

DAYS = [dt.date(2020, 6, day) for day in range(1, 6)]


def day_totals(expert) -> list[Decimal]:
    totals = TimeEntry.objects.filter(expert=expert).values("date").annotate(total=Sum("hours"))
    return [row["total"] for row in totals.order_by("date")]


def test_two_saves_of_13_hours_on_one_day_store_one_of_them(concurrent_db):
    expert = ExpertFactory(code="EXP-A")
    first, second = MandateFactory(), MandateFactory()
    for day in DAYS:  # several rounds: one unlocked race is enough to store 26 h
        outcomes = run_together(
            *(
                lambda mandate=mandate, day=day: time_entry_record(
                    expert=expert, mandate=mandate, date=day, hours=Decimal(13)
                )
                for mandate in (first, second)
            )
        )
        refused = [outcome for outcome in outcomes if isinstance(outcome, ValidationError)]
        assert len(refused) == 1, outcomes
        assert "24 h au plus par jour" in " ".join(refused[0].messages)
        assert sum(isinstance(outcome, TimeEntry) for outcome in outcomes) == 1
    assert day_totals(expert) == [Decimal(13)] * len(DAYS)


def test_blanks_and_values_typed_at_once_in_one_cell_leave_it_consistent(concurrent_db):
    expert, mandate = ExpertFactory(), MandateFactory()
    day = DAYS[0]
    values = [None, Decimal(3), None, Decimal(5)] * 3
    writers = [
        lambda hours=hours: time_entry_set(expert=expert, mandate=mandate, date=day, hours=hours)
        for hours in values
    ]
    for _round in range(3):
        outcomes = run_together(*writers)
        assert not [outcome for outcome in outcomes if isinstance(outcome, BaseException)]
    entries = list(TimeEntry.objects.filter(expert=expert, mandate=mandate, date=day))
    assert len(entries) <= 1
    # The audit trail replays to what the cell holds: no write was lost or doubled.
    last = TimeEntryChange.objects.filter(expert=expert, date=day).order_by("pk").last()
    if entries:
        assert last.after["hours"] == f"{entries[0].hours:.2f}"
    else:
        assert last is None or last.after is None


@pytest.mark.parametrize("hours", [Decimal(3), None])
def test_setting_a_cell_to_what_it_holds_writes_nothing(db, hours):
    expert, mandate = ExpertFactory(), MandateFactory()
    if hours is not None:
        time_entry_set(expert=expert, mandate=mandate, date=DAYS[0], hours=hours)
    changes = TimeEntryChange.objects.count()
    entry = time_entry_set(expert=expert, mandate=mandate, date=DAYS[0], hours=hours)
    assert TimeEntryChange.objects.count() == changes
    assert (entry and entry.hours) == hours


def test_setting_a_cell_keeps_its_comment(db):
    expert, mandate = ExpertFactory(), MandateFactory()
    time_entry_record(
        expert=expert, mandate=mandate, date=DAYS[0], hours=Decimal(3), description="Paie"
    )
    entry = time_entry_set(expert=expert, mandate=mandate, date=DAYS[0], hours=Decimal(4))
    entry.refresh_from_db()
    assert (entry.hours, entry.description) == (Decimal(4), "Paie")
