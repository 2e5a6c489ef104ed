"""The expert's sheet and the review page read one week grid: same rows, cells and totals."""

import datetime as dt
from decimal import Decimal

import pytest

from consortium.testing.factories import MandateFactory, TimeEntryFactory, TimesheetWeekFactory
from consortium.timesheets.selectors.review import week_grid
from consortium.timesheets.selectors.sheet import week_sheet

pytestmark = pytest.mark.django_db
MONDAY = dt.date(2020, 11, 30)


def cells_of(grid) -> list[tuple]:
    return [
        (row.mandate_id, row.code, cell.day, cell.entry_id, cell.hours, cell.comment)
        for row in grid.rows
        for cell in row.cells
    ]


def test_the_review_grid_and_the_expert_sheet_show_the_same_week(people, django_assert_num_queries):
    expert = people.expert
    later, first = MandateFactory(code="M-0002"), MandateFactory(code="M-0001")
    TimeEntryFactory(expert=expert, mandate=later, date=MONDAY, hours=Decimal("7.5"))
    TimeEntryFactory(
        expert=expert,
        mandate=first,
        date=MONDAY + dt.timedelta(days=2),
        hours=Decimal(3),
        description="Rapprochement",
    )
    # Another week's hours are no cell of this one.
    TimeEntryFactory(expert=expert, mandate=first, date=MONDAY + dt.timedelta(days=7))
    week = TimesheetWeekFactory(expert=expert, week_start=MONDAY)

    with django_assert_num_queries(1):
        reviewed = week_grid(week)
    edited = week_sheet(expert, MONDAY)

    assert [row.code for row in reviewed.rows] == ["M-0001", "M-0002"]
    assert cells_of(reviewed) == cells_of(edited)
    assert reviewed.day_totals == edited.day_totals
    assert reviewed.total == edited.total == Decimal("10.5")
    assert reviewed.status == edited.status == week.status
