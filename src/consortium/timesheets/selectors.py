"""Reads of the service ledger that several areas share."""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.db.models import Count, DateField, Exists, Min, OuterRef, Q, QuerySet, Subquery, Sum
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.translation import gettext as _

from consortium.accounts.access import can_read_audit_of, weeks_approvable_by
from consortium.core.fiscal_years import (
    Period,
    fiscal_year_bounds,
    fiscal_year_months,
    fiscal_year_name_for,
)
from consortium.core.models import FiscalYear
from consortium.core.weeks import week_days, week_start_of
from consortium.staff.models import Expert
from consortium.timesheets.models import (
    PeriodLock,
    TimeEntry,
    TimeEntryChange,
    TimeEntryImport,
    TimesheetWeek,
    WeekStatus,
)


def locked_ranges(start: dt.date, end: dt.date) -> list[tuple[dt.date, dt.date]]:
    """The locked periods that touch [start, end], as (first day, last day) pairs."""
    return list(
        PeriodLock.objects.filter(start__lte=end, end__gte=start)
        .order_by("start")
        .values_list("start", "end")
    )


def closed_weeks(expert_id: int, days: Iterable[dt.date]) -> dict[dt.date, str]:
    """The status of the expert's submitted or approved weeks among those of `days`, by Monday."""
    mondays = {week_start_of(day) for day in days}
    return dict(
        TimesheetWeek.objects.filter(
            expert_id=expert_id,
            week_start__in=mondays,
            status__in=[WeekStatus.SUBMITTED, WeekStatus.APPROVED],
        ).values_list("week_start", "status")
    )


def closed_weeks_by_expert() -> dict[int, dict[dt.date, str]]:
    """Every submitted or approved week, as {expert id: {Monday: status}}, in one query (for
    imports, which check many experts and days at once)."""
    closed: dict[int, dict[dt.date, str]] = {}
    weeks = TimesheetWeek.objects.filter(status__in=[WeekStatus.SUBMITTED, WeekStatus.APPROVED])
    for expert_id, week_start, status in weeks.values_list("expert_id", "week_start", "status"):
        closed.setdefault(expert_id, {})[week_start] = status
    return closed


def weeks_awaiting_approval(user, *, roles: Iterable[str] | None = None) -> list[TimesheetWeek]:
    """The submitted weeks `user` may approve (`weeks_approvable_by`), oldest first, with their
    hours: two queries (one with `roles`).

    A director sees the weeks of the departments they direct, an administrator every week;
    nobody sees their own.
    """
    return list(
        weeks_approvable_by(user, among=TimesheetWeek.objects.all(), roles=roles)
        .filter(status=WeekStatus.SUBMITTED)
        .select_related("expert", "expert__department")
        .annotate(hours=_week_hours())
        .order_by("week_start", "expert__last_name", "expert__first_name")
    )


def audit_trail(user, expert: Expert, period: Period) -> QuerySet[TimeEntryChange]:
    """The changes to `expert`'s entries made during `period`, newest first.

    Raises PermissionDenied unless `user` may read that expert's audit trail.
    """
    if not can_read_audit_of(user, expert):
        raise PermissionDenied(
            _("Vous ne pouvez pas consulter l'historique des heures de %(expert)s.")
            % {"expert": expert}
        )
    zone = timezone.get_current_timezone()
    start = dt.datetime.combine(period.start, dt.time.min, tzinfo=zone)
    end = dt.datetime.combine(period.end + dt.timedelta(days=1), dt.time.min, tzinfo=zone)
    return (
        TimeEntryChange.objects.filter(expert=expert, changed_at__gte=start, changed_at__lt=end)
        .select_related("changed_by", "mandate")
        .order_by("-changed_at", "-id")
    )


# --- Reviews: approving weeks, locking periods, reading the audit trail (views/review.py) -------


def _week_hours() -> Subquery:
    """The hours an expert entered in the week of the outer TimesheetWeek row."""
    return Subquery(
        TimeEntry.objects.filter(
            expert=OuterRef("expert"),
            date__range=(
                OuterRef("week_start"),
                Cast(OuterRef("week_start") + dt.timedelta(days=6), DateField()),
            ),
        )
        .values("expert")
        .annotate(total=Sum("hours"))
        .values("total")
    )


def weeks_recently_decided(
    user,
    *,
    since: dt.datetime,
    roles: Iterable[str] | None = None,
    department_id: int | None = None,
    expert_id: int | None = None,
    limit: int = 100,
) -> list[TimesheetWeek]:
    """The weeks `user` may decide that were approved or returned since `since`, newest decision
    first, with their hours: one query (two without `roles`). Same reach as
    `weeks_awaiting_approval`: the departments a director directs, everything for an
    administrator, never one's own week."""
    weeks = weeks_approvable_by(user, among=TimesheetWeek.objects.all(), roles=roles).filter(
        status__in=[WeekStatus.APPROVED, WeekStatus.RETURNED], decided_at__gte=since
    )
    if department_id is not None:
        weeks = weeks.filter(expert__department_id=department_id)
    if expert_id is not None:
        weeks = weeks.filter(expert_id=expert_id)
    return list(
        weeks.select_related("expert", "expert__department", "decided_by")
        .annotate(hours=_week_hours())
        .order_by("-decided_at", "-id")[:limit]
    )


