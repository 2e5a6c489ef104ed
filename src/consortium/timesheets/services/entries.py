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
from dataclasses import dataclass
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
from consortium.timesheets.selectors.ledger import closed_weeks, closed_weeks_of

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


def _change(
    *, entry: TimeEntry, action: str, before: dict | None, after: dict | None, by
) -> TimeEntryChange:
    return TimeEntryChange(
        entry_id=entry.pk,
        expert_id=entry.expert_id,
        mandate_id=entry.mandate_id,
        date=entry.date,
        action=action,
        before=before,
        after=after,
        changed_by=by,
    )


def _record_change(**change) -> None:
    _change(**change).save()


def _expert_to(expert: Expert, by) -> str | None:
    """Who the expert is to the person acting (`by`): None (« Vous ») when it is them, else
    their name."""
    if by is not None and expert.user_id is not None and expert.user_id == by.pk:
        return None
    return str(expert)


def _rule_problems(
    *, expert: Expert, mandate: Mandate, date: dt.date, hours: Decimal, locks, closed, who
) -> list[rules.Problem]:
    """The rules of one entry before the 24 h rule: its hours, the mandate's and the
    employment's dates, locked periods (`locks`) and the expert's closed weeks (`closed`), read
    by the caller; `who`: the expert as the person acting names them (`rules.check_employment`)."""
    problems = rules.check_hours(hours)
    problems += rules.check_mandate_dates(date, mandate.start, mandate.end, mandate.code)
    problems += rules.check_employment(date, expert.hired_on, expert.left_on, who)
    problems += rules.check_not_locked(date, locks)
    problems += rules.check_week_open(date, closed)
    return problems


def _check_entry(
    *,
    expert: Expert,
    mandate: Mandate,
    date: dt.date,
    hours: Decimal,
    replacing: TimeEntry | None,
    by=None,
) -> None:
    problems = _rule_problems(
        expert=expert,
        mandate=mandate,
        date=date,
        hours=hours,
        locks=locked_ranges(date, date),
        closed=closed_weeks(expert.pk, [date]),
        who=_expert_to(expert, by),
    )
    if not problems:
        others = TimeEntry.objects.filter(expert=expert, date=date)
        if replacing is not None:
            others = others.exclude(pk=replacing.pk)
        total = (others.aggregate(total=Sum("hours"))["total"] or Decimal(0)) + hours
        problems += rules.check_daily_total(Decimal(total), date, _expert_to(expert, by))
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


@dataclass(frozen=True)
class NewEntry:
    """One entry to add (`time_entries_record`): hours, or a start and an end (the hours are then
    the time between them). `source` and `external_id` name it in the software it came from."""

    expert: Expert
    mandate: Mandate
    date: dt.date
    hours: Decimal | None = None
    description: str = ""
    start_time: dt.time | None = None
    end_time: dt.time | None = None
    source: str = ""
    external_id: str = ""


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
    source: str = "",
    external_id: str = "",
    by=None,
) -> TimeEntry:
    """Add an entry of one expert on one mandate for one day, beside the day's others.

    With a start and an end, the hours may be left out: they are the time between them (an end
    before the start is on the next day). `source` and `external_id`: where it comes from and
    its id there (a second entry with the same pair is refused). `by`: who records it (None: the
    system), kept in the audit trail.
    """
    new = NewEntry(
        expert, mandate, date, hours, description, start_time, end_time, source, external_id
    )
    return _record([new], by=by, field_of=lambda _index, field: field)[0]


@transaction.atomic
def time_entries_record(entries: Sequence[NewEntry], *, by=None) -> list[TimeEntry]:
    """Add several entries at once, all or none, each under the rules of `time_entry_record`
    (the 24 h rule counting the others of the batch), with its audit row.

    A few queries whatever their number: the locks of their span, their experts' closed weeks,
    their days' stored totals, the external ids already taken. A refusal names every entry that
    breaks a rule by its position: `{"3.hours": [...]}`.
    """
    return _record(entries, by=by, field_of=lambda index, field: f"{index}.{field}")


