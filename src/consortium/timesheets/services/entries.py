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

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from consortium.core.locks import locked_ranges
from consortium.mandates.models import Mandate
from consortium.staff.models import Expert
from consortium.timesheets import rules
from consortium.timesheets.models import ChangeAction, TimeEntry, TimeEntryChange, hours_between
from consortium.timesheets.selectors.ledger import closed_weeks

# One row for the bulk writer: expert id, mandate id, date, hours, description…
EntryRow = tuple[int, int, dt.date, Decimal, str]
# … then start and end (both None or both set), source and external id ("": none).
SourcedEntryRow = tuple[int, int, dt.date, Decimal, str, dt.time | None, dt.time | None, str, str]


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
    """An entry as the audit trail keeps it: plain strings, readable for good. Times appear only
    when the entry has them, so the older rows read the same."""
    state = {
        "date": entry.date.isoformat(),
        "mandate": entry.mandate.code,
        "hours": str(Decimal(entry.hours).quantize(rules.HOURS_STEP)),
        "description": entry.description,
    }
    if entry.start_time is not None and entry.end_time is not None:
        state["start"] = entry.start_time.strftime("%H:%M")
        state["end"] = entry.end_time.strftime("%H:%M")
    return state


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


class _Keep:
    """The default of a field an update leaves as it is (None means "no times")."""


KEEP = _Keep()


def _hours_of(
    hours: Decimal | None, start_time: dt.time | None, end_time: dt.time | None
) -> Decimal | None:
    """The hours an entry holds: those given, else the time from its start to its end."""
    if hours is not None:
        return Decimal(hours)
    if start_time is not None and end_time is not None:
        return hours_between(start_time, end_time)
    return None


def _required_hours(hours: Decimal | None) -> Decimal:
    if hours is None:
        raise ValidationError({"hours": _("Indiquez les heures, ou le début et la fin.")})
    return hours


@transaction.atomic
def time_entry_record(
    *,
    expert: Expert,
    mandate: Mandate,
    date: dt.date,
    hours: Decimal | None = None,
    description: str = "",
    start_time: dt.time | None = None,
    end_time: dt.time | None = None,
    by=None,
) -> TimeEntry:
    """Add an entry of one expert on one mandate for one day, beside the day's others.

    With a start and an end, the hours may be left out: they are the time between them (an end
    before the start is on the next day). `by`: who records it (None: the system), kept in the
    audit trail.
    """
    time_entries_lock_experts(expert_ids=[expert.pk])
    entry = TimeEntry(
        expert=expert,
        mandate=mandate,
        date=date,
        description=description,
        start_time=start_time,
        end_time=end_time,
    )
    return _write(entry=entry, hours=_hours_of(hours, start_time, end_time), before=None, by=by)


def _write(*, entry: TimeEntry, hours: Decimal | None, before: dict | None, by) -> TimeEntry:
    """Check and save an entry read (or made) under the expert's lock, and leave its audit row.
    `before`: its state as read, None for a new entry."""
    entry.hours = _required_hours(hours)
    _check_entry(
        expert=entry.expert,
        mandate=entry.mandate,
        date=entry.date,
        hours=entry.hours,
        replacing=entry if entry.pk else None,
    )
    # The constraints are the rules above (hours) and the model's clean (times); the web never
    # sets an external id. Validating them again would cost three queries each.
    entry.full_clean(validate_constraints=False)
    entry.save()
    _record_change(
        entry=entry,
        action=ChangeAction.CREATED if before is None else ChangeAction.UPDATED,
        before=before,
        after=_snapshot(entry),
        by=by,
    )
    return entry


def _read_for_change(entry: TimeEntry) -> tuple[TimeEntry, dict]:
    """The entry as stored, locked, after the checks that its present day is open and its hours
    unbilled; with its state for the audit trail."""
    time_entries_lock_experts(expert_ids=[entry.expert_id])
    entry = (
        TimeEntry.objects.select_for_update().select_related("expert", "mandate").get(pk=entry.pk)
    )
    _check_open(entry.expert_id, entry.date)
    _check_not_billed(entry)
    return entry, _snapshot(entry)


@transaction.atomic
def time_entry_update(
    *,
    entry: TimeEntry,
    date: dt.date | None = None,
    mandate: Mandate | None = None,
    hours: Decimal | None = None,
    description: str | None = None,
    start_time: dt.time | _Keep | None = KEEP,
    end_time: dt.time | _Keep | None = KEEP,
    by=None,
) -> TimeEntry:
    """Change one entry; refused if its old or new day lies in a locked period or in a
    submitted or approved week, or if an invoice holds it. Times given without hours set the
    hours to the time between them; None for both removes them. `by`: who changes it (None: the
    system)."""
    entry, before = _read_for_change(entry)
    entry.date = date or entry.date
    entry.mandate = mandate or entry.mandate
    if description is not None:
        entry.description = description
    if not isinstance(start_time, _Keep):
        entry.start_time = start_time
    if not isinstance(end_time, _Keep):
        entry.end_time = end_time
    times_given = not (isinstance(start_time, _Keep) and isinstance(end_time, _Keep))
    if hours is None and not times_given:
        hours = entry.hours
    return _write(
        entry=entry, hours=_hours_of(hours, entry.start_time, entry.end_time), before=before, by=by
    )


