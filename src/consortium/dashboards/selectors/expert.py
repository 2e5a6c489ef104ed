"""An expert's own dashboard: their week day by day against the standard day, their month by
mandate and by week against the hours available, and the state of their recent weeks."""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Sum

from consortium.core.fiscal_years import Period, month_period
from consortium.core.numbers import hours_to_cents, percentage
from consortium.core.weeks import week_days, week_start_of
from consortium.core.workdays import weekdays_between
from consortium.dashboards.selectors.utilisation import (
    UtilisationBand,
    utilisation_band,
    workday_hours,
)
from consortium.staff.models import Expert
from consortium.timesheets.models import TimeEntry, TimesheetWeek, WeekStatus

ONE_WEEK = dt.timedelta(days=7)
RECENT_WEEKS = 8
NO_HOURS = Decimal("0.00")


@dataclass(frozen=True)
class DayHours:
    date: dt.date
    hours: Decimal
    standard: Decimal  # the standard day on a weekday employed, else 0


@dataclass(frozen=True)
class WeekHours:
    """A week's hours (those within a month, for the month's weeks) and its state."""

    start: dt.date
    end: dt.date
    hours: Decimal
    status: WeekStatus


@dataclass(frozen=True)
class MandateHours:
    id: int
    code: str
    title: str
    organisation: str
    hours: Decimal
    share: Decimal | None  # of the month's hours


@dataclass(frozen=True)
class ExpertWeek:
    start: dt.date
    end: dt.date
    days: list[DayHours]  # Monday to Sunday
    hours: Decimal
    standard: Decimal
    rate: Decimal | None  # hours over the standard week, in %


@dataclass(frozen=True)
class ExpertMonth:
    period: Period
    hours: Decimal
    available: Decimal
    rate: Decimal | None
    by_mandate: list[MandateHours]  # largest first
    by_week: list[WeekHours]  # every week touching the month, in order

    @property
    def band(self) -> UtilisationBand | None:
        return utilisation_band(self.rate)


@dataclass(frozen=True)
class ExpertDashboard:
    expert: Expert
    day: dt.date
    standard_day: Decimal
    week: ExpertWeek
    month: ExpertMonth
    recent_weeks: list[WeekHours]  # newest first


def _employed(expert: Expert, on: dt.date) -> bool:
    return expert.hired_on <= on and (expert.left_on is None or on <= expert.left_on)


def _mondays_of(month: Period) -> list[dt.date]:
    """Every Monday of a week that touches the month, the first one possibly in the month before."""
    mondays = []
    week = week_start_of(month.start)
    while week <= month.end:
        mondays.append(week)
        week += ONE_WEEK
    return mondays


def _daily_hours(expert: Expert, first: dt.date, last: dt.date) -> dict[dt.date, Decimal]:
    """The expert's hours of each day from `first` to `last` that has any (one query)."""
    rows = (
        TimeEntry.objects.filter(expert=expert, date__range=(first, last))
        .values("date")
        .annotate(hours=Sum("hours"))
        .order_by()
    )
    return {row["date"]: hours_to_cents(row["hours"]) for row in rows}


def _hours_by_mandate(expert: Expert, month: Period) -> list[MandateHours]:
    """The expert's hours on each mandate in the month, largest first (one query)."""
    rows = (
        TimeEntry.objects.filter(expert=expert, date__range=(month.start, month.end))
        .values("mandate_id", "mandate__code", "mandate__title", "mandate__organisation__name")
        .annotate(hours=Sum("hours"))
        .order_by("-hours", "mandate__code")
    )
    hours = [(row, hours_to_cents(row["hours"])) for row in rows]
    total = sum((value for _row, value in hours), NO_HOURS)
    return [
        MandateHours(
            id=row["mandate_id"],
            code=row["mandate__code"],
            title=row["mandate__title"],
            organisation=row["mandate__organisation__name"],
            hours=value,
            share=percentage(value, total),
        )
        for row, value in hours
    ]


def _week_statuses(expert: Expert, first: dt.date, last: dt.date) -> dict[dt.date, str]:
    """The state of each of the expert's weeks starting from `first` to `last` (one query)."""
    return dict(
        TimesheetWeek.objects.filter(expert=expert, week_start__range=(first, last)).values_list(
            "week_start", "status"
        )
    )


def _week_hours(
    start: dt.date,
    daily: dict[dt.date, Decimal],
    statuses: dict[dt.date, str],
    within: Period | None = None,
) -> WeekHours:
    """The week starting on `start`: its hours (only those `within` a period, if given)."""
    hours = sum(
        (daily.get(one, Decimal(0)) for one in week_days(start) if within is None or one in within),
        NO_HOURS,
    )
    return WeekHours(
        start=start,
        end=start + dt.timedelta(days=6),
        hours=hours,
        status=WeekStatus(statuses.get(start, WeekStatus.DRAFT)),
    )


def _week(
    expert: Expert, monday: dt.date, daily: dict[dt.date, Decimal], standard_day: Decimal
) -> ExpertWeek:
    days = [
        DayHours(
            date=one,
            hours=daily.get(one, NO_HOURS),
            standard=standard_day if one.weekday() < 5 and _employed(expert, one) else Decimal(0),
        )
        for one in week_days(monday)
    ]
    hours = sum((row.hours for row in days), NO_HOURS)
    standard = sum((row.standard for row in days), Decimal(0))
    return ExpertWeek(
        start=monday,
        end=days[-1].date,
        days=days,
        hours=hours,
        standard=standard,
        rate=percentage(hours, standard),
    )


def _month(
    expert: Expert,
    month: Period,
    by_mandate: list[MandateHours],
    weeks: list[WeekHours],
    standard_day: Decimal,
) -> ExpertMonth:
    first = max(month.start, expert.hired_on)
    last = min(month.end, expert.left_on or month.end)
    available = weekdays_between(first, last) * standard_day
    hours = sum((row.hours for row in by_mandate), NO_HOURS)
    return ExpertMonth(
        period=month,
        hours=hours,
        available=available,
        rate=percentage(hours, available),
        by_mandate=by_mandate,
        by_week=weeks,
    )


def expert_dashboard(*, expert: Expert, day: dt.date) -> ExpertDashboard:
    """An expert's week and month around `day`, and the state of their recent weeks (three
    queries: the daily totals, the month's hours by mandate, the weeks' states)."""
    standard_day = workday_hours()
    monday = week_start_of(day)
    month = month_period(day.year, day.month)
    first_recent_monday = monday - (RECENT_WEEKS - 1) * ONE_WEEK
    month_mondays = _mondays_of(month)
    last_day = max(monday + dt.timedelta(days=6), month.end)

    daily = _daily_hours(expert, min(first_recent_monday, month.start), last_day)
    by_mandate = _hours_by_mandate(expert, month)
    statuses = _week_statuses(expert, min(first_recent_monday, month_mondays[0]), last_day)

    recent_mondays = [first_recent_monday + offset * ONE_WEEK for offset in range(RECENT_WEEKS)]
    return ExpertDashboard(
        expert=expert,
        day=day,
        standard_day=standard_day,
        week=_week(expert, monday, daily, standard_day),
        month=_month(
            expert,
            month,
            by_mandate,
            [_week_hours(start, daily, statuses, month) for start in month_mondays],
            standard_day,
        ),
        recent_weeks=[_week_hours(start, daily, statuses) for start in reversed(recent_mondays)],
    )
