"""Importing a CSV file: all of it, or nothing."""

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.translation import gettext as _

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


def csv_import(*, kind: str, path: Path, by=None, approve: bool = False) -> ImportSummary:
    """Import the CSV file `path` of this kind (a key of IMPORTERS) in one transaction.

    `by`: the user who imports it (None: the command line), kept with an import of time entries.
    `approve` (time entries only): the file's weeks count as approved, decided by `by` or, from
    the command line, by the import's own user (`import_user`).

    Raises ImportRefused with every error found, each located by file, line and column; nothing
    is then written.
    """
    if approve and kind != _AUDITED_KIND:
        raise ValueError(_("--approve ne vaut que pour les entrées de temps (time-entries)."))
    importer = IMPORTERS[kind]
    extra = {"approve": True, "by": by} if approve else {}
    errors = ErrorList(str(path))
    with _without_cycle_collection():
        table = read_csv(path, importer.COLUMNS, errors, getattr(importer, "OPTIONAL_COLUMNS", ()))
        if table is None:
            raise ImportRefused(errors.file, errors.sorted())
        try:
            with transaction.atomic():
                if approve and by is None:
                    extra["by"] = import_user()
                summary = importer.run(table, errors, **extra)
                if errors:
                    raise _Rollback
                if kind == _AUDITED_KIND:
                    _record_time_entry_import(path=path, summary=summary, by=by)
        except _Rollback:
            raise ImportRefused(errors.file, errors.sorted()) from None
    return summary


# The user who decides what an import from the command line decides (the weeks it approves):
# inactive, with no password and no role, it can never sign in.
IMPORT_USERNAME = "consortium-import"


def import_user():
    """The import's own user, created the first time it is needed."""
    user_model = get_user_model()
    user = user_model.objects.filter(username=IMPORT_USERNAME).first()
    if user is None:
        user = user_model(
            username=IMPORT_USERNAME, first_name="Import", last_name="CSV", is_active=False
        )
        user.set_unusable_password()
        user.full_clean()
        user.save()
    return user


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
