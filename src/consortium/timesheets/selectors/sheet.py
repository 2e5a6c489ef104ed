"""The expert's week as they edit it: its grid, the mandates that may become rows, the totals
a saved cell updates (views/week.py)."""

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal

from django.db.models import Case, Exists, F, IntegerField, OuterRef, Q, Subquery, Sum, Value, When

from consortium.core.weeks import week_days
from consortium.mandates.models import Mandate, MandateAssignment, MandateStatus
from consortium.staff.models import Expert
from consortium.timesheets.models import (
    PeriodLock,
    PinnedMandate,
    TimeEntry,
    TimesheetWeek,
    WeekRow,
)
from consortium.timesheets.selectors.grid import WeekGrid, WeekGridCell, WeekGridLock, WeekGridRow

# Rows of the sheet: the mandates of this week and of the four weeks before it.
WEEK_SHEET_RECENT_DAYS = 28


def _open_during(first: dt.date, last: dt.date) -> Q:
    """Open mandates covering at least one day of [first, last]."""
    return Q(status=MandateStatus.OPEN, start__lte=last) & (Q(end__isnull=True) | Q(end__gte=first))


def week_sheet(expert: Expert, week_start: dt.date) -> WeekGrid:
    """The expert's week (from Monday `week_start`): five queries whatever the data.

    Rows are the mandates the expert logged hours on this week or in the four weeks before, the
    open mandates they pinned, and the rows they placed in this week (`WeekRow`) when those are
    open mandates covering the week. A row they took out stays out while it holds no hours this
    week. The recent and pinned rows come first by code, then the placed rows in the order they
    were added.
    """
    days = week_days(week_start)
    recent = TimeEntry.objects.filter(
        expert=expert,
        date__range=(week_start - dt.timedelta(days=WEEK_SHEET_RECENT_DAYS), days[-1]),
    ).values("mandate_id")
    this_week = TimeEntry.objects.filter(expert=expert, date__range=(days[0], days[-1])).values(
        "mandate_id"
    )
    placed = WeekRow.objects.filter(expert=expert, week_start=week_start)
    pins = PinnedMandate.objects.filter(expert=expert)
    wanted = Q(pk__in=placed.filter(hidden=False).values("mandate_id")) | Q(
        pk__in=pins.values("mandate_id")
    )
    mandates = (
        Mandate.objects.filter(Q(pk__in=recent) | (wanted & _open_during(days[0], days[-1])))
        .exclude(Q(pk__in=placed.filter(hidden=True).values("mandate_id")) & ~Q(pk__in=this_week))
        .annotate(
            position=Subquery(
                placed.filter(mandate_id=OuterRef("pk"), hidden=False).values("position")[:1]
            ),
            pinned=Exists(pins.filter(mandate_id=OuterRef("pk"))),
        )
        .order_by(F("position").asc(nulls_first=True), "code")
        .values_list("pk", "code", "title", "organisation__name", "pinned")
    )
    locks = [
        WeekGridLock(*values)
        for values in PeriodLock.objects.filter(start__lte=days[-1], end__gte=days[0])
        .order_by("start")
        .values_list("start", "end", "kind", "fiscal_year__name")
    ]
    locked = {day for day in days if any(lock.start <= day <= lock.end for lock in locks)}
    rows = {
        pk: WeekGridRow(
            pk,
            code,
            title,
            organisation,
            [WeekGridCell(day=day, locked=day in locked) for day in days],
            pinned=pinned,
        )
        for pk, code, title, organisation, pinned in mandates
    }
    entries = TimeEntry.objects.filter(expert=expert, date__range=(days[0], days[-1])).values_list(
        "pk", "mandate_id", "date", "hours", "description"
    )
    for pk, mandate_id, day, hours, description in entries:
        cell = rows[mandate_id].cells[(day - days[0]).days]
        cell.add(pk, hours, description)
    week = (
        TimesheetWeek.objects.filter(expert=expert, week_start=week_start)
        .select_related("decided_by")
        .first()
    )
    return WeekGrid(days=days, week=week, rows=list(rows.values()), locks=locks)


# The picker's « récents »: the mandates the expert logged hours on in these days before the week.
PICKER_RECENT_DAYS = 90
# The picker's groups, in the order it offers them.
PICKER_GROUPS = ("pinned", "assigned", "recent", "department", "other")


def week_sheet_mandates_to_add(
    expert: Expert, week_start: dt.date, *, exclude_ids: Iterable[int] = ()
) -> list[dict]:
    """The open mandates covering the week that may become rows, as the picker offers them: one
    query. Each: id, code, title, organisation_name and its `group` — the expert's pinned
    mandates, then those a director assigned them to, then those they logged hours on lately
    (latest first), then their department's, then the others, each by code."""
    week_end = week_start + dt.timedelta(days=6)
    last_used = (
        TimeEntry.objects.filter(
            expert=expert,
            mandate_id=OuterRef("pk"),
            date__range=(week_start - dt.timedelta(days=PICKER_RECENT_DAYS), week_end),
        )
        .order_by("-date")
        .values("date")[:1]
    )
    mandates = list(
        Mandate.objects.filter(_open_during(week_start, week_end))
        .exclude(pk__in=list(exclude_ids))
        .annotate(
            pinned=Exists(PinnedMandate.objects.filter(expert=expert, mandate_id=OuterRef("pk"))),
            assigned=Exists(
                MandateAssignment.objects.filter(expert=expert, mandate_id=OuterRef("pk"))
            ),
            last_used=Subquery(last_used),
            own_department=Case(
                When(department_id=expert.department_id, then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            ),
        )
        .order_by(
            "-pinned",
            "-assigned",
            F("last_used").desc(nulls_last=True),
            "-own_department",
            "code",
        )
        .values(
            "id",
            "code",
            "title",
            "pinned",
            "assigned",
            "last_used",
            "own_department",
            organisation_name=F("organisation__name"),
        )
    )
    for mandate in mandates:
        mandate["group"] = (
            "pinned"
            if mandate["pinned"]
            else "assigned"
            if mandate["assigned"]
            else "recent"
            if mandate["last_used"]
            else "department"
            if mandate["own_department"]
            else "other"
        )
    return mandates


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
