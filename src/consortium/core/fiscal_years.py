"""Fiscal years and reporting periods: names such as "2020-2021", their first and last days,
their neighbours and their months."""

import datetime as dt
import re
from dataclasses import dataclass

from django.conf import settings
from django.db import models
from django.utils.translation import gettext as _

FISCAL_YEAR_NAME = re.compile(r"^(\d{4})-(\d{4})$")

# The years the centre can hold: its ledger starts in 2019 (the demo's too). A day outside is a
# typing slip or an attack, and the arithmetic of weeks and months near year 1 or 9999 overflows
# Python's dates: addresses answer 404, forms and services refuse it.
FIRST_YEAR = 2000
LAST_YEAR = 2100
FIRST_DAY = dt.date(FIRST_YEAR, 1, 1)
LAST_DAY = dt.date(LAST_YEAR, 12, 31)


def is_supported_day(day: dt.date) -> bool:
    """Whether `day` falls in the years the centre can hold (FIRST_YEAR..LAST_YEAR)."""
    return FIRST_DAY <= day <= LAST_DAY


def unsupported_day_message() -> str:
    return _("Les dates vont de %(first)s à %(last)s.") % {"first": FIRST_YEAR, "last": LAST_YEAR}


@dataclass(frozen=True)
class Period:
    """A closed range of days, both ends included."""

    start: dt.date
    end: dt.date
    label: str = ""

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(_("La période se termine avant de commencer."))

    def __contains__(self, day: dt.date) -> bool:
        return self.start <= day <= self.end


def fiscal_year_bounds(name: str, start_month: int | None = None) -> tuple[dt.date, dt.date]:
    """First and last day of fiscal year `name` ("2020-2021"), for the configured start month."""
    start_month = start_month or settings.FISCAL_YEAR_START_MONTH
    match = FISCAL_YEAR_NAME.match(name or "")
    if not match:
        raise ValueError(
            _("« %(name)s » n'est pas un exercice de la forme AAAA-AAAA (p. ex. 2020-2021).")
            % {"name": name}
        )
    first, second = int(match[1]), int(match[2])
    expected_second = first + 1 if start_month > 1 else first
    if second != expected_second:
        raise ValueError(
            _("« %(name)s » : l'exercice commençant en %(first)s se termine en %(second)s.")
            % {"name": name, "first": first, "second": expected_second}
        )
    if first < FIRST_YEAR or second > LAST_YEAR:
        raise ValueError(f"« {name} » : {unsupported_day_message()}")
    start = dt.date(first, start_month, 1)
    next_start = dt.date(first + 1, start_month, 1)
    return start, next_start - dt.timedelta(days=1)


def fiscal_year_period(name: str) -> Period:
    """The period of a fiscal year: the stored one if any, else the configured start month's."""
    from consortium.core.models import FiscalYear

    stored = FiscalYear.objects.filter(name=name).values_list("start_date", "end_date").first()
    start, end = stored or fiscal_year_bounds(name)
    return Period(start, end, name)


def fiscal_year_name_for(day: dt.date, start_month: int | None = None) -> str:
    """The name of the fiscal year that contains `day`."""
    start_month = start_month or settings.FISCAL_YEAR_START_MONTH
    first = day.year if day.month >= start_month else day.year - 1
    if start_month == 1:
        return f"{first}-{first}"
    return f"{first}-{first + 1}"


def month_period(year: int, month: int) -> Period:
    start = dt.date(year, month, 1)
    next_month = dt.date(year + month // 12, month % 12 + 1, 1)
    return Period(start, next_month - dt.timedelta(days=1), f"{year}-{month:02d}")


def fiscal_year_months(year: Period) -> list[Period]:
    """The months of a fiscal year (or any period), in order, whole months each."""
    months = []
    first = year.start.replace(day=1)
    while first <= year.end:
        months.append(month_period(first.year, first.month))
        first = months[-1].end + dt.timedelta(days=1)
    return months


def _shifted_fiscal_year_name(name: str, years: int) -> str:
    fiscal_year_bounds(name)  # refuses a malformed name
    first, second = (int(part) + years for part in name.split("-"))
    return f"{first}-{second}"


def previous_fiscal_year_name(name: str) -> str:
    """The fiscal year before `name`: "2019-2020" for "2020-2021"."""
    return _shifted_fiscal_year_name(name, -1)


def next_fiscal_year_name(name: str) -> str:
    """The fiscal year after `name`: "2021-2022" for "2020-2021"."""
    return _shifted_fiscal_year_name(name, 1)


class MonthStartOf(models.Func):
    """The first day of a date column's month, with the database's own date functions (Django's
    TruncMonth calls Python once per row on SQLite): to group hours by month in SQL."""

    arity = 1
    output_field = models.DateField()

    def as_sqlite(self, compiler, connection, **extra):
        template = "date(%(expressions)s, 'start of month')"
        return self.as_sql(compiler, connection, template=template, **extra)

    def as_postgresql(self, compiler, connection, **extra):
        template = "CAST(date_trunc('month', %(expressions)s) AS date)"
        return self.as_sql(compiler, connection, template=template, **extra)
