"""Reads shared by every area."""

import datetime as dt

from django.db.models import Q, QuerySet


def first_day_outside(rows: QuerySet, start: dt.date, end: dt.date | None) -> dt.date | None:
    """The first `date`, among `rows`, outside [start, end] (end None: open), if any.

    The registry asks it of the hours logged on a mandate or by an expert through their reverse
    relation (`mandate.time_entries`), so that it never imports the ledger above it.
    """
    outside = Q(date__lt=start)
    if end is not None:
        outside |= Q(date__gt=end)
    return rows.filter(outside).order_by("date").values_list("date", flat=True).first()