def _record(entries: Sequence[NewEntry], *, by, field_of) -> list[TimeEntry]:
    if not entries:
        return []
    time_entries_lock_experts(expert_ids={new.expert.pk for new in entries})
    made = [_unsaved(new) for new in entries]
    days = [new.date for new in entries]
    locks = locked_ranges(min(days), max(days))
    closed = closed_weeks_of({new.expert.pk for new in entries}, days)
    totals = _stored_totals(entries)
    taken = _external_ids_taken(entries)
    problems: list[rules.Problem] = []
    for index, (new, entry) in enumerate(zip(entries, made, strict=True)):
        expert = _expert_to(new.expert, by)
        found = _entry_problems(new, entry, locks, closed.get(new.expert.pk, {}), taken, expert)
        if not found:
            day = (new.expert.pk, new.date)
            totals[day] = totals.get(day, Decimal(0)) + entry.hours
            found = rules.check_daily_total(totals[day], new.date, expert)
        problems += [(field_of(index, field), message) for field, message in found]
    rules.raise_problems(problems)
    TimeEntry.objects.bulk_create(made)
    created = ChangeAction.CREATED
    TimeEntryChange.objects.bulk_create(
        _change(entry=entry, action=created, before=None, after=_snapshot(entry), by=by)
        for entry in made
    )
    return made


def _unsaved(new: NewEntry) -> TimeEntry:
    entry = TimeEntry(
        expert=new.expert,
        mandate=new.mandate,
        date=new.date,
        description=new.description,
        start_time=new.start_time,
        end_time=new.end_time,
        source=new.source,
        external_id=new.external_id,
    )
    entry.hours = _hours_of(new.hours, new.start_time, new.end_time)
    return entry


def _entry_problems(
    new: NewEntry, entry: TimeEntry, locks, closed, taken, expert: str | None
) -> list[rules.Problem]:
    """What refuses one new entry, before the 24 h rule (checked only on an entry that passes).
    `expert`: who the expert is to the person acting (`rules.check_employment`)."""
    if entry.hours is None:
        return [("hours", _("Indiquez les heures, ou le début et la fin."))]
    problems = _rule_problems(
        expert=new.expert,
        mandate=new.mandate,
        date=new.date,
        hours=entry.hours,
        locks=locks,
        closed=closed,
        who=expert,
    )
    if new.external_id and (new.source, new.external_id) in taken:
        problems.append(
            ("external_id", _("Une entrée porte déjà cet identifiant externe pour cette source."))
        )
    if new.external_id:
        taken.add((new.source, new.external_id))
    try:
        # The rules above are the constraints (hours, external id); the model's clean checks
        # the times. The expert and the mandate are rows the caller read (their foreign keys
        # hold in the database too): checking that they exist would cost two queries.
        entry.full_clean(exclude=["expert", "mandate"], validate_constraints=False)
    except ValidationError as error:
        problems += [
            (field, message)
            for field, messages in error.message_dict.items()
            for message in messages
        ]
    return problems


def _stored_totals(entries: Sequence[NewEntry]) -> dict[tuple[int, dt.date], Decimal]:
    """The hours already stored on the entries' experts' days, in one query."""
    stored = (
        TimeEntry.objects.filter(
            expert_id__in={new.expert.pk for new in entries}, date__in={new.date for new in entries}
        )
        .values_list("expert_id", "date")
        .annotate(total=Sum("hours"))
        .order_by()
    )
    return {(expert_id, day): Decimal(total) for expert_id, day, total in stored}


