"""Writes shared by the coded references of every area (departments, mandate types…), fiscal
years and the centre's closing days."""

import datetime as dt
from typing import Any, TypeVar

from django.db import models, transaction

from consortium.core.models import BilingualNameModel, ClosingDay, FiscalYear

Coded = TypeVar("Coded", bound=BilingualNameModel)


@transaction.atomic
def coded_name_upsert(
    model: type[Coded], *, code: str, name_fr: str, name_en: str = ""
) -> tuple[Coded, bool]:
    """Create the row of `model` with this code, or rename it; says if it was created."""
    row = model.objects.select_for_update().filter(code=code).first()
    created = row is None
    if row is None:
        row = model(code=code)
    row.name_fr = name_fr
    row.name_en = name_en
    row.full_clean()
    row.save()
    return row, created


Row = TypeVar("Row", bound=models.Model)


def row_save(row: Row, /, **values: Any) -> Row:
    """Set `values` on `row`, validate it (`full_clean()`) and save it; many-to-many values are
    set once the row has an id. The last step of the services that write one row as given."""
    many = {name: values.pop(name) for name in list(values) if _is_many_to_many(row, name)}
    for name, value in values.items():
        setattr(row, name, value)
    row.full_clean()
    row.save()
    for name, value in many.items():
        getattr(row, name).set(list(value))
    return row


def _is_many_to_many(row: models.Model, name: str) -> bool:
    return row._meta.get_field(name).many_to_many


@transaction.atomic
def fiscal_year_create(
    *, name: str, start_date: dt.date | None = None, end_date: dt.date | None = None
) -> FiscalYear:
    """Add a fiscal year; a day left out is computed from its name; refused if the name is taken."""
    return _fiscal_year_save(FiscalYear(), name=name, start_date=start_date, end_date=end_date)


@transaction.atomic
def fiscal_year_update(
    *,
    year: FiscalYear,
    name: str,
    start_date: dt.date | None = None,
    end_date: dt.date | None = None,
) -> FiscalYear:
    """Rename a fiscal year or move its days; a day left out is computed from its name."""
    year = FiscalYear.objects.select_for_update().get(pk=year.pk)
    return _fiscal_year_save(year, name=name, start_date=start_date, end_date=end_date)


def _fiscal_year_save(
    year: FiscalYear, *, name: str, start_date: dt.date | None, end_date: dt.date | None
) -> FiscalYear:
    year.name, year.start_date, year.end_date = name, start_date, end_date
    # The model fills the days left out from the name (or refuses the name) in clean(), which
    # full_clean() runs only after it has refused the missing days.
    year.clean()
    return row_save(year)


def closing_day_create(*, date: dt.date, label: str) -> ClosingDay:
    """Add a day the centre is closed; refused if that day already is one."""
    return row_save(ClosingDay(), date=date, label=label)


@transaction.atomic
def closing_day_update(*, day: ClosingDay, date: dt.date, label: str) -> ClosingDay:
    """Move or rename a closing day."""
    day = ClosingDay.objects.select_for_update().get(pk=day.pk)
    return row_save(day, date=date, label=label)
