"""Database triggers that refuse two overlapping memberships of one organisation.

`Membership.clean` gives the friendly message; these make the rule hold for every writer (bulk
inserts, raw SQL), because hours by member category count each entry under one membership only.
"""

from consortium.core.triggers import DatabaseTriggers

OVERLAP_MESSAGE = "adhésions qui se chevauchent / overlapping memberships"

_OVERLAP = """EXISTS (SELECT 1 FROM members_membership m
    WHERE m.organisation_id = NEW.organisation_id AND m.id {distinct} NEW.id
    AND m.start <= COALESCE(NEW."end", '9999-12-31')
    AND COALESCE(m."end", '9999-12-31') >= NEW.start)"""

SQLITE_CREATE = [
    f"""CREATE TRIGGER members_membership_overlap_{operation} BEFORE {operation.upper()}
    ON members_membership WHEN {_OVERLAP.format(distinct="IS NOT")}
    BEGIN SELECT RAISE(ABORT, '{OVERLAP_MESSAGE}'); END"""
    for operation in ("insert", "update")
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS members_membership_overlap_insert",
    "DROP TRIGGER IF EXISTS members_membership_overlap_update",
]

POSTGRESQL_CREATE = [
    f"""CREATE FUNCTION members_refuse_overlapping_membership() RETURNS trigger AS $$
    BEGIN
        IF {_OVERLAP.format(distinct="IS DISTINCT FROM")} THEN
            RAISE EXCEPTION '{OVERLAP_MESSAGE}' USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN NEW;
    END;
    $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER members_membership_overlap BEFORE INSERT OR UPDATE ON members_membership
    FOR EACH ROW EXECUTE FUNCTION members_refuse_overlapping_membership()""",
]
POSTGRESQL_DROP = [
    "DROP TRIGGER IF EXISTS members_membership_overlap ON members_membership",
    "DROP FUNCTION IF EXISTS members_refuse_overlapping_membership()",
]


MEMBERSHIP_OVERLAP_TRIGGERS = DatabaseTriggers(
    table="members_membership",
    create={"sqlite": SQLITE_CREATE, "postgresql": POSTGRESQL_CREATE},
    drop={"sqlite": SQLITE_DROP, "postgresql": POSTGRESQL_DROP},
)
