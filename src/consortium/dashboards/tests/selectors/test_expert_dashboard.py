"""An expert's own dashboard against a ledger computed by hand (see ledger.py)."""

import datetime as dt
from decimal import Decimal

import pytest

from consortium.dashboards.selectors.expert import RECENT_WEEKS, expert_dashboard
from consortium.testing.factories import TimeEntryFactory, TimesheetWeekFactory
from consortium.timesheets.models import WeekStatus

pytestmark = pytest.mark.django_db

EXPERT_QUERIES = 3


def test_an_experts_week_shows_each_days_hours_against_the_standard_day(ledger):
    dashboard = expert_dashboard(expert=ledger.people.expert, day=dt.date(2020, 6, 3))
    week = dashboard.week
    assert week.start == dt.date(2020, 6, 1)
    assert [row.hours for row in week.days][:3] == [
        Decimal("7.00"),
        Decimal("3.50"),
        Decimal("0.00"),
    ]
    assert [row.standard for row in week.days] == [Decimal(7)] * 5 + [Decimal(0)] * 2
    assert week.hours == Decimal("10.50")
    assert week.standard == Decimal(35)
    assert week.rate == Decimal("30.0")


def test_an_experts_month_shows_hours_by_mandate_and_week_against_the_hours_available(ledger):
    dashboard = expert_dashboard(expert=ledger.people.expert, day=dt.date(2020, 6, 3))
    month = dashboard.month
    assert month.available == Decimal(22 * 7)  # June 2020 has 22 weekdays
    assert month.hours == Decimal("10.50")
    assert month.rate == Decimal("6.8")
    assert [(row.code, row.hours, row.share) for row in month.by_mandate] == [
        ("ALPHA", Decimal("10.50"), Decimal("100.0"))
    ]
    assert [row.start for row in month.by_week] == [
        dt.date(2020, 6, 1),
        dt.date(2020, 6, 8),
        dt.date(2020, 6, 15),
        dt.date(2020, 6, 22),
        dt.date(2020, 6, 29),
    ]
    assert month.by_week[0].hours == Decimal("10.50")


def test_the_last_week_of_a_month_counts_only_its_days_in_the_month(ledger):
    TimeEntryFactory(
        expert=ledger.people.expert,
        mandate=ledger.alpha,
        date=dt.date(2020, 6, 30),
        hours=Decimal(2),
    )
    TimeEntryFactory(
        expert=ledger.people.expert,
        mandate=ledger.alpha,
        date=dt.date(2020, 7, 1),
        hours=Decimal(3),
    )
    dashboard = expert_dashboard(expert=ledger.people.expert, day=dt.date(2020, 6, 30))
    assert dashboard.month.by_week[-1].hours == Decimal("2.00")
    assert dashboard.recent_weeks[0].hours == Decimal("5.00")


def test_recent_weeks_show_their_state_newest_first(ledger):
    expert = ledger.people.expert
    TimesheetWeekFactory(
        expert=expert,
        week_start=dt.date(2020, 6, 1),
        status=WeekStatus.APPROVED,
        submitted_at=dt.datetime(2020, 6, 5, tzinfo=dt.UTC),
        decided_by=ledger.people.director,
        decided_at=dt.datetime(2020, 6, 8, tzinfo=dt.UTC),
    )
    dashboard = expert_dashboard(expert=expert, day=dt.date(2020, 6, 10))
    weeks = dashboard.recent_weeks
    assert len(weeks) == RECENT_WEEKS
    assert (weeks[0].start, weeks[0].status) == (dt.date(2020, 6, 8), WeekStatus.DRAFT)
    assert (weeks[1].start, weeks[1].status) == (dt.date(2020, 6, 1), WeekStatus.APPROVED)
    assert weeks[1].hours == Decimal("10.50")


def test_an_expert_sees_only_their_own_hours(ledger):
    dashboard = expert_dashboard(expert=ledger.colleague_expert, day=dt.date(2020, 6, 3))
    assert dashboard.week.hours == Decimal("0.00")
    assert dashboard.month.by_mandate == []


def test_the_expert_dashboard_takes_the_same_queries_whatever_the_data(
    ledger, django_assert_num_queries
):
    expert = ledger.people.expert
    with django_assert_num_queries(EXPERT_QUERIES):
        expert_dashboard(expert=expert, day=dt.date(2020, 6, 3))
    for day in range(1, 29):
        TimeEntryFactory(expert=expert, date=dt.date(2020, 6, day), hours=Decimal(1))
    with django_assert_num_queries(EXPERT_QUERIES):
        dashboard = expert_dashboard(expert=expert, day=dt.date(2020, 6, 3))
    assert len(dashboard.month.by_mandate) == 29
