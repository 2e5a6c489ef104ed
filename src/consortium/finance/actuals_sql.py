"""Database triggers that freeze the actual amounts of a locked fiscal year for every writer.

A fiscal year is locked when a lock covers it, or when its twelve months are locked (the rule of
core/locks.py; month locks are whole calendar months, so twelve of them inside the year cover
it). The services give the friendly message first (finance.services.actual_amount_lock_check).
Only a session in maintenance (core/triggers.py: `flush`) gets through; on PostgreSQL TRUNCATE is
refused too, and the triggers are ENABLE ALWAYS so that the replica role does not silence them.
"""

from consortium.core.triggers import NOT_IN_MAINTENANCE, DatabaseTriggers

LOCKED_MESSAGE = "exercice verrouillé : montant réel non modifiable / locked fiscal year"
TABLE = "finance_actualamount"

_YEAR_LOCKED = """EXISTS (SELECT 1 FROM core_fiscalyear y WHERE y.id = {row}.fiscal_year_id AND (
    EXISTS (SELECT 1 FROM timesheets_periodlock l
            WHERE l.start <= y.start_date AND l."end" >= y.end_date)
    OR (SELECT COUNT(*) FROM timesheets_periodlock l
        WHERE l.kind = 'month' AND l.start >= y.start_date AND l."end" <= y.end_date) >= 12))"""

_SQLITE_EVENTS = {
    "insert": _YEAR_LOCKED.format(row="NEW"),
    "update": f"({_YEAR_LOCKED.format(row='OLD')} OR {_YEAR_LOCKED.format(row='NEW')})",
    "delete": _YEAR_LOCKED.format(row="OLD"),
}
SQLITE_CREATE = [
    f"""CREATE TRIGGER {TABLE}_locked_{event} BEFORE {event.upper()} ON {TABLE}
    WHEN {NOT_IN_MAINTENANCE["sqlite"]} AND {locked}
    BEGIN SELECT RAISE(ABORT, '{LOCKED_MESSAGE}'); END"""
    for event, locked in _SQLITE_EVENTS.items()
]
SQLITE_DROP = [f"DROP TRIGGER IF EXISTS {TABLE}_locked_{event}" for event in _SQLITE_EVENTS]

POSTGRESQL_CREATE = [
    f"""CREATE FUNCTION finance_refuse_locked_actual() RETURNS trigger AS $$
    BEGIN
        IF {NOT_IN_MAINTENANCE["postgresql"]} AND (
            (TG_OP IN ('UPDATE', 'DELETE') AND {_YEAR_LOCKED.format(row="OLD")})
            OR (TG_OP IN ('INSERT', 'UPDATE') AND {_YEAR_LOCKED.format(row="NEW")})
        ) THEN
            RAISE EXCEPTION '{LOCKED_MESSAGE}' USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
        RETURN NEW;
    END;
    $$ LANGUAGE plpgsql""",
    f"""CREATE FUNCTION finance_refuse_actual_truncate() RETURNS trigger AS $$
    BEGIN
        IF {NOT_IN_MAINTENANCE["postgresql"]} THEN
            RAISE EXCEPTION '{LOCKED_MESSAGE}' USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN NULL;
    END;
    $$ LANGUAGE plpgsql""",
    f"""CREATE TRIGGER {TABLE}_locked BEFORE INSERT OR UPDATE OR DELETE ON {TABLE}
    FOR EACH ROW EXECUTE FUNCTION finance_refuse_locked_actual()""",
    f"""CREATE TRIGGER {TABLE}_truncate BEFORE TRUNCATE ON {TABLE}
    FOR EACH STATEMENT EXECUTE FUNCTION finance_refuse_actual_truncate()""",
    f"ALTER TABLE {TABLE} ENABLE ALWAYS TRIGGER {TABLE}_locked",
    f"ALTER TABLE {TABLE} ENABLE ALWAYS TRIGGER {TABLE}_truncate",
]
POSTGRESQL_DROP = [
    f"DROP TRIGGER IF EXISTS {TABLE}_locked ON {TABLE}",
    f"DROP TRIGGER IF EXISTS {TABLE}_truncate ON {TABLE}",
    "DROP FUNCTION IF EXISTS finance_refuse_locked_actual()",
    "DROP FUNCTION IF EXISTS finance_refuse_actual_truncate()",
]

LOCKED_ACTUALS_TRIGGERS = DatabaseTriggers(
    table=TABLE,
    create={"sqlite": SQLITE_CREATE, "postgresql": POSTGRESQL_CREATE},
    drop={"sqlite": SQLITE_DROP, "postgresql": POSTGRESQL_DROP},
)
