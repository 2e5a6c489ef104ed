"""The life of a week: the expert submits it, a director approves, returns or reopens it; the
expert may copy the previous week's hours into a draft one."""

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import partial

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from consortium.accounts.access import can_approve_for, can_edit_time_of
from consortium.core.fiscal_years import is_supported_day, unsupported_day_message
from consortium.core.formatting import long_date
from consortium.staff.models import Expert
from consortium.timesheets import rules
from consortium.timesheets.models import TimeEntry, TimesheetWeek, WeekStatus
from consortium.timesheets.notifications import week_returned_notify
from consortium.timesheets.selectors.ledger import closed_weeks
from consortium.timesheets.services.entries import time_entry_record


def _refuse_transition(week: TimesheetWeek, action: str) -> None:
    raise ValidationError(
        _("La semaine du %(week)s est à l'état « %(status)s » : elle ne peut pas être %(action)s.")
        % {
            "week": long_date(week.week_start),
            "status": week.get_status_display(),
            "action": action,
        }
    )


def _locked_week(week: TimesheetWeek) -> TimesheetWeek:
    return TimesheetWeek.objects.select_for_update().select_related("expert").get(pk=week.pk)


def _check_may_decide(by, week: TimesheetWeek) -> None:
    if not can_approve_for(by, week.expert):
        raise PermissionDenied(
            _(
                "Seule la direction du département de %(expert)s (ou l'administration) décide "
                "de ses semaines, et personne ne décide de sa propre semaine."
            )
            % {"expert": week.expert}
        )


def _check_week_start(week_start: dt.date) -> None:
    """A week in the years the centre can hold: one of year 9999 would overflow every page that
    shows its Sunday (the approval list first)."""
    if not is_supported_day(week_start):
        raise ValidationError({"week_start": unsupported_day_message()})


@transaction.atomic
def week_submit(*, expert: Expert, week_start: dt.date, by) -> TimesheetWeek:
    """The expert hands in their week (Monday `week_start`) for approval."""
    if not can_edit_time_of(by, expert):
        raise PermissionDenied(
            _("Vous ne pouvez pas soumettre les heures de %(expert)s.") % {"expert": expert}
        )
    _check_week_start(week_start)
    week = (
        TimesheetWeek.objects.select_for_update()
        .filter(expert=expert, week_start=week_start)
        .first()
    ) or TimesheetWeek(expert=expert, week_start=week_start)
    if week.status not in (WeekStatus.DRAFT, WeekStatus.RETURNED):
        _refuse_transition(week, _("soumise"))
    week.status = WeekStatus.SUBMITTED
    week.submitted_at = timezone.now()
    week.decided_by = None
    week.decided_at = None
    week.reason = ""
    week.full_clean()
    week.save()
    return week


@transaction.atomic
def week_withdraw(*, expert: Expert, week_start: dt.date, by) -> TimesheetWeek:
    """The expert takes back a week they submitted, before a director decides it: it is a draft
    again, open to their changes."""
    if not can_edit_time_of(by, expert):
        raise PermissionDenied(
            _("Vous ne pouvez pas retirer la semaine de %(expert)s.") % {"expert": expert}
        )
    week = (
        TimesheetWeek.objects.select_for_update()
        .filter(expert=expert, week_start=week_start)
        .first()
    )
    if week is None or week.status != WeekStatus.SUBMITTED:
        raise ValidationError(
            _("Seule une semaine soumise et pas encore approuvée peut être retirée.")
        )
    week.status = WeekStatus.DRAFT
    week.submitted_at = None
    week.full_clean()
    week.save()
    return week


@transaction.atomic
def week_approve(*, week: TimesheetWeek, by) -> TimesheetWeek:
    """A director approves a submitted week: its hours then change only after reopening."""
    week = _locked_week(week)
    _check_may_decide(by, week)
    if week.status != WeekStatus.SUBMITTED:
        _refuse_transition(week, _("approuvée"))
    week.status = WeekStatus.APPROVED
    week.decided_by = by
    week.decided_at = timezone.now()
    week.full_clean()
    week.save()
    return week


@transaction.atomic
def week_return(*, week: TimesheetWeek, by, reason: str) -> TimesheetWeek:
    """A director sends a submitted week back to its expert, saying why; the expert is told by
    e-mail (`notifications.week_returned_notify`) unless they turned it off."""
    week = _locked_week(week)
    _check_may_decide(by, week)
    if not reason.strip():
        raise ValidationError({"reason": _("Indiquez pourquoi la semaine est renvoyée.")})
    if week.status != WeekStatus.SUBMITTED:
        _refuse_transition(week, _("renvoyée"))
    week.status = WeekStatus.RETURNED
    week.decided_by = by
    week.decided_at = timezone.now()
    week.reason = reason.strip()
    week.full_clean()
    week.save()
    # Told once the return is stored (never for a return rolled back), if the expert wants it.
    transaction.on_commit(partial(week_returned_notify, week.pk))
    return week


@transaction.atomic
def week_reopen(*, week: TimesheetWeek, by) -> TimesheetWeek:
    """A director (or an administrator) reopens an approved week: back to draft, editable."""
    week = _locked_week(week)
    _check_may_decide(by, week)
    if week.status != WeekStatus.APPROVED:
        _refuse_transition(week, _("rouverte"))
    week.status = WeekStatus.DRAFT
    week.submitted_at = None
    week.decided_by = by
    week.decided_at = timezone.now()
    week.reason = ""
    week.full_clean()
    week.save()
    return week


