"""The demo's recent weeks: the ledger goes on to last week, whatever day the demo is built.

The shared demo is built with the real `today`; its counts say where the recent weeks start and
end, so that nothing here depends on the day the tests run (even across midnight).
"""

import datetime as dt
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.db.models import Exists, F, Max, Min, OuterRef, Q, Sum
from django.utils import timezone

from consortium.accounts.access import can_approve_for
from consortium.accounts.models import RoleKind, StaffRole
from consortium.accounts.selectors import expert_for_user
from consortium.core.fiscal_years import fiscal_year_period
from consortium.demo.generator import targets
from consortium.demo.generator.recent import (
    RECENT_HOURS_PER_YEAR,
    RecentSpan,
    employment_weeks,
    locked_months,
    recent_span,
)
from consortium.kpis.selectors import ledger_kpis
from consortium.staff.models import Expert
from consortium.timesheets.models import (
    PeriodKind,
    PeriodLock,
    TimeEntry,
    TimeEntryImport,
    TimesheetWeek,
    WeekStatus,
)
from consortium.timesheets.selectors.review import weeks_awaiting_approval

pytestmark = pytest.mark.django_db

MONDAY_30_NOVEMBER_2026 = dt.date(2026, 11, 30)


def span_of(demo: dict) -> RecentSpan:
    span = recent_span(demo["built_on"])
    assert (span.start, span.end) == (demo["recent_start"], demo["recent_end"])
    return span


def login(username: str):
    return get_user_model().objects.get(username=username)


def recent_entries():
    return TimeEntry.objects.filter(date__gt=targets.LAST_DAY)


# -- The span, on given days ----------------------------------------------------------------------


def test_the_span_runs_from_the_previous_fiscal_year_to_last_sunday():
    span = recent_span(MONDAY_30_NOVEMBER_2026)
    assert (span.start, span.end) == (dt.date(2025, 4, 1), dt.date(2026, 11, 29))
    assert (span.previous_fiscal_year, span.current_fiscal_year) == ("2025-2026", "2026-2027")
    assert (span.week_before_last, span.last_week, span.current_week) == (
        dt.date(2026, 11, 16),
        dt.date(2026, 11, 23),
        MONDAY_30_NOVEMBER_2026,
    )
    # Any day of a week ends the span on the Sunday before it.
    assert recent_span(dt.date(2026, 12, 6)).end == dt.date(2026, 11, 29)


def test_the_span_never_reaches_back_into_the_report_years():
    assert recent_span(dt.date(2022, 11, 15)).start == dt.date(2022, 4, 1)
    assert recent_span(dt.date(2022, 4, 1)) is None  # no whole week since the report years


def test_finance_locks_the_previous_year_and_months_closed_45_days_ago_never_the_last_two():
    months = locked_months(recent_span(MONDAY_30_NOVEMBER_2026), MONDAY_30_NOVEMBER_2026)
    assert months[0] == dt.date(2025, 4, 1)
    assert months[-1] == dt.date(2026, 9, 1)  # September ended 61 days ago, October 30
    assert len(months) == 18
    early_april = dt.date(2026, 4, 10)
    months = locked_months(recent_span(early_april), early_april)
    assert months[-1] == dt.date(2026, 2, 1)  # March is last month: still open


def test_an_expert_hands_in_every_week_of_employment():
    span = recent_span(MONDAY_30_NOVEMBER_2026)
    weeks = employment_weeks(
        span,
        [
            (1, dt.date(2015, 1, 5), None),
            (2, dt.date(2026, 11, 18), None),  # hired the week before last
            (3, dt.date(2015, 1, 5), dt.date(2025, 4, 2)),  # left in the span's first week
            (4, dt.date(2015, 1, 5), dt.date(2024, 1, 31)),
        ],
    )
    by_expert: dict[int, list[dt.date]] = {}
    for expert, monday in weeks:
        by_expert.setdefault(expert, []).append(monday)
    assert (by_expert[1][0], by_expert[1][-1]) == (dt.date(2025, 3, 31), span.last_week)
    assert by_expert[2] == [span.week_before_last, span.last_week]
    assert by_expert[3] == [dt.date(2025, 3, 31)]
    assert 4 not in by_expert


# -- The demo's recent ledger ---------------------------------------------------------------------


def test_the_recent_entries_end_last_sunday_and_the_current_week_is_empty(demo):
    span = span_of(demo)
    assert span.end.weekday() == 6
    assert 1 <= (demo["built_on"] - span.end).days <= 7
    assert demo["built_on"] in (dt.date.today(), dt.date.today() - dt.timedelta(days=1))
    bounds = recent_entries().aggregate(first=Min("date"), last=Max("date"))
    assert span.start <= bounds["first"] <= span.start + dt.timedelta(days=7)
    assert span.last_week <= bounds["last"] <= span.end
    assert not TimeEntry.objects.filter(date__gte=span.current_week).exists()
    assert demo["recent_time_entries"] == recent_entries().count()


def test_the_recent_entries_respect_employment_mandates_departments_and_the_day(demo):
    entries = recent_entries()
    assert not entries.filter(
        Q(date__lt=F("expert__hired_on")) | Q(date__gt=F("expert__left_on"))
    ).exists()
    assert not entries.filter(
        Q(date__lt=F("mandate__start")) | Q(date__gt=F("mandate__end"))
    ).exists()
    assert not entries.exclude(mandate__department=F("expert__department")).exists()
    assert not entries.filter(mandate__status="cancelled").exists()
    assert not entries.filter(date__week_day__in=[1, 7]).exists()
    assert not entries.filter(date=dt.date(2026, 6, 24)).exists()  # Fête nationale
    days = entries.values("expert", "date").annotate(total=Sum("hours"))
    assert days.order_by("-total").values_list("total", flat=True).first() <= Decimal("10")


