"""The approved hours: an entry counts when its expert's week (Monday to Sunday) is approved."""

import datetime as dt

import pytest

from consortium.testing.factories import (
    ApprovedWeekFactory,
    ExpertFactory,
    TimeEntryFactory,
    TimesheetWeekFactory,
)
from consortium.timesheets.models import TimeEntry
from consortium.timesheets.selectors.ledger import approved_time_entries

pytestmark = pytest.mark.django_db

MONDAY = dt.date(2020, 6, 1)


def test_the_monday_to_sunday_of_an_approved_week_count_and_nothing_else():
    expert, other = ExpertFactory(), ExpertFactory()
    ApprovedWeekFactory(expert=expert, week_start=MONDAY)
    TimesheetWeekFactory(expert=expert, week_start=MONDAY + dt.timedelta(days=7), status="draft")
    counted = {
        TimeEntryFactory(expert=expert, date=MONDAY).pk,
        TimeEntryFactory(expert=expert, date=MONDAY + dt.timedelta(days=6)).pk,  # Sunday
    }
    TimeEntryFactory(expert=expert, date=MONDAY - dt.timedelta(days=1))  # the Sunday before
    TimeEntryFactory(expert=expert, date=MONDAY + dt.timedelta(days=7))  # a draft week
    TimeEntryFactory(expert=other, date=MONDAY)  # another expert's week is not approved
    assert set(approved_time_entries(TimeEntry.objects.all()).values_list("pk", flat=True)) == (
        counted
    )