@dataclass
class WeekGridRow:
    mandate_code: str
    mandate_title: str
    organisation: str
    hours: list[Decimal | None]
    comments: list[str]

    @property
    def total(self) -> Decimal:
        return sum((hours for hours in self.hours if hours is not None), Decimal(0))

    @property
    def day_cells(self) -> list[tuple[Decimal | None, str]]:
        return list(zip(self.hours, self.comments, strict=True))


@dataclass
class WeekGrid:
    days: list[dt.date]
    rows: list[WeekGridRow]

    @property
    def day_totals(self) -> list[Decimal]:
        return [
            sum((row.hours[index] or Decimal(0) for row in self.rows), Decimal(0))
            for index in range(len(self.days))
        ]

    @property
    def total(self) -> Decimal:
        return sum((row.total for row in self.rows), Decimal(0))


def week_grid(week: TimesheetWeek) -> WeekGrid:
    """The week's entries as mandates × days (Monday to Sunday), with comments: one query."""
    days = week_days(week.week_start)
    entries = (
        TimeEntry.objects.filter(expert_id=week.expert_id, date__range=(days[0], days[-1]))
        .order_by("mandate__code", "date")
        .values_list(
            "mandate__code",
            "mandate__title",
            "mandate__organisation__name",
            "date",
            "hours",
            "description",
        )
    )
    rows: dict[str, WeekGridRow] = {}
    for code, title, organisation, day, hours, description in entries:
        row = rows.setdefault(code, WeekGridRow(code, title, organisation, [None] * 7, [""] * 7))
        index = (day - days[0]).days
        row.hours[index] = hours
        row.comments[index] = description
    return WeekGrid(days=days, rows=list(rows.values()))


def week_entry_changes(week: TimesheetWeek, limit: int = 50) -> list[TimeEntryChange]:
    """The latest changes to the entries of the week's days, newest first: one query."""
    return list(
        TimeEntryChange.objects.filter(
            expert_id=week.expert_id, date__range=(week.week_start, week.week_end)
        )
        .select_related("changed_by", "mandate")
        .order_by("-changed_at", "-id")[:limit]
    )


def time_entry_imports_during(period: Period) -> QuerySet[TimeEntryImport]:
    """The files of time entries imported during `period` (local days), newest first."""
    zone = timezone.get_current_timezone()
    start = dt.datetime.combine(period.start, dt.time.min, tzinfo=zone)
    end = dt.datetime.combine(period.end + dt.timedelta(days=1), dt.time.min, tzinfo=zone)
    return (
        TimeEntryImport.objects.filter(imported_at__gte=start, imported_at__lt=end)
        .select_related("imported_by")
        .order_by("-imported_at", "-id")
    )


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


# --- the expert's week sheet (the editable grid) -------------------------------------------------

from django.db.models import Case, F, IntegerField, Value, When  # noqa: E402

from consortium.mandates.models import Mandate, MandateStatus  # noqa: E402

# Rows of the sheet: the mandates of this week and of the four weeks before it.
WEEK_SHEET_RECENT_DAYS = 28


@dataclass
class WeekSheetCell:
    day: dt.date
    entry_id: int | None = None
    hours: Decimal | None = None
    comment: str = ""
    locked: bool = False


@dataclass
class WeekSheetRow:
    mandate_id: int
    code: str
    title: str
    organisation: str
    cells: list[WeekSheetCell]

    @property
    def total(self) -> Decimal:
        return sum((cell.hours for cell in self.cells if cell.hours is not None), Decimal(0))


@dataclass(frozen=True)
class WeekSheetLock:
    start: dt.date
    end: dt.date
    kind: str
    fiscal_year: str | None


@dataclass
class WeekSheet:
    """One expert's week as the grid shows it: rows of mandates, a cell per day."""

    expert: Expert
    days: list[dt.date]
    week: TimesheetWeek | None
    rows: list[WeekSheetRow]
    locks: list[WeekSheetLock]

    @property
    def week_start(self) -> dt.date:
        return self.days[0]

    @property
    def status(self) -> str:
        return self.week.status if self.week else WeekStatus.DRAFT

    @property
    def is_closed(self) -> bool:
        return self.status in (WeekStatus.SUBMITTED, WeekStatus.APPROVED)

    @property
    def locked_days(self) -> set[dt.date]:
        return {day for day in self.days if any(lk.start <= day <= lk.end for lk in self.locks)}

    @property
    def day_totals(self) -> list[Decimal]:
        return [
            sum((row.cells[index].hours or Decimal(0) for row in self.rows), Decimal(0))
            for index in range(len(self.days))
        ]

    @property
    def total(self) -> Decimal:
        return sum((row.total for row in self.rows), Decimal(0))


