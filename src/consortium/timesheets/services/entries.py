"""Writes of time entries: one at a time (the grid, the admin) or many at once (imports, the demo).

Every one-entry write runs in a transaction, calls `full_clean()`, applies the rules across rows
(24 h a day per expert, mandate dates, employment, locked periods, closed weeks) with a message
that says why, and leaves its row in the audit trail.

The 24 h rule reads the other entries of the day before writing: two writers of one expert must
not both read the old total. Every writer of entries therefore takes the expert's lock first
(`time_entries_lock_experts`), before any other lock, and holds it until its transaction ends.
"""

import datetime as dt
from collections.abc import Iterable, Sequence
from decimal import Decimal
from itertools import chain
from operator import itemgetter

from django.db import connection, transaction
from django.db.models import Sum
from django.utils import timezone

from consortium.core.locks import locked_ranges
from consortium.mandates.models import Mandate
from consortium.staff.models import Expert
from consortium.timesheets import rules
from consortium.timesheets.models import ChangeAction, TimeEntry, TimeEntryChange
from consortium.timesheets.selectors.ledger import closed_weeks

# One row for the bulk writer: expert id, mandate id, date, hours, description.
EntryRow = tuple[int, int, dt.date, Decimal, str]


def time_entries_lock_experts(*, expert_ids: Iterable[int]) -> None:
    """Serialise the writers of these experts' entries until the caller's transaction ends.

    PostgreSQL: a row lock on each expert, taken in the order of their ids so that two writers of
    several experts never wait on each other in a cycle. `FOR NO KEY UPDATE` leaves alone the
    key-share locks that inserting rows which refer to the expert takes. SQLite: every
    transaction starts with `BEGIN IMMEDIATE` (settings, `transaction_mode`), which holds the
    database's one write lock already, before the day's total is read.
    """
    if not connection.in_atomic_block:
        raise RuntimeError("time_entries_lock_experts must run inside a transaction.")
    ids = sorted(set(expert_ids))
    if ids and connection.vendor == "postgresql":
        list(
            Expert.objects.select_for_update(no_key=True)
            .filter(pk__in=ids)
            .order_by("pk")
            .values_list("pk", flat=True)
        )


def _check_open(expert_id: int, *days: dt.date) -> None:
    """Refuse a change on a day of a locked period or of a submitted or approved week."""
    problems: list[rules.Problem] = []
    weeks = closed_weeks(expert_id, days)
    for day in dict.fromkeys(days):
        problems += rules.check_not_locked(day, locked_ranges(day, day))
        problems += rules.check_week_open(day, weeks)
    rules.raise_problems(problems)


def _check_not_billed(entry: TimeEntry) -> None:
    """Refuse a change to hours an invoice holds, naming it. Read through the reverse relation
    (timesheets sits below billing and never imports it); the database refuses it too once the
    invoice is issued (billing/triggers_sql.py)."""
    invoices = entry.invoice_entries.values_list(
        "line__invoice_id", "line__invoice__number", "line__invoice__status"
    )
    rules.raise_problems(rules.check_not_billed(invoices))


def _snapshot(entry: TimeEntry) -> dict[str, str]:
    """An entry as the audit trail keeps it: plain strings, readable for good."""
    return {
        "date": entry.date.isoformat(),
        "mandate": entry.mandate.code,
        "hours": str(Decimal(entry.hours).quantize(rules.HOURS_STEP)),
        "description": entry.description,
    }


def _record_change(
    *, entry: TimeEntry, action: str, before: dict | None, after: dict | None, by
) -> None:
    TimeEntryChange.objects.create(
        entry_id=entry.pk,
        expert_id=entry.expert_id,
        mandate_id=entry.mandate_id,
        date=entry.date,
        action=action,
        before=before,
        after=after,
        changed_by=by,
    )


def _check_entry(
    *, expert: Expert, mandate: Mandate, date: dt.date, hours: Decimal, replacing: TimeEntry | None
) -> None:
    problems = rules.check_hours(hours)
    problems += rules.check_mandate_dates(date, mandate.start, mandate.end, mandate.code)
    problems += rules.check_employment(date, expert.hired_on, expert.left_on, expert.code)
    problems += rules.check_not_locked(date, locked_ranges(date, date))
    problems += rules.check_week_open(date, closed_weeks(expert.pk, [date]))
    if not problems:
        others = TimeEntry.objects.filter(expert=expert, date=date)
        if replacing is not None:
            others = others.exclude(pk=replacing.pk)
        total = (others.aggregate(total=Sum("hours"))["total"] or Decimal(0)) + hours
        problems += rules.check_daily_total(Decimal(total), date, expert.code)
    rules.raise_problems(problems)


