"""Reads of the service ledger that several areas share."""

import datetime as dt

from django.db.models import Q, QuerySet

from consortium.timesheets.models import PeriodLock, TimeEntry


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