def _external_ids_taken(entries: Sequence[NewEntry]) -> set[tuple[str, str]]:
    """The (source, external id) pairs of these entries that stored ones already have."""
    asked = {(new.source, new.external_id) for new in entries if new.external_id}
    if not asked:
        return set()
    stored = TimeEntry.objects.filter(
        source__in={source for source, _id in asked},
        external_id__in={external_id for _source, external_id in asked},
    ).values_list("source", "external_id")
    return set(stored) & asked


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
        by=by,
    )
    # The constraints are the rules above (hours) and the model's clean (times); the web never
    # sets an external id. Validating them again would cost three queries each. The expert and
    # the mandate are rows the caller read (the foreign keys hold them in the database too):
    # checking that they exist would cost two more.
    entry.full_clean(exclude=["expert", "mandate"], validate_constraints=False)
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
_COPY_TYPES += ["timestamptz", "timestamptz", "int4"]
# The scratch tables of a replacing write: the rows (each numbered within its expert, mandate,
# day and source when it has no external id), then the stored entries they replace, numbered
# the same way. Row n of a day replaces stored entry n: updated in place, its id kept (an
# update that changes no indexed column writes no index, unlike a delete and an insert).
_SCRATCH = {
    "postgresql": [
        "CREATE TEMPORARY TABLE IF NOT EXISTS timeentry_rows (expert_id bigint, "
        "mandate_id bigint, date date, hours numeric(4, 2), description text, start_time time, "
        "end_time time, source varchar(30), external_id varchar(100), created_at timestamptz, "
        "updated_at timestamptz, rn integer) ON COMMIT DELETE ROWS",
        "CREATE TEMPORARY TABLE IF NOT EXISTS timeentry_stored (id bigint, expert_id bigint, "
        "mandate_id bigint, date date, source varchar(30), rn integer) ON COMMIT DELETE ROWS",
        "TRUNCATE timeentry_rows, timeentry_stored",
    ],
    "sqlite": [
        "CREATE TEMPORARY TABLE IF NOT EXISTS timeentry_rows (expert_id integer, "
        "mandate_id integer, date date, hours decimal, description text, start_time time, "
        "end_time time, source text, external_id text, created_at datetime, "
        "updated_at datetime, rn integer)",
        "CREATE TEMPORARY TABLE IF NOT EXISTS timeentry_stored (id integer, expert_id integer, "
        "mandate_id integer, date date, source text, rn integer)",
        # SQLite joins by nested loops: the scratch tables need their index.
        "CREATE INDEX IF NOT EXISTS temp.timeentry_rows_key ON timeentry_rows "
        "(expert_id, date, mandate_id, source, rn)",
        "CREATE INDEX IF NOT EXISTS temp.timeentry_stored_key ON timeentry_stored "
        "(expert_id, date, mandate_id, source, rn)",
        "DELETE FROM timeentry_rows",
        "DELETE FROM timeentry_stored",
    ],
}
_SAME_KEY = (
    "{a}.expert_id = {b}.expert_id AND {a}.date = {b}.date AND {a}.mandate_id = {b}.mandate_id "
    "AND {a}.source = {b}.source"
)
_PAIRED = _SAME_KEY.format(a="r", b="s") + " AND r.rn = s.rn"
_REPLACE = [
    # The stored entries without an external id on the days of the rows without one.
    "INSERT INTO timeentry_stored SELECT e.id, e.expert_id, e.mandate_id, e.date, e.source, "
    "row_number() OVER (PARTITION BY e.expert_id, e.date, e.mandate_id, e.source ORDER BY e.id) "
    "FROM (SELECT DISTINCT expert_id, date, mandate_id, source FROM timeentry_rows "
    "WHERE external_id = '') AS k JOIN {table} AS e ON " + _SAME_KEY.format(a="e", b="k") + " "
    "WHERE e.external_id = ''",
    "UPDATE {table} SET hours = r.hours, description = r.description, "
    "start_time = r.start_time, end_time = r.end_time, updated_at = r.updated_at "
    "FROM timeentry_stored AS s JOIN timeentry_rows AS r ON " + _PAIRED + " "
    "WHERE {table}.id = s.id AND r.external_id = '' "
    # A row that changes nothing writes nothing: re-importing a file costs reads only.
    "AND ({table}.hours {distinct} r.hours OR {table}.description {distinct} r.description "
    "OR {table}.start_time {distinct} r.start_time OR {table}.end_time {distinct} r.end_time)",
    "DELETE FROM {table} WHERE id IN (SELECT s.id FROM timeentry_stored AS s "
    "LEFT JOIN timeentry_rows AS r ON " + _PAIRED + " AND r.external_id = '' "
    "WHERE r.rn IS NULL)",
    "INSERT INTO {table} ("
    + _COLUMNS
    + ") SELECT "
    + ", ".join(f"r.{column.strip()}" for column in _COLUMNS.split(","))
    + " FROM timeentry_rows AS r LEFT JOIN timeentry_stored AS s ON "
    + _PAIRED
    + " "
    "WHERE r.external_id = '' AND s.id IS NULL",
    # A row with an external id replaces the entry its source gave that id, wherever it lies.
    "INSERT INTO {table} (" + _COLUMNS + ") SELECT " + _COLUMNS + " FROM timeentry_rows "
    "WHERE external_id <> '' ON CONFLICT (source, external_id) WHERE NOT (external_id = '') "
    "DO UPDATE SET expert_id = excluded.expert_id, mandate_id = excluded.mandate_id, "
    "date = excluded.date, hours = excluded.hours, description = excluded.description, "
    "start_time = excluded.start_time, end_time = excluded.end_time, "
    "updated_at = excluded.updated_at",
]
# SQLite runs one statement of many rows much faster than many statements of one row;
# 80 rows of 12 values stay under the oldest limit on bound values (999).
_SQLITE_ROWS_PER_STATEMENT = 80


def _full(rows: Sequence[EntryRow | SourcedEntryRow]) -> list[SourcedEntryRow]:
    """Rows of the short form are typed on the web's side: no times, no source, no id."""
    return [row if len(row) == 9 else (*row, None, None, "", "") for row in rows]  # type: ignore[misc]


