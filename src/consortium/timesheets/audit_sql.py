"""Database triggers that keep the audit trail for good: no UPDATE, DELETE or TRUNCATE of a time
entry's change (`TimeEntryChange`), an import's trail (`TimeEntryImport`) or a lock's history
(`PeriodLockEvent`), from any writer.

Only a session in maintenance (core/triggers.py: the demo's reset, `flush`) empties them. On
PostgreSQL the triggers are ENABLE ALWAYS: `SET session_replication_role = replica` does not
silence them.
"""

from consortium.core.triggers import NOT_IN_MAINTENANCE, DatabaseTriggers

KEPT_MESSAGE = "audit : ligne conservée, non modifiable / audit trail rows are kept"
AUDIT_TABLES = (
    "timesheets_timeentrychange",
    "timesheets_timeentryimport",
    "timesheets_periodlockevent",
)

SQLITE_CREATE = [
    f"""CREATE TRIGGER {table}_kept_{event} BEFORE {event.upper()} ON {table}
    WHEN {NOT_IN_MAINTENANCE["sqlite"]}
    BEGIN SELECT RAISE(ABORT, '{KEPT_MESSAGE}'); END"""
    for table in AUDIT_TABLES
    for event in ("update", "delete")
]
SQLITE_DROP = [
    f"DROP TRIGGER IF EXISTS {table}_kept_{event}"
    for table in AUDIT_TABLES
    for event in ("update", "delete")
]

POSTGRESQL_CREATE = [
    f"""CREATE FUNCTION timesheets_refuse_audit_change() RETURNS trigger AS $$
    BEGIN
        IF {NOT_IN_MAINTENANCE["postgresql"]} THEN
            RAISE EXCEPTION '{KEPT_MESSAGE}' USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
        RETURN NEW;
    END;
    $$ LANGUAGE plpgsql""",
]
for _table in AUDIT_TABLES:
    POSTGRESQL_CREATE += [
        f"""CREATE TRIGGER {_table}_kept BEFORE UPDATE OR DELETE ON {_table}
        FOR EACH ROW EXECUTE FUNCTION timesheets_refuse_audit_change()""",
        f"""CREATE TRIGGER {_table}_kept_truncate BEFORE TRUNCATE ON {_table}
        FOR EACH STATEMENT EXECUTE FUNCTION timesheets_refuse_audit_change()""",
        f"ALTER TABLE {_table} ENABLE ALWAYS TRIGGER {_table}_kept",
        f"ALTER TABLE {_table} ENABLE ALWAYS TRIGGER {_table}_kept_truncate",
    ]
POSTGRESQL_DROP = [
    statement
    for _table in AUDIT_TABLES
    for statement in (
        f"DROP TRIGGER IF EXISTS {_table}_kept ON {_table}",
        f"DROP TRIGGER IF EXISTS {_table}_kept_truncate ON {_table}",
    )
] + ["DROP FUNCTION IF EXISTS timesheets_refuse_audit_change()"]


AUDIT_TRIGGERS = DatabaseTriggers(
    table="timesheets_timeentrychange",
    create={"sqlite": SQLITE_CREATE, "postgresql": POSTGRESQL_CREATE},
    drop={"sqlite": SQLITE_DROP, "postgresql": POSTGRESQL_DROP},
)
