"""Database triggers that refuse any write to a time entry dated in a locked period.

The services give the friendly message first; these triggers make the rule hold for every writer,
including raw SQL, bulk imports and the admin.
"""

from consortium.core.triggers import NOT_IN_MAINTENANCE, DatabaseTriggers

LOCKED_MESSAGE = "période verrouillée : entrée de temps non modifiable / locked period"

_LOCKED = (
    'EXISTS (SELECT 1 FROM timesheets_periodlock l WHERE {row}.date BETWEEN l.start AND l."end")'
)

SQLITE_CREATE = [
    f"""CREATE TRIGGER timesheets_timeentry_locked_insert BEFORE INSERT ON timesheets_timeentry
    WHEN {_LOCKED.format(row="NEW")}
    BEGIN SELECT RAISE(ABORT, '{LOCKED_MESSAGE}'); END""",
    f"""CREATE TRIGGER timesheets_timeentry_locked_update BEFORE UPDATE ON timesheets_timeentry
    WHEN {_LOCKED.format(row="OLD")} OR {_LOCKED.format(row="NEW")}
    BEGIN SELECT RAISE(ABORT, '{LOCKED_MESSAGE}'); END""",
    f"""CREATE TRIGGER timesheets_timeentry_locked_delete BEFORE DELETE ON timesheets_timeentry
    WHEN {_LOCKED.format(row="OLD")}
    BEGIN SELECT RAISE(ABORT, '{LOCKED_MESSAGE}'); END""",
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS timesheets_timeentry_locked_insert",
    "DROP TRIGGER IF EXISTS timesheets_timeentry_locked_update",
    "DROP TRIGGER IF EXISTS timesheets_timeentry_locked_delete",
]

# PostgreSQL checks once per statement against its transition tables: a bulk import of
# 200,000 rows runs one lock check, not 200,000. Transition tables allow one event per trigger.
_PG_LOCKED = (
    "EXISTS (SELECT 1 FROM {rows} r JOIN timesheets_periodlock l "
    'ON r.date BETWEEN l.start AND l."end")'
)
_PG_EVENTS = {
    "insert": ("REFERENCING NEW TABLE AS new_rows", [_PG_LOCKED.format(rows="new_rows")]),
    "update": (
        "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows",
        [_PG_LOCKED.format(rows="old_rows"), _PG_LOCKED.format(rows="new_rows")],
    ),
    "delete": ("REFERENCING OLD TABLE AS old_rows", [_PG_LOCKED.format(rows="old_rows")]),
}
POSTGRESQL_CREATE = []
for _event, (_referencing, _checks) in _PG_EVENTS.items():
    POSTGRESQL_CREATE += [
        f"""CREATE FUNCTION timesheets_refuse_locked_{_event}() RETURNS trigger AS $$
        BEGIN
            IF {" OR ".join(_checks)} THEN
                RAISE EXCEPTION '{LOCKED_MESSAGE}'
                    USING ERRCODE = 'integrity_constraint_violation';
            END IF;
            RETURN NULL;
        END;
        $$ LANGUAGE plpgsql""",
        f"""CREATE TRIGGER timesheets_timeentry_locked_{_event}
        AFTER {_event.upper()} ON timesheets_timeentry {_referencing}
        FOR EACH STATEMENT EXECUTE FUNCTION timesheets_refuse_locked_{_event}()""",
    ]
# TRUNCATE skips the row and statement triggers above: it is refused outright, outside a session
# in maintenance (core/triggers.py). ENABLE ALWAYS: the replica role does not silence any of them.
POSTGRESQL_CREATE += [
    f"""CREATE FUNCTION timesheets_refuse_truncate() RETURNS trigger AS $$
    BEGIN
        IF {NOT_IN_MAINTENANCE["postgresql"]} THEN
            RAISE EXCEPTION '{LOCKED_MESSAGE}' USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN NULL;
    END;
    $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER timesheets_timeentry_truncate BEFORE TRUNCATE ON timesheets_timeentry
    FOR EACH STATEMENT EXECUTE FUNCTION timesheets_refuse_truncate()""",
    *(
        f"ALTER TABLE timesheets_timeentry ENABLE ALWAYS TRIGGER timesheets_timeentry_{name}"
        for name in [*(f"locked_{event}" for event in _PG_EVENTS), "truncate"]
    ),
]
POSTGRESQL_DROP = [
    "DROP TRIGGER IF EXISTS timesheets_timeentry_truncate ON timesheets_timeentry",
    "DROP FUNCTION IF EXISTS timesheets_refuse_truncate()",
] + [
    statement
    for _event in _PG_EVENTS
    for statement in (
        f"DROP TRIGGER IF EXISTS timesheets_timeentry_locked_{_event} ON timesheets_timeentry",
        f"DROP FUNCTION IF EXISTS timesheets_refuse_locked_{_event}()",
    )
]


LOCKED_PERIOD_TRIGGERS = DatabaseTriggers(
    table="timesheets_timeentry",
    create={"sqlite": SQLITE_CREATE, "postgresql": POSTGRESQL_CREATE},
    drop={"sqlite": SQLITE_DROP, "postgresql": POSTGRESQL_DROP},
)