@transaction.atomic
def week_approve_many(*, weeks: Sequence[TimesheetWeek], by) -> list[TimesheetWeek]:
    """Approve several submitted weeks at once: every one of them, or none if one is refused."""
    return [week_approve(week=week, by=by) for week in weeks]


@transaction.atomic
def week_return_many(*, weeks: Sequence[TimesheetWeek], by, reason: str) -> list[TimesheetWeek]:
    """Send several submitted weeks back with one reason: every one of them, or none."""
    return [week_return(week=week, by=by, reason=reason) for week in weeks]


@transaction.atomic
def weeks_approve_imported(*, weeks: Iterable[tuple[int, dt.date]], by) -> tuple[int, int]:
    """Approve the weeks of imported history ((expert id, Monday) pairs) as decided by `by`,
    the importing user or the import's own user: they were approved in the system the history
    comes from. Returns how many week rows were created and how many drafts were approved.

    A week without a row or in draft becomes approved, with every hour it holds (those of the
    file and any entered before). A submitted or returned week awaits a director's decision:
    it is refused, naming the week, and so is the import. An approved week stays as it is.
    Two queries and two writes, whatever the number of weeks.
    """
    wanted = set(weeks)
    if not wanted:
        return 0, 0
    expert_ids = {expert_id for expert_id, _monday in wanted}
    mondays = [monday for _expert_id, monday in wanted]
    stored = {
        (week.expert_id, week.week_start): week
        for week in TimesheetWeek.objects.select_for_update().filter(
            expert_id__in=expert_ids, week_start__range=(min(mondays), max(mondays))
        )
    }
    undecided = sorted(
        (week.week_start, week.get_status_display())
        for key, week in stored.items()
        if key in wanted and week.status in (WeekStatus.SUBMITTED, WeekStatus.RETURNED)
    )
    if undecided:
        monday, status = undecided[0]
        raise ValidationError(
            _(
                "La semaine du %(week)s est à l'état « %(status)s » : elle attend la décision de "
                "la direction et ne peut être approuvée par un import."
            )
            % {"week": monday.isoformat(), "status": status}
        )
    now = timezone.now()
    decision = {
        "status": WeekStatus.APPROVED,
        "submitted_at": now,
        "decided_by": by,
        "decided_at": now,
        "reason": "",
    }
    drafts = [
        week.pk for key, week in stored.items() if key in wanted and week.status == WeekStatus.DRAFT
    ]
    new = [
        TimesheetWeek(expert_id=expert_id, week_start=monday, **decision)
        for expert_id, monday in sorted(wanted - stored.keys())
    ]
    TimesheetWeek.objects.bulk_create(new)
    TimesheetWeek.objects.filter(pk__in=drafts).update(**decision, updated_at=now)
    return len(new), len(drafts)


# --- Copy of the previous week (the expert's week sheet) ----------------------------------------


@dataclass(frozen=True)
class SkippedCopy:
    """An entry of the previous week left behind, and why (in the active language)."""

    mandate_code: str
    day: dt.date
    reason: str


@dataclass
class WeekCopy:
    """What a copy did: entries copied, cells that already held hours (left as they were), and
    the entries a rule refused, with the reason."""

    copied: int = 0
    present: int = 0
    skipped: list[SkippedCopy] = field(default_factory=list)


@transaction.atomic
def week_copy_previous(*, expert: Expert, week_start: dt.date, by) -> WeekCopy:
    """Copy the hours of the week before Monday `week_start` into the same days of this week.

    Each entry goes through `time_entry_record`, so every rule holds (locked periods, mandate
    dates, employment, 24 h a day) and each copy leaves its audit row; an entry a rule refuses
    is skipped with the reason; a cell that already holds hours is left as it is (counted).
    Comments are not copied: they describe that day's work. Only a draft or returned week may
    receive a copy.
    """
    if not can_edit_time_of(by, expert):
        raise PermissionDenied(
            _("Vous ne pouvez pas modifier les heures de %(expert)s.") % {"expert": expert}
        )
    week_end = week_start + dt.timedelta(days=6)
    rules.raise_problems(rules.check_week_open(week_start, closed_weeks(expert.pk, [week_start])))
    filled = set(
        TimeEntry.objects.filter(expert=expert, date__range=(week_start, week_end)).values_list(
            "mandate_id", "date"
        )
    )
    previous = (
        TimeEntry.objects.filter(
            expert=expert,
            date__range=(week_start - dt.timedelta(days=7), week_start - dt.timedelta(days=1)),
        )
        .select_related("mandate")
        .order_by("date", "mandate__code")
    )
    result = WeekCopy()
    for entry in previous:
        day = entry.date + dt.timedelta(days=7)
        if (entry.mandate_id, day) in filled:
            result.present += 1
            continue
        try:
            time_entry_record(
                expert=expert, mandate=entry.mandate, date=day, hours=entry.hours, by=by
            )
        except ValidationError as error:
            reason = " ".join(error.messages)
            result.skipped.append(SkippedCopy(entry.mandate.code, day, reason))
        else:
            result.copied += 1
    return result
