"""Importing another tool's export (`consortium import-timesheets`): all of it, or nothing.

The export is read into normalised rows (`importers.tools`), mapped onto our registry
(`importers.tools.mapping`, creating what is missing when asked), then checked and written by our
own time-entries importer (`importers.time_entries.run`): the same rules (24 h a day, mandate
and employment dates, locks, submitted and approved weeks, invoiced hours) and the same bulk
writer. Its errors are given back under the export's own line and column names.

The entries are written with the tool's name as their source ("kimai", "toggl", "clockify",
"harvest"), so a re-import of an export replaces what that tool's imports brought and nothing
else: an entry with the tool's id (Kimai's and Toggl's "ID" columns, when exported) replaces
the entry of that id; the rows without one replace, together, that tool's entries without one
on their expert, mandate and day (the key of `time_entries_bulk_write`).
"""

import datetime as dt
import functools
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext as _

from consortium.imports.csv_reader import CsvTable
from consortium.imports.errors import ErrorList, ImportRefused
from consortium.imports.importers import time_entries
from consortium.imports.importers.base import ImportSummary
from consortium.imports.importers.tools import ToolExport, read_export
from consortium.imports.importers.tools.mapping import Created, map_rows, read_map
from consortium.imports.services import import_user, without_cycle_collection
from consortium.staff.models import Department
from consortium.timesheets.models import TimeEntryImport, hours_between


@dataclass
class ToolImportResult:
    rows: int
    skipped: list[int]
    created: Created
    summary: ImportSummary | None
    hours_by_person: dict[str, Decimal] = field(default_factory=dict)
    hours_by_project: dict[str, Decimal] = field(default_factory=dict)
    dry_run: bool = False


class _DryRun(Exception):
    pass


class _Rollback(Exception):
    pass


class _RenamedErrors(ErrorList):
    """The time-entries importer's errors, under the export's own column names."""

    def __init__(self, errors: ErrorList, columns: dict[str, str]) -> None:
        super().__init__(errors.file)
        self.target = errors
        self.columns = columns

    def add(self, line: int, column: str, message: str) -> None:
        super().add(line, column, message)
        self.target.add(line, self.columns.get(column, column), message)


def tool_import(
    *,
    tool: str,
    path: Path,
    map_path: Path | None = None,
    create_missing: bool = False,
    department_code: str = "",
    approve: bool = False,
    dry_run: bool = False,
    date_order: str | None = None,
    by=None,
) -> ToolImportResult:
    """Import `path`, an export of `tool`, in one transaction (rolled back with `dry_run`).

    Raises ImportRefused with every error found (file, line, column); nothing is then written.
    """
    errors = ErrorList(str(path))
    with without_cycle_collection():
        explicit: dict = {}
        if map_path is not None:
            map_errors = ErrorList(str(map_path))
            explicit = read_map(map_path, map_errors)
            if explicit is None:
                raise ImportRefused(map_errors.file, map_errors.sorted())
        export = read_export(tool, path, errors, date_order)
        if export is None:
            raise ImportRefused(errors.file, errors.sorted())
        result = ToolImportResult(
            rows=len(export.rows), skipped=export.skipped, created=Created(), summary=None,
            dry_run=dry_run,
        )  # fmt: skip
        try:
            with transaction.atomic():
                department = _department(department_code, errors)
                mapped = map_rows(
                    export,
                    explicit,
                    errors,
                    create_missing=create_missing,
                    department=department,
                )
                if mapped is None:
                    raise _Rollback
                result.created = mapped.created
                table = _table(export, mapped.expert_codes, mapped.mandate_codes)
                renamed = _RenamedErrors(errors, _columns(export))
                extra = {"approve": True, "by": by or import_user()} if approve else {}
                result.summary = time_entries.run(table, renamed, source=tool, **extra)
                if errors:
                    raise _Rollback
                _totals(result, export, mapped.expert_codes, mapped.mandate_codes)
                _record(path, result.summary, by)
                if dry_run:
                    raise _DryRun
        except _Rollback:
            raise ImportRefused(errors.file, errors.sorted()) from None
        except _DryRun:
            pass
    return result


def _department(code: str, errors: ErrorList) -> Department | None:
    if not code:
        return None
    department = Department.objects.filter(code=code).first()
    if department is None:
        errors.add(0, "--department", _("Département inconnu : « %(code)s ».") % {"code": code})
    return department


def _columns(export: ToolExport) -> dict[str, str]:
    person = "person" if "person" in export.header.names else "first_name"
    return {
        "expert_code": export.column(person),
        "mandate_code": export.column("project"),
        "date": export.column("date" if "date" in export.header.names else "start_date"),
        "hours": export.column("duration"),
        "description": export.column("description"),
        "start": export.column("start"),
        "end": export.column("end"),
        "external_id": export.column("id"),
    }


def _table(export: ToolExport, experts: dict[int, str], mandates: dict[int, str]) -> CsvTable:
    """The rows as our own time-entries file would hold them. The times are kept when they make
    the tool's duration to the minute; the tool's duration wins otherwise (Kimai and Clockify
    may round durations, Toggl counts seconds), and the entry keeps only its hours."""
    rows = []
    for row in export.rows:
        start, end = _times_text(row.start, row.end, row.hours) if row.start else ("", "")
        rows.append(
            (
                row.line,
                [
                    experts[row.line],
                    mandates[row.line],
                    row.day.isoformat(),
                    str(row.hours),
                    row.description,
                    row.external_id,
                    start,
                    end,
                ],
            )
        )
    columns = (*time_entries.COLUMNS, "external_id", "start", "end")
    return CsvTable(
        file=export.tool,
        delimiter=",",
        index={name: position for position, name in enumerate(columns)},
        rows=rows,
    )


@functools.lru_cache(maxsize=65536)
def _times_text(start: dt.time, end: dt.time, hours: Decimal) -> tuple[str, str]:
    """The times as HH:MM when they make the hours, else none (a file repeats its times)."""
    if hours_between(start, end) != hours:
        return "", ""
    return start.strftime("%H:%M"), end.strftime("%H:%M")


def _totals(result, export, experts, mandates) -> None:
    by_person: dict[str, Decimal] = defaultdict(Decimal)
    by_project: dict[str, Decimal] = defaultdict(Decimal)
    for row in export.rows:
        by_person[experts[row.line]] += row.hours
        by_project[mandates[row.line]] += row.hours
    result.hours_by_person = dict(sorted(by_person.items()))
    result.hours_by_project = dict(sorted(by_project.items()))


def _record(path: Path, summary: ImportSummary, by) -> None:
    """The import itself is audited (the bulk write leaves no per-entry trail)."""
    count = summary.counts[0]
    batch = TimeEntryImport(
        file_name=Path(path).name[:255],
        rows=summary.rows,
        created=count.created,
        updated=count.updated,
        imported_by=by,
    )
    batch.full_clean()
    batch.save()
