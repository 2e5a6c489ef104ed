"""The days work is expected: Mondays to Fridays, less Quebec's statutory holidays (the
maintained `holidays` library, country CA, subdivision QC) and the centre's own closing days
(`ClosingDay`, edited in the admin)."""

import datetime as dt
from functools import lru_cache

import holidays

from consortium.core.models import ClosingDay

COUNTRY, SUBDIVISION = "CA", "QC"


@lru_cache(maxsize=64)
def _statutory_holidays(year: int) -> dict[dt.date, str]:
    return dict(holidays.country_holidays(COUNTRY, subdiv=SUBDIVISION, years=year, language="fr"))


def statutory_holidays(first: dt.date, last: dt.date) -> dict[dt.date, str]:
    """Quebec's statutory holidays from `first` to `last`, both included (no query)."""
    found: dict[dt.date, str] = {}
    for year in range(first.year, last.year + 1):
        found.update(
            (day, name) for day, name in _statutory_holidays(year).items() if first <= day <= last
        )
    return found


def days_off(first: dt.date, last: dt.date) -> frozenset[dt.date]:
    """The weekdays from `first` to `last` on which no work is expected: statutory holidays and
    the centre's closing days (one query)."""
    if last < first:
        return frozenset()
    closing = ClosingDay.objects.filter(date__range=(first, last)).values_list("date", flat=True)
    return frozenset(
        day for day in (*statutory_holidays(first, last), *closing) if day.weekday() < 5
    )


def weekdays_between(first: dt.date, last: dt.date) -> int:
    """Mondays to Fridays from `first` to `last`, both included (no day off removed)."""
    if last < first:
        return 0
    full_weeks, extra_days = divmod((last - first).days + 1, 7)
    first_weekday = first.weekday()
    return full_weeks * 5 + sum(
        1 for offset in range(extra_days) if (first_weekday + offset) % 7 < 5
    )


def workdays_between(first: dt.date, last: dt.date, off: frozenset[dt.date]) -> int:
    """Mondays to Fridays from `first` to `last`, both included, less the days `off` (as
    `days_off` gives them, over a span that holds this one)."""
    if last < first:
        return 0
    return weekdays_between(first, last) - sum(1 for day in off if first <= day <= last)