@transaction.atomic
def time_entry_delete(*, entry: TimeEntry, by=None) -> None:
    """Delete one entry; refused in a locked period or a submitted or approved week, or if an
    invoice holds it. `by`: who deletes it (None: the system)."""
    entry, before = _read_for_change(entry)
    _delete(entry=entry, before=before, by=by)


def _delete(*, entry: TimeEntry, before: dict, by) -> None:
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

    A cell of several entries is refused: which of them would change? They are changed one by
    one in the day's list. Reads the cell, decides and writes in one transaction under the
    expert's lock: two saves of one cell at once, one of them a blank, each see what the other
    left. A change keeps the entry's comment and drops its times, which the new hours no longer
    match. Returns the cell's entry, None when it holds none.
    """
    time_entries_lock_experts(expert_ids=[expert.pk])
    entries = list(
        TimeEntry.objects.select_for_update()
        .select_related("expert", "mandate")
        .filter(expert=expert, mandate=mandate, date=date)
        .order_by("pk")[:2]
    )
    if len(entries) > 1:
        raise ValidationError(
            {
                "hours": _(
                    "Cette case compte plusieurs entrées : modifiez-les une à une dans la "
                    "liste des entrées du jour."
                )
            }
        )
    entry = entries[0] if entries else None
    if entry is None:
        if hours is None:
            return None
        entry = TimeEntry(expert=expert, mandate=mandate, date=date)
        return _write(entry=entry, hours=Decimal(hours), before=None, by=by)
    if entry.hours == hours:
        return entry
    if hours is None:
        _check_open(entry.expert_id, entry.date)
        _check_not_billed(entry)
        _delete(entry=entry, before=_snapshot(entry), by=by)
        return None
    # The day's week and the rules come with the write; the lock is checked first, as a
    # deletion's, so that a locked cell says it is locked before anything else.
    rules.raise_problems(rules.check_not_locked(entry.date, locked_ranges(entry.date, entry.date)))
    _check_not_billed(entry)
    before = _snapshot(entry)
    entry.start_time = entry.end_time = None
    return _write(entry=entry, hours=Decimal(hours), before=before, by=by)


_COLUMNS = (
    "expert_id, mandate_id, date, hours, description, start_time, end_time, source, "
    "external_id, created_at, updated_at"
)
_WIDTH = 11
_COPY_TYPES = ["int8", "int8", "date", "numeric", "text", "time", "time", "text", "text"]
_COPY_TYPES += ["timestamptz", "timestamptz"]
# A row with an external id replaces the entry its source gave that id, wherever it now lies.
_REPLACE_ON_CONFLICT = (
    "ON CONFLICT (source, external_id) WHERE NOT (external_id = '') DO UPDATE SET "
    "expert_id = excluded.expert_id, mandate_id = excluded.mandate_id, date = excluded.date, "
    "hours = excluded.hours, description = excluded.description, "
    "start_time = excluded.start_time, end_time = excluded.end_time, "
    "updated_at = excluded.updated_at"
)
# A row without one replaces its source's entries without one on its expert, mandate and day.
_DELETE_REPLACED = (
    "DELETE FROM {table} WHERE id IN (SELECT e.id FROM {keys} AS k JOIN {table} AS e "
    "ON e.expert_id = k.expert_id AND e.date = k.date AND e.mandate_id = k.mandate_id "
    "AND e.source = k.source WHERE e.external_id = '')"
)
# SQLite runs one statement of many rows much faster than many statements of one row;
# 90 rows of 11 values stay under the oldest limit on bound values (999).
_SQLITE_ROWS_PER_STATEMENT = 90


def _full(rows: Sequence[EntryRow | SourcedEntryRow]) -> list[SourcedEntryRow]:
    """Rows of the short form are typed on the web's side: no times, no source, no id."""
    return [row if len(row) == 9 else (*row, None, None, "", "") for row in rows]  # type: ignore[misc]


def _anonymous_keys(rows: Sequence[SourcedEntryRow]) -> set[tuple[int, int, dt.date, str]]:
    return {
        (expert_id, mandate_id, day, source)
        for expert_id, mandate_id, day, _h, _d, _s, _e, source, external_id in rows
        if not external_id
    }