@transaction.atomic
def time_entry_record(
    *,
    expert: Expert,
    mandate: Mandate,
    date: dt.date,
    hours: Decimal,
    description: str = "",
    by=None,
) -> TimeEntry:
    """Record the hours of one expert on one mandate for one day, replacing what that cell held.

    `by`: the user who records them (None: the system), kept in the audit trail.
    """
    time_entries_lock_experts(expert_ids=[expert.pk])
    entry = (
        TimeEntry.objects.select_for_update()
        .filter(expert=expert, mandate=mandate, date=date)
        .first()
    )
    return _write_cell(
        expert=expert,
        mandate=mandate,
        date=date,
        hours=Decimal(hours),
        description=description,
        entry=entry,
        by=by,
    )


def _write_cell(
    *,
    expert: Expert,
    mandate: Mandate,
    date: dt.date,
    hours: Decimal,
    description: str | None,
    entry: TimeEntry | None,
    by,
) -> TimeEntry:
    """Write the cell whose entry (None: none yet) was read under the expert's lock.
    A `description` of None keeps the entry's."""
    before = None
    if entry is not None:
        rules.raise_problems(
            rules.check_not_locked(entry.date, locked_ranges(entry.date, entry.date))
        )
        _check_not_billed(entry)
        before = _snapshot(entry)
    _check_entry(expert=expert, mandate=mandate, date=date, hours=hours, replacing=entry)
    if entry is None:
        entry = TimeEntry(expert=expert, mandate=mandate, date=date)
    entry.hours = hours
    if description is not None:
        entry.description = description
    entry.full_clean()
    entry.save()
    _record_change(
        entry=entry,
        action=ChangeAction.CREATED if before is None else ChangeAction.UPDATED,
        before=before,
        after=_snapshot(entry),
        by=by,
    )
    return entry


@transaction.atomic
def time_entry_update(
    *,
    entry: TimeEntry,
    date: dt.date | None = None,
    mandate: Mandate | None = None,
    hours: Decimal | None = None,
    description: str | None = None,
    by=None,
) -> TimeEntry:
    """Change an entry; refused if its old or new day lies in a locked period or in a
    submitted or approved week. `by`: who changes it (None: the system)."""
    time_entries_lock_experts(expert_ids=[entry.expert_id])
    entry = (
        TimeEntry.objects.select_for_update().select_related("expert", "mandate").get(pk=entry.pk)
    )
    _check_open(entry.expert_id, entry.date)
    _check_not_billed(entry)
    before = _snapshot(entry)
    entry.date = date or entry.date
    entry.mandate = mandate or entry.mandate
    entry.hours = Decimal(hours) if hours is not None else entry.hours
    if description is not None:
        entry.description = description
    _check_entry(
        expert=entry.expert,
        mandate=entry.mandate,
        date=entry.date,
        hours=entry.hours,
        replacing=entry,
    )
    entry.full_clean()
    entry.save()
    _record_change(
        entry=entry, action=ChangeAction.UPDATED, before=before, after=_snapshot(entry), by=by
    )
    return entry


@transaction.atomic
def time_entry_delete(*, entry: TimeEntry, by=None) -> None:
    """Delete an entry; refused in a locked period or a submitted or approved week.
    `by`: who deletes it (None: the system)."""
    time_entries_lock_experts(expert_ids=[entry.expert_id])
    entry = TimeEntry.objects.select_for_update().select_related("mandate").get(pk=entry.pk)
    _delete(entry=entry, by=by)


def _delete(*, entry: TimeEntry, by) -> None:
    """Delete the entry read under the expert's lock."""
    _check_open(entry.expert_id, entry.date)
    _check_not_billed(entry)
    before = _snapshot(entry)
    entry_id = entry.pk
    entry.delete()
    entry.pk = entry_id
    _record_change(entry=entry, action=ChangeAction.DELETED, before=before, after=None, by=by)


@transaction.atomic
def time_entry_set(
    *,
    expert: Expert,
    mandate: Mandate,
    date: dt.date,
    hours: Decimal | None,
    by=None,
) -> TimeEntry | None:
    """Make one cell of the grid hold these hours: record, change or (None) delete its entry.

    Reads the cell, decides and writes in one transaction under the expert's lock: two saves of
    one cell at once, one of them a blank, each see what the other left. A change keeps the
    entry's comment. Returns the cell's entry, None when it holds none.
    """
    time_entries_lock_experts(expert_ids=[expert.pk])
    entry = (
        TimeEntry.objects.select_for_update()
        .select_related("mandate")
        .filter(expert=expert, mandate=mandate, date=date)
        .first()
    )
    if hours is None:
        if entry is not None:
            _delete(entry=entry, by=by)
        return None
    if entry is not None and entry.hours == hours:
        return entry
    return _write_cell(
        expert=expert,
        mandate=mandate,
        date=date,
        hours=Decimal(hours),
        description=None,
        entry=entry,
        by=by,
    )