def _open_during(first: dt.date, last: dt.date) -> Q:
    """Open mandates covering at least one day of [first, last]."""
    return Q(status=MandateStatus.OPEN, start__lte=last) & (Q(end__isnull=True) | Q(end__gte=first))


def week_sheet(
    expert: Expert, week_start: dt.date, *, extra_mandate_ids: Iterable[int] = ()
) -> WeekSheet:
    """The expert's week (from Monday `week_start`): five queries whatever the data.

    Rows are the mandates the expert logged hours on this week or in the four weeks before, plus
    `extra_mandate_ids` (rows the expert adds) when they are open mandates covering the week.
    """
    days = week_days(week_start)
    recent = TimeEntry.objects.filter(
        expert=expert,
        date__range=(week_start - dt.timedelta(days=WEEK_SHEET_RECENT_DAYS), days[-1]),
    ).values("mandate_id")
    mandates = (
        Mandate.objects.filter(
            Q(pk__in=recent) | (Q(pk__in=list(extra_mandate_ids)) & _open_during(days[0], days[-1]))
        )
        .order_by("code")
        .values_list("pk", "code", "title", "organisation__name")
    )
    locks = [
        WeekSheetLock(*values)
        for values in PeriodLock.objects.filter(start__lte=days[-1], end__gte=days[0])
        .order_by("start")
        .values_list("start", "end", "kind", "fiscal_year__name")
    ]
    locked = {day for day in days if any(lock.start <= day <= lock.end for lock in locks)}
    rows = {
        pk: WeekSheetRow(
            pk,
            code,
            title,
            organisation,
            [WeekSheetCell(day=day, locked=day in locked) for day in days],
        )
        for pk, code, title, organisation in mandates
    }
    entries = TimeEntry.objects.filter(expert=expert, date__range=(days[0], days[-1])).values_list(
        "pk", "mandate_id", "date", "hours", "description"
    )
    for pk, mandate_id, day, hours, description in entries:
        cell = rows[mandate_id].cells[(day - days[0]).days]
        cell.entry_id, cell.hours, cell.comment = pk, hours, description
    week = (
        TimesheetWeek.objects.filter(expert=expert, week_start=week_start)
        .select_related("decided_by")
        .first()
    )
    return WeekSheet(expert=expert, days=days, week=week, rows=list(rows.values()), locks=locks)


def week_sheet_mandates_to_add(
    expert: Expert, week_start: dt.date, *, exclude_ids: Iterable[int] = ()
) -> list[dict]:
    """The open mandates covering the week that may become rows, the expert's department's
    first, then by code: one query. Each: id, code, title, organisation_name, own_department."""
    week_end = week_start + dt.timedelta(days=6)
    return list(
        Mandate.objects.filter(_open_during(week_start, week_end))
        .exclude(pk__in=list(exclude_ids))
        .annotate(
            own_department=Case(
                When(department_id=expert.department_id, then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            )
        )
        .order_by("-own_department", "code")
        .values("id", "code", "title", "own_department", organisation_name=F("organisation__name"))
    )


def week_sheet_mandate(expert: Expert, week_start: dt.date, mandate_id: int) -> Mandate | None:
    """The mandate if it may be a row of the week: open and covering a day of it, or already
    holding hours of the expert in the sheet's recent weeks. One query."""
    week_end = week_start + dt.timedelta(days=6)
    recent = TimeEntry.objects.filter(
        expert=expert,
        date__range=(week_start - dt.timedelta(days=WEEK_SHEET_RECENT_DAYS), week_end),
    ).values("mandate_id")
    return (
        Mandate.objects.filter(Q(pk__in=recent) | _open_during(week_start, week_end))
        .filter(pk=mandate_id)
        .select_related("organisation")
        .first()
    )


def week_sheet_totals(
    expert_id: int, week_start: dt.date, *, mandate_id: int, day: dt.date
) -> tuple[Decimal, Decimal, Decimal]:
    """Hours of one row (mandate), of one day and of the whole week: one query."""
    totals = TimeEntry.objects.filter(
        expert_id=expert_id, date__range=(week_start, week_start + dt.timedelta(days=6))
    ).aggregate(
        row=Sum("hours", filter=Q(mandate_id=mandate_id)),
        day=Sum("hours", filter=Q(date=day)),
        week=Sum("hours"),
    )
    return (
        totals["row"] or Decimal(0),
        totals["day"] or Decimal(0),
        totals["week"] or Decimal(0),
    )


# --- which fiscal years have hours ---------------------------------------------------------------


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