def _copy_into_postgresql(cursor, table, rows, now, new_only: bool) -> None:
    """COPY (binary: no text to format and parse), into the table itself for new rows, else into
    a scratch table: the replaced entries are deleted, then one INSERT … ON CONFLICT."""
    target = table
    if not new_only:
        target = "timeentry_rows"
        cursor.execute(
            "CREATE TEMPORARY TABLE IF NOT EXISTS timeentry_rows (expert_id bigint, "
            "mandate_id bigint, date date, hours numeric(4, 2), description text, "
            "start_time time, end_time time, source varchar(30), external_id varchar(100), "
            "created_at timestamptz, updated_at timestamptz) ON COMMIT DELETE ROWS"
        )
        cursor.execute("TRUNCATE timeentry_rows")
    with cursor.copy(f"COPY {target} ({_COLUMNS}) FROM STDIN (FORMAT BINARY)") as copy:
        copy.set_types(_COPY_TYPES)
        for row in rows:
            copy.write_row((*row, now, now))
    if not new_only:
        if _anonymous_keys(rows):
            cursor.execute(
                _DELETE_REPLACED.format(
                    table=table,
                    keys="(SELECT DISTINCT expert_id, mandate_id, date, source "
                    "FROM timeentry_rows WHERE external_id = '')",
                )
            )
        cursor.execute(
            f"INSERT INTO {table} ({_COLUMNS}) SELECT {_COLUMNS} FROM timeentry_rows "
            f"{_REPLACE_ON_CONFLICT}"
        )


def _insert_into_sqlite(cursor, table, rows, stamp: str, new_only: bool) -> None:
    keys = _anonymous_keys(rows) if not new_only else set()
    if keys:
        cursor.execute(
            "CREATE TEMPORARY TABLE IF NOT EXISTS timeentry_keys "
            "(expert_id integer, mandate_id integer, date text, source text)"
        )
        cursor.execute("DELETE FROM timeentry_keys")
        cursor.executemany(
            "INSERT INTO timeentry_keys VALUES (?, ?, ?, ?)",
            [(expert, mandate, day.isoformat(), source) for expert, mandate, day, source in keys],
        )
        cursor.execute(_DELETE_REPLACED.format(table=table, keys="timeentry_keys"))
        cursor.execute("DELETE FROM timeentry_keys")
    upsert = "" if new_only else _REPLACE_ON_CONFLICT
    values = [
        (
            expert_id,
            mandate_id,
            day.isoformat(),
            str(hours),
            description,
            start.isoformat() if start is not None else None,
            end.isoformat() if end is not None else None,
            source,
            external_id,
            stamp,
            stamp,
        )
        for expert_id, mandate_id, day, hours, description, start, end, source, external_id in rows
    ]
    size = _SQLITE_ROWS_PER_STATEMENT
    whole = len(values) - len(values) % size
    one = "(" + ", ".join(["?"] * _WIDTH) + ")"
    if whole:
        placeholders = ", ".join([one] * size)
        flat = list(chain.from_iterable(values[:whole]))
        width = _WIDTH * size
        cursor.executemany(
            f"INSERT INTO {table} ({_COLUMNS}) VALUES {placeholders} {upsert}",
            [flat[start : start + width] for start in range(0, len(flat), width)],
        )
    if whole < len(values):
        cursor.executemany(
            f"INSERT INTO {table} ({_COLUMNS}) VALUES {one} {upsert}", values[whole:]
        )


# No savepoint inside a caller's transaction: on SQLite, replacing entries under a savepoint is
# over ten times slower, and a failed bulk write must roll the caller's whole import back anyway.
@transaction.atomic(savepoint=False)
def time_entries_bulk_write(
    rows: Sequence[EntryRow | SourcedEntryRow], *, new_only: bool = False
) -> int:
    """Insert many already-validated entries at once, replacing the ones they stand for.

    The replacement key: a row with an external id replaces the entry its source gave that id
    (unique constraint `time_entry_external_id_once_per_source`), wherever that entry now lies;
    a row without one replaces every entry without one that its source gave on its expert,
    mandate and day (several rows of a file for one day then stand for all of that day's
    entries from that source). Entries of other sources, the web's ("") among them, stay.

    The caller validates (see `consortium.imports`); the database still enforces its
    constraints and the locked-period triggers. Runs inside the caller's transaction if any.
    With `new_only`, the caller knows that no row replaces a stored entry: rows then go straight
    into the table, and one whose external id exists fails with an IntegrityError.
    """
    if not rows:
        return 0
    # The caller has read the days' totals under these locks already (it must, for the 24 h
    # rule); taking them again costs one query and keeps a caller that forgot from racing.
    time_entries_lock_experts(expert_ids={row[0] for row in rows})
    now = timezone.now()
    table = TimeEntry._meta.db_table
    # In the order of the (expert, date, mandate) index: each insert into it lands next to the
    # one before; about a third faster on both databases.
    ordered = sorted(_full(rows), key=itemgetter(0, 2, 1))
    # The raw driver cursors are the fast path; wrap_database_errors keeps Django's exceptions.
    with connection.cursor() as cursor, connection.wrap_database_errors:
        if connection.vendor == "postgresql":
            _copy_into_postgresql(cursor.cursor, table, ordered, now, new_only)
        else:
            _insert_into_sqlite(cursor.cursor, table, ordered, now.isoformat(sep=" "), new_only)
    return len(rows)
