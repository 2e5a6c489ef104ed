"""What the ledger holds and what closes it: submitted or approved weeks, the fiscal years that
have hours. Locked periods are read by `core.locks` (the registry below the ledger needs them
too); the services check both before every write."""

import datetime as dt
from collections.abc import Iterable

from django.conf import settings
from django.db import connection
from django.db.models import Exists, Min, OuterRef, QuerySet

from consortium.core.fiscal_years import fiscal_year_bounds, fiscal_year_name_for
from consortium.core.models import FiscalYear
from consortium.core.weeks import WeekStartOf, week_start_of
from consortium.timesheets.models import TimeEntry, TimesheetWeek, WeekStatus


def closed_weeks(expert_id: int, days: Iterable[dt.date]) -> dict[dt.date, str]:
    """The status of the expert's submitted or approved weeks among those of `days`, by Monday."""
    return closed_weeks_of([expert_id], days).get(expert_id, {})


def closed_weeks_of(expert_ids: Iterable[int], days: Iterable[dt.date]) -> dict[int, dict]:
    """The status of these experts' submitted or approved weeks among those of `days`, as
    {expert id: {Monday: status}}, in one query."""
    closed: dict[int, dict[dt.date, str]] = {}
    weeks = TimesheetWeek.objects.filter(
        expert_id__in=set(expert_ids),
        week_start__in={week_start_of(day) for day in days},
        status__in=[WeekStatus.SUBMITTED, WeekStatus.APPROVED],
    )
    for expert_id, week_start, status in weeks.values_list("expert_id", "week_start", "status"):
        closed.setdefault(expert_id, {})[week_start] = status
    return closed


def closed_weeks_by_expert() -> dict[int, dict[dt.date, str]]:
    """Every submitted or approved week, as {expert id: {Monday: status}}, in one query (for
    imports, which check many experts and days at once)."""
    closed: dict[int, dict[dt.date, str]] = {}
    weeks = TimesheetWeek.objects.filter(status__in=[WeekStatus.SUBMITTED, WeekStatus.APPROVED])
    for expert_id, week_start, status in weeks.values_list("expert_id", "week_start", "status"):
        closed.setdefault(expert_id, {})[week_start] = status
    return closed


def fiscal_years_with_hours(today: dt.date) -> list[str]:
    """Today's fiscal year and every earlier one that has hours, most recent first (two queries:
    the first day with hours, then one index seek per year since)."""
    current = fiscal_year_name_for(today)
    first_day = TimeEntry.objects.aggregate(first=Min("date"))["first"]
    if first_day is None or first_day >= fiscal_year_bounds(current)[0]:
        return [current]
    start_month = settings.FISCAL_YEAR_START_MONTH
    earlier = [
        fiscal_year_name_for(dt.date(year, start_month, 1))
        for year in range(int(current[:4]) - 1, int(fiscal_year_name_for(first_day)[:4]) - 1, -1)
    ]
    bounds = [fiscal_year_bounds(name) for name in earlier]
    quote = connection.ops.quote_name
    table, column = quote(TimeEntry._meta.db_table), quote("date")
    exists = f"EXISTS (SELECT 1 FROM {table} WHERE {column} BETWEEN %s AND %s)"
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT " + ", ".join([exists] * len(bounds)),
            [day for first_and_last in bounds for day in first_and_last],
        )
        has_hours = cursor.fetchone()
    return [current, *(name for name, hours in zip(earlier, has_hours, strict=True) if hours)]


def stored_fiscal_years_with_hours() -> list[str]:
    """The stored fiscal years (those with their figures, the report's) that have hours, most
    recent first, within their stored first and last days (one query)."""
    entries = TimeEntry.objects.filter(
        date__gte=OuterRef("start_date"), date__lte=OuterRef("end_date")
    )
    return list(
        FiscalYear.objects.filter(Exists(entries))
        .order_by("-start_date")
        .values_list("name", flat=True)
    )


def approved_time_entries(entries: QuerySet[TimeEntry]) -> QuerySet[TimeEntry]:
    """The entries of `entries` whose expert's week is approved: the hours that count for the
    member (the portal) as for billing (`billing.services.drafting`). Still one SQL statement:
    an EXISTS on the week that holds each entry's day (the unique expert × week index)."""
    approved_week = TimesheetWeek.objects.filter(
        expert_id=OuterRef("expert_id"),
        week_start=WeekStartOf(OuterRef("date")),
        status=WeekStatus.APPROVED,
    )
    return entries.filter(Exists(approved_week))