def test_the_previous_fiscal_year_has_about_the_intensity_of_the_report_years(demo):
    span = span_of(demo)
    hours = ledger_kpis(fiscal_year_period(span.previous_fiscal_year)).service_hours
    assert 0.9 * RECENT_HOURS_PER_YEAR <= hours <= 1.1 * RECENT_HOURS_PER_YEAR
    # The experts employed today are those who log hours.
    last_week = recent_entries().filter(date__gte=span.last_week)
    assert last_week.values("expert").distinct().count() >= 50


def test_every_week_before_the_last_two_is_approved_by_someone_who_may(demo):
    span = span_of(demo)
    older = TimesheetWeek.objects.filter(week_start__lt=span.week_before_last)
    assert older.exists()
    assert not older.exclude(status=WeekStatus.APPROVED).exists()
    assert not TimesheetWeek.objects.filter(week_start__gte=span.current_week).exists()
    # Every expert employed in a week has its row, hours or not.
    monday = span.week_before_last - dt.timedelta(days=7)
    employed = Expert.objects.filter(
        Q(left_on=None) | Q(left_on__gte=monday), hired_on__lte=monday + dt.timedelta(days=6)
    )
    assert older.filter(week_start=monday).count() == employed.count() >= 50
    directs = StaffRole.objects.filter(
        user=OuterRef("decided_by"),
        role=RoleKind.DIRECTOR,
        departments=OuterRef("expert__department"),
    )
    approved = TimesheetWeek.objects.filter(status=WeekStatus.APPROVED)
    assert not approved.filter(~Q(decided_by__is_superuser=True) & ~Exists(directs)).exists()
    assert not approved.filter(decided_by=F("expert__user")).exists()
    assert not approved.filter(decided_at__lt=F("submitted_at")).exists()
    assert not TimesheetWeek.objects.filter(submitted_at__gt=timezone.now()).exists()


def test_last_week_is_submitted_for_most_and_the_week_before_for_some(demo):
    span = span_of(demo)
    elsewhere = TimesheetWeek.objects.exclude(
        expert__department__director_roles__user__username="direction"
    )
    last_week = elsewhere.filter(week_start=span.last_week)
    before = elsewhere.filter(week_start=span.week_before_last)
    assert last_week.filter(status=WeekStatus.SUBMITTED).count() > 0.6 * before.count()
    assert 0 < before.filter(status=WeekStatus.SUBMITTED).count() < 0.3 * before.count()


def test_direction_finds_three_to_six_weeks_awaiting_in_her_department_none_of_experte(demo):
    span = span_of(demo)
    direction = login("direction")
    awaiting = weeks_awaiting_approval(direction)
    assert 3 <= len(awaiting) <= 6
    assert demo["weeks_awaiting_approval"] == len(awaiting)
    experte = expert_for_user(login("experte"))
    for week in awaiting:
        assert week.expert.department_id == experte.department_id
        assert week.expert != experte
        assert week.week_start in (span.week_before_last, span.last_week)
        assert week.hours > 0
        assert can_approve_for(direction, week.expert)


def test_experte_has_her_weeks_approved_and_the_current_week_to_fill(demo):
    span = span_of(demo)
    experte = expert_for_user(login("experte"))
    weeks = TimesheetWeek.objects.filter(expert=experte)
    assert weeks.count() == len(employment_weeks(span, [(experte.pk, experte.hired_on, None)]))
    assert set(weeks.values_list("status", flat=True)) == {WeekStatus.APPROVED}
    assert set(weeks.values_list("decided_by__username", flat=True)) == {"direction"}
    assert recent_entries().filter(expert=experte, date__gte=span.last_week).exists()
    assert not TimeEntry.objects.filter(expert=experte, date__gte=span.current_week).exists()
    # The director logs hours too; her own weeks go to the administrator.
    director = expert_for_user(login("direction"))
    decided = TimesheetWeek.objects.filter(expert=director, status=WeekStatus.APPROVED)
    assert set(decided.values_list("decided_by__username", flat=True)) == {"admin"}


def test_finance_locked_the_previous_year_and_never_the_last_two_months(demo):
    span = span_of(demo)
    today = demo["built_on"]
    recent = PeriodLock.objects.filter(start__gt=targets.LAST_DAY)
    assert list(recent.order_by("start").values_list("start", flat=True)) == locked_months(
        span, today
    )
    previous = fiscal_year_period(span.previous_fiscal_year)
    assert recent.filter(start__gte=previous.start, end__lte=previous.end).count() in (11, 12)
    assert set(recent.values_list("kind", "locked_by__username")) == {
        (PeriodKind.MONTH, "finances")
    }
    last_month = (today.replace(day=1) - dt.timedelta(days=1)).replace(day=1)
    assert not recent.filter(end__gte=last_month).exists()


def test_the_demo_leaves_one_import_trail_for_all_its_entries(demo):
    trail = TimeEntryImport.objects.get()
    assert trail.file_name == "démo"
    assert trail.rows == trail.created == TimeEntry.objects.count() == demo["time_entries"]


@pytest.mark.parametrize("year", ["2019-2020", "2020-2021", "2021-2022"])
def test_the_report_years_have_no_weeks_and_keep_their_hours(demo, year):
    period = fiscal_year_period(year)
    assert not TimesheetWeek.objects.filter(week_start__lte=period.end).exists()
    hours = sum(
        value
        for month, value in targets.MONTHLY_HOURS.items()
        if period.start <= dt.date(*month, 1) <= period.end
    )
    assert ledger_kpis(period).service_hours == hours
