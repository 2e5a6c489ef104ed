"""Finance locks a month or a fiscal year against changes, and reopens it for a correction."""

import datetime as dt

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from consortium.accounts.access import can_lock_periods
from consortium.core.fiscal_years import fiscal_year_bounds, month_period
from consortium.core.formatting import long_date
from consortium.core.models import FiscalYear
from consortium.core.weeks import week_start_of
from consortium.timesheets.models import LockAction, PeriodKind, PeriodLock, PeriodLockEvent


@transaction.atomic
def period_lock(
    *,
    kind: str,
    month: dt.date | None = None,
    fiscal_year: str | None = None,
    by=None,
    reason: str = "",
) -> PeriodLock:
    """Lock a month (any day of it) or a fiscal year ("2020-2021") against changes.

    `by`: who locks it, refused unless finance or an administrator; None: the system (demo,
    imports). A person cannot lock a period before `first_lock_day` of its end: its last
    week and the grace period stay open to the experts.
    """
    _check_may_lock(by)
    if kind == PeriodKind.MONTH:
        if month is None:
            raise ValidationError({"month": _("Indiquez le mois à verrouiller.")})
        period = month_period(month.year, month.month)
        start, end, year = period.start, period.end, None
    elif kind == PeriodKind.FISCAL_YEAR:
        try:
            start, end = fiscal_year_bounds(fiscal_year or "")
        except ValueError as error:
            raise ValidationError({"fiscal_year": str(error)}) from error
        year, _created = FiscalYear.objects.get_or_create(
            name=fiscal_year, defaults={"start_date": start, "end_date": end}
        )
        start, end = year.start_date, year.end_date
    else:
        raise ValidationError({"kind": _("Type de période inconnu : %(kind)s") % {"kind": kind}})
    if PeriodLock.objects.filter(start__lte=start, end__gte=end).exists():
        raise ValidationError(_("Cette période est déjà verrouillée."))
    lockable_from = first_lock_day(end)
    if by is not None and timezone.localdate() < lockable_from:
        raise ValidationError(
            _(
                "Cette période ne peut être verrouillée avant le %(day)s : ses derniers jours "
                "restent ouverts à la saisie jusqu'à la fin de leur semaine et %(grace)s jours "
                "de plus (délai de grâce)."
            )
            % {"day": long_date(lockable_from), "grace": settings.PERIOD_LOCK_GRACE_DAYS}
        )
    lock = PeriodLock(
        kind=kind, start=start, end=end, fiscal_year=year, locked_by=by, reason=reason
    )
    lock.full_clean()
    lock.save()
    _record(lock, LockAction.LOCKED, by=by, reason=reason)
    return lock


def first_lock_day(end: dt.date) -> dt.date:
    """The first day a period ending on `end` may be locked: once the week of its last day is
    over (its expert may still be entering that week) and the grace period has passed."""
    week_over = week_start_of(end) + dt.timedelta(days=7)
    grace_over = end + dt.timedelta(days=settings.PERIOD_LOCK_GRACE_DAYS + 1)
    return max(week_over, grace_over)


@transaction.atomic
def period_unlock(*, lock: PeriodLock, by=None, reason: str) -> None:
    """Reopen a locked period, saying why (kept in the lock history). `by`: who unlocks it,
    refused unless finance or an administrator; None: the system (the demo's reset)."""
    _check_may_lock(by)
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": _("Indiquez pourquoi la période est déverrouillée.")})
    _record(lock, LockAction.UNLOCKED, by=by, reason=reason)
    lock.delete()


def _record(lock: PeriodLock, action: str, *, by, reason: str) -> None:
    event = PeriodLockEvent(
        action=action, kind=lock.kind, start=lock.start, end=lock.end, by=by, reason=reason
    )
    event.full_clean()
    event.save()


def _check_may_lock(by) -> None:
    if by is not None and not can_lock_periods(by):
        raise PermissionDenied(
            _(
                "Seules les finances (ou l'administration) verrouillent et déverrouillent "
                "les périodes."
            )
        )
