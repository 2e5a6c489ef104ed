"""Weeks as the timesheets count them: Monday to Sunday, named by their Monday."""

import datetime as dt

from django.db import models

DAYS_IN_A_WEEK = 7


def week_start_of(day: dt.date) -> dt.date:
    """The Monday of the week of `day`."""
    return day - dt.timedelta(days=day.weekday())


def week_days(week_start: dt.date) -> list[dt.date]:
    """The seven days of the week that starts on `week_start`, Monday to Sunday."""
    return [week_start + dt.timedelta(days=offset) for offset in range(DAYS_IN_A_WEEK)]


class WeekStartOf(models.Func):
    """`week_start_of` in SQL: the Monday of a date column's week, with the database's own
    date functions (Django's date arithmetic calls Python once per row on SQLite)."""

    arity = 1
    output_field = models.DateField()

    def as_sqlite(self, compiler, connection, **extra):
        # The next Sunday (the day itself on a Sunday), then back six days.
        template = "date(%(expressions)s, 'weekday 0', '-6 days')"
        return self.as_sql(compiler, connection, template=template, **extra)

    def as_postgresql(self, compiler, connection, **extra):
        template = "CAST(date_trunc('week', %(expressions)s) AS date)"
        return self.as_sql(compiler, connection, template=template, **extra)
