"""Reads of the service ledger that several areas share."""

import datetime as dt

from consortium.timesheets.models import PeriodLock


def locked_ranges(start: dt.date, end: dt.date) -> list[tuple[dt.date, dt.date]]:
    """The locked periods that touch [start, end], as (first day, last day) pairs."""
    return list(
        PeriodLock.objects.filter(start__lte=end, end__gte=start)
        .order_by("start")
        .values_list("start", "end")
    )
