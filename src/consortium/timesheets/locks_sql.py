"""Database triggers that refuse any write to a time entry dated in a locked period.

The services give the friendly message first; these triggers make the rule hold for every writer,
including raw SQL, bulk imports and the admin.
"""

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

POSTGRESQL_CREATE = [
    f"""CREATE FUNCTION timesheets_refuse_locked_entry() RETURNS trigger AS $$
    BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') AND {_LOCKED.format(row="OLD")} THEN
            RAISE EXCEPTION '{LOCKED_MESSAGE}' USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') AND {_LOCKED.format(row="NEW")} THEN
            RAISE EXCEPTION '{LOCKED_MESSAGE}' USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        IF TG_OP = 'DELETE' THEN
            RETURN OLD;
        END IF;
        RETURN NEW;
    END;
    $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER timesheets_timeentry_locked
    BEFORE INSERT OR UPDATE OR DELETE ON timesheets_timeentry
    FOR EACH ROW EXECUTE FUNCTION timesheets_refuse_locked_entry()""",
]
POSTGRESQL_DROP = [
    "DROP TRIGGER IF EXISTS timesheets_timeentry_locked ON timesheets_timeentry",
    "DROP FUNCTION IF EXISTS timesheets_refuse_locked_entry()",
]


def create_triggers(apps, schema_editor) -> None:
    statements = {"sqlite": SQLITE_CREATE, "postgresql": POSTGRESQL_CREATE}
    for sql in statements.get(schema_editor.connection.vendor, []):
        schema_editor.execute(sql)


def drop_triggers(apps, schema_editor) -> None:
    statements = {"sqlite": SQLITE_DROP, "postgresql": POSTGRESQL_DROP}
    for sql in statements.get(schema_editor.connection.vendor, []):
        schema_editor.execute(sql)
