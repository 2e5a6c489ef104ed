"""The reviews of the ledger: the weeks a director approves and those recently decided, a
week's grid and changes as the review page shows them, the audit trail and the imports of a
period (views/approval.py, views/audit.py)."""

import datetime as dt
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied
from django.db.models import DateField, OuterRef, QuerySet, Subquery, Sum
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.translation import gettext as _

from consortium.accounts.access import can_read_audit_of, weeks_approvable_by
from consortium.core.fiscal_years import Period
from consortium.core.weeks import week_days
from consortium.staff.models import Expert
from consortium.timesheets.models import (
    TimeEntry,
    TimeEntryChange,
    TimeEntryImport,
    TimesheetWeek,
    WeekStatus,
)
from consortium.timesheets.selectors.grid import WeekGrid, WeekGridCell, WeekGridRow


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


def week_grid(week: TimesheetWeek) -> WeekGrid:
    """The week's entries as mandates × days (Monday to Sunday), with comments: one query.

    The review page only reads it: its cells say nothing of locks."""
    days = week_days(week.week_start)
    entries = (
        TimeEntry.objects.filter(expert_id=week.expert_id, date__range=(days[0], days[-1]))
        .order_by("mandate__code", "date")
        .values_list(
            "pk",
            "mandate_id",
            "mandate__code",
            "mandate__title",
            "mandate__organisation__name",
            "date",
            "hours",
            "description",
        )
    )
    rows: dict[int, WeekGridRow] = {}
    for pk, mandate_id, code, title, organisation, day, hours, description in entries:
        row = rows.get(mandate_id)
        if row is None:
            cells = [WeekGridCell(day=one) for one in days]
            row = rows[mandate_id] = WeekGridRow(mandate_id, code, title, organisation, cells)
        cell = row.cells[(day - days[0]).days]
        cell.add(pk, hours, description)
    return WeekGrid(days=days, week=week, rows=list(rows.values()))


def week_entry_changes(week: TimesheetWeek, limit: int = 50) -> list[TimeEntryChange]:
    """The latest changes to the entries of the week's days, newest first: one query."""
    return list(
        TimeEntryChange.objects.filter(
            expert_id=week.expert_id, date__range=(week.week_start, week.week_end)
        )
        .select_related("changed_by", "mandate")
        .order_by("-changed_at", "-id")[:limit]
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
