"""A fiscal year month by month, as finance sees it before locking (views/locks.py)."""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Q, Sum

from consortium.core.fiscal_years import Period, fiscal_year_months
from consortium.core.locks import locked_ranges
from consortium.core.weeks import week_start_of
from consortium.timesheets.models import TimeEntry, TimesheetWeek, WeekStatus


@dataclass
class MonthOverview:
    period: Period
    hours: Decimal
    weeks_awaiting: int
    locked: bool


@dataclass
class YearOverview:
    months: list[MonthOverview]
    hours: Decimal
    weeks_awaiting: int


def fiscal_year_overview(year: Period) -> YearOverview:
    """Per month of `year`: hours entered, weeks touching the month still submitted (not
    approved), and whether a lock covers the whole month; and the year's totals. Three queries
    whatever the data: one row of per-month sums, one of per-month counts, the locks."""
    months = fiscal_year_months(year)
    # Summed by day in SQL (at most 366 rows, read from the (date, hours) index), by month here:
    # several times faster than twelve filtered sums or a grouping by month on SQLite.
    hours_by_day = (
        TimeEntry.objects.filter(date__range=(year.start, year.end))
        .values("date")
        .annotate(total=Sum("hours"))
        .order_by()
        .values_list("date", "total")
    )
    hours: dict[str, Decimal] = {}
    for day, total in hours_by_day:
        key = f"m{(day.year - year.start.year) * 12 + day.month - year.start.month}"
        hours[key] = hours.get(key, Decimal(0)) + total
    # A week from Monday to Sunday touches a month if it starts at most six days before it.
    awaiting = TimesheetWeek.objects.filter(
        status=WeekStatus.SUBMITTED,
        week_start__range=(year.start - dt.timedelta(days=6), year.end),
    ).aggregate(
        year=Count("id"),
        **{
            f"m{index}": Count(
                "id",
                filter=Q(week_start__range=(month.start - dt.timedelta(days=6), month.end)),
            )
            for index, month in enumerate(months)
        },
    )
    locks = locked_ranges(year.start, year.end)
    overview = [
        MonthOverview(
            period=month,
            hours=hours.get(f"m{index}", Decimal(0)),
            weeks_awaiting=awaiting[f"m{index}"] or 0,
            locked=any(start <= month.start and month.end <= end for start, end in locks),
        )
        for index, month in enumerate(months)
    ]
    return YearOverview(
        months=overview,
        hours=sum((month.hours for month in overview), Decimal(0)),
        weeks_awaiting=awaiting["year"],
    )


@dataclass(frozen=True)
class AwaitingWeek:
    expert: str
    week_start: dt.date
    hours: Decimal


@dataclass(frozen=True)
class LockWarnings:
    """What finance should know before locking [start, end]: the weeks touching it still
    waiting for approval, and the earlier months of its fiscal year with hours left open."""

    awaiting: list[AwaitingWeek]
    open_before: list[Period]

    def __bool__(self) -> bool:
        return bool(self.awaiting or self.open_before)


def lock_warnings(start: dt.date, end: dt.date, year: Period) -> LockWarnings:
    """Four queries at most: the submitted weeks touching the period with their experts, their
    hours, the days of `year` before `start` that have hours, and the locks of those months."""
    weeks = (
        TimesheetWeek.objects.filter(
            status=WeekStatus.SUBMITTED,
            week_start__range=(start - dt.timedelta(days=6), end),
        )
        .select_related("expert")
        .order_by("week_start", "expert__last_name", "expert__first_name")
    )
    weeks = list(weeks)
    hours: dict[tuple[int, dt.date], Decimal] = {}
    if weeks:
        by_day = (
            TimeEntry.objects.filter(
                expert_id__in={week.expert_id for week in weeks},
                date__range=(weeks[0].week_start, weeks[-1].week_start + dt.timedelta(days=6)),
            )
            .values_list("expert_id", "date")
            .annotate(total=Sum("hours"))
            .order_by()
        )
        for expert_id, day, total in by_day:
            key = (expert_id, week_start_of(day))
            hours[key] = hours.get(key, Decimal(0)) + total
    awaiting = [
        AwaitingWeek(
            week.expert.full_name,
            week.week_start,
            hours.get((week.expert_id, week.week_start), Decimal(0)),
        )
        for week in weeks
    ]
    earlier = [month for month in fiscal_year_months(year) if month.end < start]
    open_before: list[Period] = []
    if earlier:
        days = set(
            TimeEntry.objects.filter(date__range=(year.start, start - dt.timedelta(days=1)))
            .values_list("date", flat=True)
            .distinct()
        )
        locks = locked_ranges(year.start, start - dt.timedelta(days=1))
        for month in earlier:
            locked = any(first <= month.start and month.end <= last for first, last in locks)
            if not locked and any(month.start <= day <= month.end for day in days):
                open_before.append(month)
    return LockWarnings(awaiting=awaiting, open_before=open_before)