_COLUMNS = "expert_id, mandate_id, date, hours, description, created_at, updated_at"
_REPLACE_ON_CONFLICT = (
    "ON CONFLICT (expert_id, date, mandate_id) DO UPDATE SET hours = excluded.hours, "
    "description = excluded.description, updated_at = excluded.updated_at"
)
# SQLite runs one statement of many rows much faster than many statements of one row;
# 100 rows of 7 values stay under the oldest limit on bound values (999).
_SQLITE_ROWS_PER_STATEMENT = 100


def _copy_into_postgresql(cursor, table, rows, now, upsert: str, new_only: bool) -> None:
    """COPY (binary: no text to format and parse), into the table itself for new rows, else into
    a scratch table followed by one INSERT … ON CONFLICT."""
    target = table
    if not new_only:
        target = "timeentry_load"
        cursor.execute(
            "CREATE TEMPORARY TABLE IF NOT EXISTS timeentry_load (expert_id bigint, "
            "mandate_id bigint, date date, hours numeric(4, 2), description text, "
            "created_at timestamptz, updated_at timestamptz) ON COMMIT DELETE ROWS"
        )
        cursor.execute("TRUNCATE timeentry_load")
    with cursor.copy(f"COPY {target} ({_COLUMNS}) FROM STDIN (FORMAT BINARY)") as copy:
        copy.set_types(["int8", "int8", "date", "numeric", "text", "timestamptz", "timestamptz"])
        for expert_id, mandate_id, day, hours, description in rows:
            copy.write_row((expert_id, mandate_id, day, hours, description, now, now))
    if not new_only:
        cursor.execute(
            f"INSERT INTO {table} ({_COLUMNS}) SELECT {_COLUMNS} FROM timeentry_load {upsert}"
        )


def _insert_into_sqlite(cursor, table, rows, stamp: str, upsert: str) -> None:
    values = [
        (expert_id, mandate_id, day.isoformat(), str(hours), description, stamp, stamp)
        for expert_id, mandate_id, day, hours, description in rows
    ]
    size = _SQLITE_ROWS_PER_STATEMENT
    whole = len(values) - len(values) % size
    if whole:
        placeholders = ", ".join(["(?, ?, ?, ?, ?, ?, ?)"] * size)
        flat = list(chain.from_iterable(values[:whole]))
        width = 7 * size
        cursor.executemany(
            f"INSERT INTO {table} ({_COLUMNS}) VALUES {placeholders} {upsert}",
            [flat[start : start + width] for start in range(0, len(flat), width)],
        )
    if whole < len(values):
        cursor.executemany(
            f"INSERT INTO {table} ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?) {upsert}",
            values[whole:],
        )


# No savepoint inside a caller's transaction: on SQLite, replacing entries under a savepoint is
# over ten times slower, and a failed bulk write must roll the caller's whole import back anyway.
@transaction.atomic(savepoint=False)
def time_entries_bulk_write(rows: Sequence[EntryRow], *, new_only: bool = False) -> int:
    """Insert many already-validated entries at once; a row for an existing cell replaces it.

    The caller validates (see `consortium.imports`); the database still enforces its
    constraints and the locked-period triggers. Runs inside the caller's transaction if any.
    With `new_only`, the caller knows that no row's cell exists yet: rows then go straight into
    the table, and one that does exist fails with an IntegrityError instead of replacing it.
    """
    if not rows:
        return 0
    # The caller has read the days' totals under these locks already (it must, for the 24 h
    # rule); taking them again costs one query and keeps a caller that forgot from racing.
    time_entries_lock_experts(expert_ids={row[0] for row in rows})
    now = timezone.now()
    table = TimeEntry._meta.db_table
    upsert = "" if new_only else _REPLACE_ON_CONFLICT
    # In the order of the unique index (expert, date, mandate): each insert into it lands next
    # to the one before; about a third faster on both databases.
    ordered = sorted(rows, key=itemgetter(0, 2, 1))
    # The raw driver cursors are the fast path; wrap_database_errors keeps Django's exceptions.
    with connection.cursor() as cursor, connection.wrap_database_errors:
        if connection.vendor == "postgresql":
            _copy_into_postgresql(cursor.cursor, table, ordered, now, upsert, new_only)
        else:
            _insert_into_sqlite(cursor.cursor, table, ordered, now.isoformat(sep=" "), upsert)
    return len(rows)
