"""Importing a CSV file: all of it, or nothing."""

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.db import transaction

from consortium.imports.csv_reader import read_csv
from consortium.imports.errors import ErrorList, ImportRefused
from consortium.imports.importers import IMPORTERS
from consortium.imports.importers.base import ImportSummary
from consortium.timesheets.models import TimeEntryImport

# The bulk write of time entries leaves no per-entry audit rows (it must stay fast): the import
# itself is recorded instead, as one TimeEntryImport row in the same transaction.
_AUDITED_KIND = "time-entries"


class _Rollback(Exception):
    pass


@contextmanager
def _without_cycle_collection() -> Iterator[None]:
    """Pause Python's cycle collector: a big file makes millions of small lists and tuples, none
    in a cycle, and the collector would rescan them over and over (it tripled the time of a
    200,000-row import). Everything is freed by reference counting as usual."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def csv_import(*, kind: str, path: Path, by=None) -> ImportSummary:
    """Import the CSV file `path` of this kind (a key of IMPORTERS) in one transaction.

    `by`: the user who imports it (None: the command line), kept with an import of time entries.

    Raises ImportRefused with every error found, each located by file, line and column; nothing
    is then written.
    """
    importer = IMPORTERS[kind]
    errors = ErrorList(str(path))
    with _without_cycle_collection():
        table = read_csv(path, importer.COLUMNS, errors, getattr(importer, "OPTIONAL_COLUMNS", ()))
        if table is None:
            raise ImportRefused(errors.file, errors.sorted())
        try:
            with transaction.atomic():
                summary = importer.run(table, errors)
                if errors:
                    raise _Rollback
                if kind == _AUDITED_KIND:
                    _record_time_entry_import(path=path, summary=summary, by=by)
        except _Rollback:
            raise ImportRefused(errors.file, errors.sorted()) from None
    return summary


def _record_time_entry_import(*, path: Path, summary: ImportSummary, by) -> None:
    count = summary.counts[0]
    batch = TimeEntryImport(
        file_name=Path(path).name,
        rows=summary.rows,
        created=count.created,
        updated=count.updated,
        imported_by=by,
    )
    batch.full_clean()
    batch.save()
