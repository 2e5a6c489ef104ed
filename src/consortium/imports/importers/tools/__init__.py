"""Readers of other time trackers' exports (Kimai, Toggl, Clockify, Harvest): each turns its
tool's file into normalised rows (`ToolRow`), whatever the tool's columns, languages, dates and
durations; `consortium import-timesheets` then maps them onto our registry and writes them.

Every tool module gives its column names (`SYNONYMS`: field → the headers it goes by, in the
tool's languages), the fields it cannot do without (`REQUIRED`) and how it reads a duration
(`duration_hours`); `read_export` does the rest, the same way for all.
"""

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from types import ModuleType

from django.utils.translation import gettext as _

from consortium.imports.errors import ErrorList
from consortium.imports.importers.tools.values import (
    DateReader,
    Header,
    Sheet,
    date_message,
    duration_message,
    hours_between,
    match_header,
    read_sheet,
    read_time,
    to_hundredth,
)


@dataclass(slots=True)
class ToolRow:
    """One entry of an export, as every tool's reader gives it."""

    line: int
    person: str
    email: str
    client: str
    project: str
    task: str
    description: str
    day: dt.date
    hours: Decimal  # to the hundredth
    start: dt.time | None = None
    end: dt.time | None = None
    external_id: str = ""


@dataclass
class ToolExport:
    """The rows of one file, and the file's own name for each field (for located errors)."""

    tool: str
    rows: list[ToolRow]
    header: Header
    skipped: list[int] = field(default_factory=list)  # lines read as totals or zero durations

    def column(self, key: str) -> str:
        return self.header.name(key)


def _tools() -> dict[str, ModuleType]:
    from consortium.imports.importers.tools import clockify, harvest, kimai, toggl

    return {"kimai": kimai, "toggl": toggl, "clockify": clockify, "harvest": harvest}


TOOLS = ("kimai", "toggl", "clockify", "harvest")


def read_export(
    tool: str, path: Path, errors: ErrorList, date_order: str | None = None
) -> ToolExport | None:
    """The normalised rows of `path`, an export of `tool`; None with errors when refused."""
    module = _tools()[tool]
    sheet = read_sheet(path, errors)
    if sheet is None:
        return None
    if hasattr(module, "prepare"):
        prepared = module.prepare(sheet, errors)
        if prepared is None:
            return None
        header_values, header_line, body = prepared
    else:
        (header_line, header_values), body = sheet.rows[0], sheet.rows[1:]
    header = match_header(header_values, module.SYNONYMS, module.REQUIRED, errors, header_line)
    if header is None:
        return None
    return _rows(tool, module, header, body, errors, DateReader(errors, date_order))


def _rows(
    tool: str,
    module: ModuleType,
    header: Header,
    body: list[tuple[int, list[str]]],
    errors: ErrorList,
    dates: DateReader,
) -> ToolExport | None:
    positions = list(header.positions.items())
    width = max(position for _key, position in positions) + 1
    export = ToolExport(tool=tool, rows=[], header=header)
    records: list[tuple[int, dict[str, str]]] = []
    date_key = "date" if "date" in header.positions else "start_date"
    date_column = header.name(date_key)
    is_total = getattr(module, "is_total", None)
    for line, values in body:
        if len(values) < width:
            values = values + [""] * (width - len(values))
        record = {key: values[position].strip() for key, position in positions}
        if not any(record.values()):
            continue  # a blank line, or one of columns of no interest only
        if is_total is not None and is_total(record):
            export.skipped.append(line)
            continue
        records.append((line, record))
        if record.get(date_key):
            dates.note(line, date_column, record[date_key])
    if not records and not errors:
        errors.add(2, "", _("Aucune ligne à importer : le fichier n'a que son en-tête."))
    if not dates.decide():
        return None
    for line, record in records:
        row = _row(module, header, line, record, date_key, dates, errors)
        if row is None:
            continue
        if row.hours == 0:  # a timer stopped at once: nothing to keep, said in the summary
            export.skipped.append(line)
            continue
        export.rows.append(row)
    return None if errors else export


def _row(
    module: ModuleType,
    header: Header,
    line: int,
    record: dict[str, str],
    date_key: str,
    dates: DateReader,
    errors: ErrorList,
) -> ToolRow | None:
    failed = False
    day_text = record.get(date_key, "")
    day = dates.read(day_text) if day_text else None
    if day is None:
        errors.add(
            line,
            header.name(date_key),
            date_message(day_text) if day_text else _("Valeur obligatoire."),
        )
        failed = True
    start = end = None
    for key in ("start", "end"):
        text = record.get(key, "")
        if text:
            value = read_time(text)
            if value is None:
                errors.add(
                    line,
                    header.name(key),
                    _("« %(value)s » n'est pas une heure (14:30 ou 2:30 PM).") % {"value": text},
                )
                failed = True
            elif key == "start":
                start = value
            else:
                end = value
    hours, column, duration_text = module.duration_hours(record)
    if hours is None and duration_text:
        errors.add(line, header.name(column), duration_message(duration_text))
        failed = True
    elif hours is None and start is not None and end is not None:
        hours = hours_between(start, end)
    elif hours is None and not failed:
        errors.add(line, header.name(column), _("Durée manquante (minuteur encore en marche ?)."))
        failed = True
    person = record.get("person", "") or " ".join(
        part for part in (record.get("first_name", ""), record.get("last_name", "")) if part
    )
    if not person and not record.get("email"):
        errors.add(line, header.name("person"), _("Valeur obligatoire."))
        failed = True
    if not record.get("project"):
        errors.add(line, header.name("project"), _("Valeur obligatoire."))
        failed = True
    if failed:
        return None
    if start is None or end is None:
        start = end = None
    return ToolRow(
        line=line,
        person=person,
        email=record.get("email", ""),
        client=record.get("client", ""),
        project=record["project"],
        task=record.get("task", ""),
        description=record.get("description", ""),
        day=day,
        hours=to_hundredth(hours),
        start=start,
        end=end,
        external_id=record.get("id", ""),
    )


__all__ = ["TOOLS", "Sheet", "ToolExport", "ToolRow", "read_export"]