def _numbered(rows: Sequence[SourcedEntryRow]) -> list[tuple]:
    """Each row with its number among the rows without an external id of its expert, mandate,
    day and source (in the order given); 0 for a row with an external id."""
    seen: dict[tuple, int] = {}
    numbered = []
    for row in rows:
        number = 0
        if not row[8]:
            key = (row[0], row[1], row[2], row[7])
            number = seen[key] = seen.get(key, 0) + 1
        numbered.append((*row, number))
    return numbered


def _copy_into_postgresql(cursor, table, rows, now, new_only: bool) -> None:
    """COPY (binary: no text to format and parse), into the table itself for new rows, else into
    the scratch table, from which the replacing statements write."""
    if new_only:
        with cursor.copy(f"COPY {table} ({_COLUMNS}) FROM STDIN (FORMAT BINARY)") as copy:
            copy.set_types(_COPY_TYPES[:-1])
            for row in rows:
                copy.write_row((*row, now, now))
        return
    for statement in _SCRATCH["postgresql"]:
        cursor.execute(statement)
    with cursor.copy(f"COPY timeentry_rows ({_COLUMNS}, rn) FROM STDIN (FORMAT BINARY)") as copy:
        copy.set_types(_COPY_TYPES)
        for *row, number in _numbered(rows):
            copy.write_row((*row, now, now, number))
    for statement in _REPLACE:
        cursor.execute(statement.format(table=table, distinct="IS DISTINCT FROM"))


def _insert_into_sqlite(cursor, target, rows, stamp: str, columns: str) -> None:
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
            *rest,
        )
        for (
            expert_id,
            mandate_id,
            day,
            hours,
            description,
            start,
            end,
            source,
            external_id,
            *rest,
        ) in rows
    ]
    width = len(values[0])
    size = _SQLITE_ROWS_PER_STATEMENT
    whole = len(values) - len(values) % size
    one = "(" + ", ".join(["?"] * width) + ")"
    if whole:
        placeholders = ", ".join([one] * size)
        flat = list(chain.from_iterable(values[:whole]))
        span = width * size
        cursor.executemany(
            f"INSERT INTO {target} ({columns}) VALUES {placeholders}",
            [flat[start : start + span] for start in range(0, len(flat), span)],
        )
    if whole < len(values):
        cursor.executemany(f"INSERT INTO {target} ({columns}) VALUES {one}", values[whole:])


def _write_sqlite(cursor, table, rows, stamp: str, new_only: bool) -> None:
    if new_only:
        _insert_into_sqlite(cursor, table, rows, stamp, _COLUMNS)
        return
    for statement in _SCRATCH["sqlite"]:
        cursor.execute(statement)
    _insert_into_sqlite(cursor, "timeentry_rows", _numbered(rows), stamp, f"{_COLUMNS}, rn")
    for statement in _REPLACE:
        # IS NOT: SQLite's IS DISTINCT FROM, which it only reads since 3.39.
        cursor.execute(statement.format(table=table, distinct="IS NOT"))
    cursor.execute("DELETE FROM timeentry_rows")
    cursor.execute("DELETE FROM timeentry_stored")


# No savepoint inside a caller's transaction: on SQLite, replacing entries under a savepoint is
# over ten times slower, and a failed bulk write must roll the caller's whole import back anyway.
@transaction.atomic(savepoint=False)
def time_entries_bulk_write(
    rows: Sequence[EntryRow | SourcedEntryRow], *, new_only: bool = False
) -> int:
    """Insert many already-validated entries at once, replacing the ones they stand for.

    The replacement key: a row with an external id replaces the entry its source gave that id
    (unique constraint `time_entry_external_id_once_per_source`), wherever that entry now lies;
    the rows without one replace together every entry without one that their source gave their
    expert, mandate and day (the day's first row changes its first stored entry, and so on;
    stored entries left over are deleted, rows left over added). Entries of other sources, the
    web's ("") among them, stay.

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
    # one before; about a third faster on both databases. The sort is stable: a day's rows keep
    # their order, which pairs them with the stored entries.
    ordered = sorted(_full(rows), key=itemgetter(0, 2, 1))
    # The raw driver cursors are the fast path; wrap_database_errors keeps Django's exceptions.
    with connection.cursor() as cursor, connection.wrap_database_errors:
        if connection.vendor == "postgresql":
            _copy_into_postgresql(cursor.cursor, table, ordered, now, new_only)
        else:
            _write_sqlite(cursor.cursor, table, ordered, now.isoformat(sep=" "), new_only)
    return len(rows)
