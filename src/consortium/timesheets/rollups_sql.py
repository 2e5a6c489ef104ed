"""Database triggers that keep `HoursRollup` (hours by day × expert × mandate) exact in the same
transaction as every write to a time entry: the services, bulk imports, the API, the admin and
raw SQL alike. A rollup row is added or grown on insert, shrunk on delete, moved on an update
that changes the day, the expert, the mandate or the hours, and deleted when no entry is left.

SQLite runs row triggers with an upsert (`INSERT … ON CONFLICT DO UPDATE`); its decimals are
floats, so every sum is rounded to the cent. PostgreSQL runs one trigger per statement over its
transition tables: a bulk import of 200,000 rows upserts each rollup row once. A TRUNCATE of the
entries (a session in maintenance: `flush`) empties the rollups too.

`rebuild()` fills them again from the entries with one INSERT … SELECT … GROUP BY;
`differences()` compares them to that GROUP BY (`consortium rollups rebuild --check`).
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db.backends.base.base import BaseDatabaseWrapper

from consortium.core.triggers import DatabaseTriggers

ENTRY = "timesheets_timeentry"
ROLLUP = "timesheets_hoursrollup"
KEY = "mandate_id, date, expert_id"
_SAME_KEY = (
    "{a}.mandate_id = {b}.mandate_id AND {a}.date = {b}.date AND {a}.expert_id = {b}.expert_id"
)

# --- SQLite: row triggers ------------------------------------------------------------------------

# Added before the old row is taken away: an update that keeps the key never empties its row.
_SQLITE_ADD = f"""INSERT INTO {ROLLUP} (date, expert_id, mandate_id, hours, entry_count)
    VALUES (NEW.date, NEW.expert_id, NEW.mandate_id, NEW.hours, 1)
    ON CONFLICT ({KEY}) DO UPDATE SET hours = ROUND(hours + excluded.hours, 2),
                                      entry_count = entry_count + 1;"""
_SQLITE_SUBTRACT = f"""UPDATE {ROLLUP} SET hours = ROUND(hours - OLD.hours, 2),
                                      entry_count = entry_count - 1
    WHERE mandate_id = OLD.mandate_id AND date = OLD.date AND expert_id = OLD.expert_id;
    DELETE FROM {ROLLUP}
    WHERE mandate_id = OLD.mandate_id AND date = OLD.date AND expert_id = OLD.expert_id
      AND entry_count <= 0;"""
_SQLITE_MOVED = (
    "OLD.date IS NOT NEW.date OR OLD.expert_id IS NOT NEW.expert_id "
    "OR OLD.mandate_id IS NOT NEW.mandate_id OR OLD.hours IS NOT NEW.hours"
)
SQLITE_CREATE = [
    f"""CREATE TRIGGER {ENTRY}_rollup_insert AFTER INSERT ON {ENTRY}
    BEGIN {_SQLITE_ADD} END""",
    f"""CREATE TRIGGER {ENTRY}_rollup_update
    AFTER UPDATE OF date, expert_id, mandate_id, hours ON {ENTRY}
    WHEN {_SQLITE_MOVED}
    BEGIN {_SQLITE_ADD} {_SQLITE_SUBTRACT} END""",
    f"""CREATE TRIGGER {ENTRY}_rollup_delete AFTER DELETE ON {ENTRY}
    BEGIN {_SQLITE_SUBTRACT} END""",
]
SQLITE_DROP = [
    f"DROP TRIGGER IF EXISTS {ENTRY}_rollup_{event}" for event in ("insert", "update", "delete")
]

# --- PostgreSQL: statement triggers over the transition tables -----------------------------------


def _pg_add(rows: str) -> str:
    return f"""INSERT INTO {ROLLUP} AS r (date, expert_id, mandate_id, hours, entry_count)
        SELECT date, expert_id, mandate_id, SUM(hours), COUNT(*) FROM {rows}
        GROUP BY {KEY}
        ON CONFLICT ({KEY}) DO UPDATE SET hours = r.hours + excluded.hours,
                                          entry_count = r.entry_count + excluded.entry_count;"""


def _pg_subtract(rows: str) -> str:
    return f"""UPDATE {ROLLUP} AS r SET hours = r.hours - d.hours,
                                        entry_count = r.entry_count - d.entry_count
        FROM (SELECT {KEY}, SUM(hours) AS hours, COUNT(*) AS entry_count FROM {rows}
              GROUP BY {KEY}) AS d
        WHERE {_SAME_KEY.format(a="r", b="d")};
        DELETE FROM {ROLLUP} AS r USING (SELECT DISTINCT {KEY} FROM {rows}) AS d
        WHERE {_SAME_KEY.format(a="r", b="d")} AND r.entry_count <= 0;"""


# The rows of an UPDATE whose day, expert, mandate or hours changed (a description or a start
# time written alone costs two reads, no write); an id changed by raw SQL counts as moved.
_PG_CHANGED = """(SELECT {side}.* FROM old_rows o FULL JOIN new_rows n ON o.id = n.id
    WHERE {side}.id IS NOT NULL AND (o.id IS NULL OR n.id IS NULL
       OR (o.date, o.expert_id, o.mandate_id, o.hours)
          IS DISTINCT FROM (n.date, n.expert_id, n.mandate_id, n.hours))) AS {alias}"""
_PG_BODIES = {
    "insert": ("REFERENCING NEW TABLE AS new_rows", _pg_add("new_rows")),
    "update": (
        "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows",
        # Added first, then taken away: an update that keeps the key never empties its row.
        _pg_add(_PG_CHANGED.format(side="n", alias="moved"))
        + _pg_subtract(_PG_CHANGED.format(side="o", alias="moved")),
    ),
    "delete": ("REFERENCING OLD TABLE AS old_rows", _pg_subtract("old_rows")),
}
POSTGRESQL_CREATE = []
for _event, (_referencing, _body) in _PG_BODIES.items():
    POSTGRESQL_CREATE += [
        f"""CREATE FUNCTION timesheets_rollup_{_event}() RETURNS trigger AS $$
        BEGIN
            {_body}
            RETURN NULL;
        END;
        $$ LANGUAGE plpgsql""",
        f"""CREATE TRIGGER {ENTRY}_rollup_{_event}
        AFTER {_event.upper()} ON {ENTRY} {_referencing}
        FOR EACH STATEMENT EXECUTE FUNCTION timesheets_rollup_{_event}()""",
    ]
POSTGRESQL_CREATE += [
    f"""CREATE FUNCTION timesheets_rollup_truncate() RETURNS trigger AS $$
    BEGIN
        DELETE FROM {ROLLUP};
        RETURN NULL;
    END;
    $$ LANGUAGE plpgsql""",
    f"""CREATE TRIGGER {ENTRY}_rollup_truncate AFTER TRUNCATE ON {ENTRY}
    FOR EACH STATEMENT EXECUTE FUNCTION timesheets_rollup_truncate()""",
    # The replica role (`session_replication_role = replica`) does not silence them.
    *(
        f"ALTER TABLE {ENTRY} ENABLE ALWAYS TRIGGER {ENTRY}_rollup_{event}"
        for event in (*_PG_BODIES, "truncate")
    ),
]
POSTGRESQL_DROP = [
    statement
    for _event in (*_PG_BODIES, "truncate")
    for statement in (
        f"DROP TRIGGER IF EXISTS {ENTRY}_rollup_{_event} ON {ENTRY}",
        f"DROP FUNCTION IF EXISTS timesheets_rollup_{_event}()",
    )
]

ROLLUP_TRIGGERS = DatabaseTriggers(
    table=ENTRY,
    create={"sqlite": SQLITE_CREATE, "postgresql": POSTGRESQL_CREATE},
    drop={"sqlite": SQLITE_DROP, "postgresql": POSTGRESQL_DROP},
)

# --- Rebuild and check ---------------------------------------------------------------------------

_GROUPED = f"""SELECT mandate_id, date, expert_id, ROUND(SUM(hours), 2) AS hours,
    COUNT(*) AS entry_count FROM {ENTRY} GROUP BY {KEY}"""
REBUILD_SQL = [
    f"DELETE FROM {ROLLUP}",
    f"INSERT INTO {ROLLUP} ({KEY}, hours, entry_count) {_GROUPED}",
]
# Every key where the rollup and the entries disagree, either side possibly missing: both
# tables in one UNION ALL, grouped once (a join of the rollup to the entries' GROUP BY has no
# index to seek on SQLite: quadratic). A key must have one rollup row exactly when it has entries.
_DIFFERENCES = f"""FROM (
    SELECT {KEY}, 1 AS rollup_rows, hours AS rollup_hours, entry_count AS rollup_entries,
           0 AS entry_hours, 0 AS entries FROM {ROLLUP}
    UNION ALL
    SELECT {KEY}, 0, 0, 0, hours, 1 FROM {ENTRY}
) AS both_sides
GROUP BY {KEY}
HAVING SUM(rollup_rows) <> CASE WHEN SUM(entries) > 0 THEN 1 ELSE 0 END
    OR SUM(rollup_entries) <> SUM(entries)
    OR ABS(SUM(rollup_hours) - SUM(entry_hours)) >= 0.005"""
DIFFERENCES_SQL = f"""SELECT date, expert_id, mandate_id, SUM(rollup_hours), SUM(rollup_entries),
    SUM(entry_hours), SUM(entries)
    {_DIFFERENCES}
    ORDER BY date, expert_id, mandate_id LIMIT %s"""
DIFFERENCES_COUNT_SQL = f"SELECT COUNT(*) FROM (SELECT 1 {_DIFFERENCES}) AS differing"


@dataclass(frozen=True)
class RollupDifference:
    """One day × expert × mandate where the rollup is not the sum of the entries (zero hours and
    no entries where a side has no row)."""

    date: str
    expert_id: int
    mandate_id: int
    rollup_hours: Decimal
    rollup_entries: int
    entry_hours: Decimal
    entries: int


def rebuild(connection: BaseDatabaseWrapper) -> int:
    """Fill the rollups again from the entries; returns the rows written. Run it in a
    transaction: nobody sees them empty."""
    with connection.cursor() as cursor:
        cursor.execute(REBUILD_SQL[0])
        cursor.execute(REBUILD_SQL[1])
        return cursor.rowcount


def differences(connection: BaseDatabaseWrapper, limit: int = 20) -> tuple[int, list]:
    """How many keys disagree between the rollups and the entries, and the first `limit` of
    them by day, expert and mandate."""
    with connection.cursor() as cursor:
        cursor.execute(DIFFERENCES_COUNT_SQL)
        count = cursor.fetchone()[0]
        if not count:
            return 0, []
        cursor.execute(DIFFERENCES_SQL, [limit])
        rows = cursor.fetchall()

    def cents(value) -> Decimal:
        return Decimal(str(value or 0)).quantize(Decimal("0.01"))

    return count, [
        RollupDifference(
            date=str(day),
            expert_id=expert,
            mandate_id=mandate,
            rollup_hours=cents(rollup_hours),
            rollup_entries=rollup_entries or 0,
            entry_hours=cents(entry_hours),
            entries=entries or 0,
        )
        for day, expert, mandate, rollup_hours, rollup_entries, entry_hours, entries in rows
    ]
