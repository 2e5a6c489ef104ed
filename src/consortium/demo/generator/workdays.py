"""The days the demo centre works: weekdays, less Quebec's statutory holidays.

Days are numbered from the first day of the data (`FIRST_DAY` = 0) so that the planner can keep
each expert's hours per day in a flat array.
"""

import datetime as dt

from consortium.demo.generator.targets import FIRST_DAY, MONTHS


def _easter(year: int) -> dt.date:
    # Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def _nth_monday(year: int, month: int, n: int) -> dt.date:
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(7 - first.weekday()) % 7 + 7 * (n - 1))


def quebec_holidays(year: int) -> set[dt.date]:
    easter = _easter(year)
    may_25 = dt.date(year, 5, 25)
    return {
        dt.date(year, 1, 1),
        dt.date(year, 1, 2),
        easter - dt.timedelta(days=2),  # Good Friday
        easter + dt.timedelta(days=1),  # Easter Monday
        may_25 - dt.timedelta(days=may_25.weekday() or 7),  # Journée nationale des patriotes
        dt.date(year, 6, 24),
        dt.date(year, 7, 1),
        _nth_monday(year, 9, 1),  # Labour Day
        _nth_monday(year, 10, 2),  # Thanksgiving
        dt.date(year, 12, 25),
        dt.date(year, 12, 26),
    }


def day_number(day: dt.date) -> int:
    return (day - FIRST_DAY).days


def day_of(number: int) -> dt.date:
    return FIRST_DAY + dt.timedelta(days=number)


def month_bounds(year: int, month: int) -> tuple[dt.date, dt.date]:
    start = dt.date(year, month, 1)
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return start, following - dt.timedelta(days=1)


def workdays_by_month() -> list[list[int]]:
    """For each month of the data, the numbers of its working days."""
    holidays: set[dt.date] = set()
    for year in range(MONTHS[0][0], MONTHS[-1][0] + 1):
        holidays |= quebec_holidays(year)
    months = []
    for year, month in MONTHS:
        start, end = month_bounds(year, month)
        days = []
        day = start
        while day <= end:
            if day.weekday() < 5 and day not in holidays:
                days.append(day_number(day))
            day += dt.timedelta(days=1)
        months.append(days)
    return months
