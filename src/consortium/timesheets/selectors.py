"""Reads of the service ledger that several areas share."""

import datetime as dt
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied
from django.db.models import DateField, OuterRef, Q, QuerySet, Subquery, Sum
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.translation import gettext as _

from consortium.accounts.models import RoleKind, StaffRole
from consortium.accounts.selectors import can_read_audit_of, user_roles
from consortium.core.fiscal_years import Period
from consortium.staff.models import Expert
from consortium.timesheets import rules
from consortium.timesheets.models import (
    PeriodLock,
    TimeEntry,
    TimeEntryChange,
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


def first_entry_day_outside(
    entries: QuerySet[TimeEntry], start: dt.date, end: dt.date | None
) -> dt.date | None:
    """The first day, among `entries`, outside [start, end] (end None: open), if any."""
    outside = Q(date__lt=start)
    if end is not None:
        outside |= Q(date__gt=end)
    return entries.filter(outside).order_by("date").values_list("date", flat=True).first()


def closed_weeks(expert_id: int, days: Iterable[dt.date]) -> dict[dt.date, str]:
    """The status of the expert's submitted or approved weeks among those of `days`, by Monday."""
    mondays = {rules.week_start_of(day) for day in days}
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


def weeks_awaiting_approval(user) -> list[TimesheetWeek]:
    """The submitted weeks `user` may approve, oldest first, with their hours: two queries.

    A director sees the weeks of the departments they direct, an administrator every week;
    nobody sees their own.
    """
    roles = user_roles(user)
    if RoleKind.ADMINISTRATOR in roles:
        weeks = TimesheetWeek.objects.filter(status=WeekStatus.SUBMITTED)
    elif RoleKind.DIRECTOR in roles:
        directed = StaffRole.departments.through.objects.filter(
            staffrole__user=user, staffrole__role=RoleKind.DIRECTOR
        ).values("department_id")
        weeks = TimesheetWeek.objects.filter(
            status=WeekStatus.SUBMITTED, expert__department__in=directed
        )
    else:
        return []
    week_hours = (
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
    return list(
        weeks.exclude(expert__user=user)
        .select_related("expert", "expert__department")
        .annotate(hours=Subquery(week_hours))
        .order_by("week_start", "expert__last_name", "expert__first_name")
    )


def time_entry_history(entry_id: int) -> QuerySet[TimeEntryChange]:
    """Every change to one entry, oldest first, deleted or not."""
    return (
        TimeEntryChange.objects.filter(entry_id=entry_id)
        .select_related("changed_by", "mandate")
        .order_by("changed_at", "id")
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
