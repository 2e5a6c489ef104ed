"""Database triggers that refuse two rates of one category, mandate type and role that overlap
in time.

`billing.services.rates` gives the friendly message; these make the rule hold for every writer
(bulk inserts, raw SQL), because the rate book takes the first rate it finds at each step.
"""

from consortium.core.triggers import DatabaseTriggers

OVERLAP_MESSAGE = "tarifs qui se chevauchent / overlapping rates"

_OVERLAP = """EXISTS (SELECT 1 FROM billing_rate r
    WHERE r.member_category = NEW.member_category
    AND r.mandate_type_id {same} NEW.mandate_type_id
    AND r.expert_role = NEW.expert_role
    AND r.id {distinct} NEW.id
    AND r.valid_from <= COALESCE(NEW.valid_until, '9999-12-31')
    AND COALESCE(r.valid_until, '9999-12-31') >= NEW.valid_from)"""

SQLITE_CREATE = [
    f"""CREATE TRIGGER billing_rate_overlap_{operation} BEFORE {operation.upper()}
    ON billing_rate WHEN {_OVERLAP.format(same="IS", distinct="IS NOT")}
    BEGIN SELECT RAISE(ABORT, '{OVERLAP_MESSAGE}'); END"""
    for operation in ("insert", "update")
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS billing_rate_overlap_insert",
    "DROP TRIGGER IF EXISTS billing_rate_overlap_update",
]

POSTGRESQL_CREATE = [
    f"""CREATE FUNCTION billing_refuse_overlapping_rate() RETURNS trigger AS $$
    BEGIN
        IF {_OVERLAP.format(same="IS NOT DISTINCT FROM", distinct="IS DISTINCT FROM")} THEN
            RAISE EXCEPTION '{OVERLAP_MESSAGE}' USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN NEW;
    END;
    $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER billing_rate_overlap BEFORE INSERT OR UPDATE ON billing_rate
    FOR EACH ROW EXECUTE FUNCTION billing_refuse_overlapping_rate()""",
]
POSTGRESQL_DROP = [
    "DROP TRIGGER IF EXISTS billing_rate_overlap ON billing_rate",
    "DROP FUNCTION IF EXISTS billing_refuse_overlapping_rate()",
]


RATE_OVERLAP_TRIGGERS = DatabaseTriggers(
    table="billing_rate",
    create={"sqlite": SQLITE_CREATE, "postgresql": POSTGRESQL_CREATE},
    drop={"sqlite": SQLITE_DROP, "postgresql": POSTGRESQL_DROP},
)
