"""Locked periods, as every layer reads them: the one rule of what a lock freezes.

A period is locked when its fiscal year or its month is, for every kind of record dated in it:
a day (a time entry) is locked when a lock covers it; a span (a fiscal year's actual amounts, a
membership's days) is wholly locked when locks cover all its days (the fiscal year's own lock, or
its twelve months), and partly locked when a lock touches it.

The locks are the ledger's (`timesheets.PeriodLock`). Core and the registry sit below the ledger:
they read the locks through the relation the ledger's model gives the fiscal years
(`FiscalYear.locks`), as the registry reads hours through `mandate.time_entries`, never by
importing the ledger.
"""

import datetime as dt

from django.db.models import Exists, OuterRef, Q, QuerySet

from consortium.core.fiscal_years import fiscal_year_name_for
from consortium.core.models import FiscalYear

ONE_DAY = dt.timedelta(days=1)


def period_locks() -> QuerySet:
    """Every lock (`timesheets.PeriodLock`), first day first."""
    return FiscalYear.locks.rel.related_model.objects.order_by("start")


def locked_ranges(start: dt.date, end: dt.date) -> list[tuple[dt.date, dt.date]]:
    """The locked periods that touch [start, end], as (first day, last day) pairs."""
    return list(period_locks().filter(start__lte=end, end__gte=start).values_list("start", "end"))


def period_is_locked(start: dt.date, end: dt.date) -> bool:
    """Whether locks cover every day of [start, end] (a fiscal year's lock, or its months')."""
    covered_until = start - ONE_DAY
    for first, last in locked_ranges(start, end):
        if first > covered_until + ONE_DAY:
            return False
        covered_until = max(covered_until, last)
        if covered_until >= end:
            return True
    return covered_until >= end


def lock_name(lock) -> str:
    """How a refusal names a lock: the fiscal year ("2020-2021") or the month ("2020-11")."""
    if lock.kind == "fiscal_year":
        return lock.fiscal_year.name if lock.fiscal_year_id else fiscal_year_name_for(lock.start)
    return f"{lock.start:%Y-%m}"


def first_lock_holding(rows: QuerySet):
    """The first lock that covers the `date` of one of `rows` (dated records such as
    `mandate.time_entries`), or None."""
    dated = rows.filter(date__gte=OuterRef("start"), date__lte=OuterRef("end"))
    return period_locks().select_related("fiscal_year").filter(Exists(dated)).first()


def first_lock_touching(spans: list[tuple[dt.date, dt.date | None]]):
    """The first lock that touches one of `spans` ((first day, last day or None: open)), or
    None."""
    touching = Q(pk__in=[])
    for first, last in spans:
        span = Q(end__gte=first)
        if last is not None:
            span &= Q(start__lte=last)
        touching |= span
    return period_locks().select_related("fiscal_year").filter(touching).first()
