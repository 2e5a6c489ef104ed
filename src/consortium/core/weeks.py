"""Weeks as the timesheets count them: Monday to Sunday, named by their Monday."""

import datetime as dt

DAYS_IN_A_WEEK = 7


def week_start_of(day: dt.date) -> dt.date:
    """The Monday of the week of `day`."""
    return day - dt.timedelta(days=day.weekday())


def week_days(week_start: dt.date) -> list[dt.date]:
    """The seven days of the week that starts on `week_start`, Monday to Sunday."""
    return [week_start + dt.timedelta(days=offset) for offset in range(DAYS_IN_A_WEEK)]
