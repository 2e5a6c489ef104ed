"""The one maintenance path that rewrites rows the database itself protects.

Time entries of a locked period are guarded by triggers (timesheets/locks_sql.py) that refuse
any UPDATE, and the audit trail (`TimeEntryChange`) is kept for good. Anonymising a person
(Law 25) must still erase the free text they wrote there, while every figure stays as it was.
It does so here and only here: inside one transaction, the guarding triggers are dropped, the
free text — and nothing else — is rewritten, and the triggers are installed again. Other
writers wait on the transaction's lock meanwhile (PostgreSQL: the table lock DROP TRIGGER takes;
SQLite: the one write transaction), so none of them ever writes unguarded; if anything fails,
the transaction rolls the triggers back in place too. Each use is recorded by the anonymisation
that calls it (privacy.models.Anonymisation).
"""

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import connection, transaction

from consortium.billing.triggers_sql import ISSUED_DOCUMENT_TRIGGERS
from consortium.core.triggers import DatabaseTriggers
from consortium.timesheets.audit_sql import AUDIT_TRIGGERS
from consortium.timesheets.locks_sql import LOCKED_PERIOD_TRIGGERS
from consortium.timesheets.models import TimeEntry, TimeEntryChange

# The triggers anonymisation passes through: the locked periods' entries, the audit trail, and
# the hours an issued invoice bills (their description goes; their hours stay).
GUARDS: tuple[DatabaseTriggers, ...] = (
    LOCKED_PERIOD_TRIGGERS,
    AUDIT_TRIGGERS,
    ISSUED_DOCUMENT_TRIGGERS,
)

ERASED = ""
BATCH = 500


@contextmanager
def guards_lifted(guards: tuple[DatabaseTriggers, ...] = GUARDS) -> Iterator[None]:
    with transaction.atomic():
        for guard in guards:
            guard.remove(connection)
        yield
        for guard in guards:
            guard.install(connection)


def time_entry_descriptions_erase(*, expert_id: int) -> int:
    """Erases the descriptions of the expert's entries, locked periods included; hours stay."""
    with guards_lifted():
        return (
            TimeEntry.objects.filter(expert_id=expert_id)
            .exclude(description=ERASED)
            .update(description=ERASED)
        )


def audit_snapshots_anonymise(*, expert_id: int) -> int:
    """Erases the description in the before/after snapshots of the expert's audit rows.

    Every other part of each row (who, when, which entry, date, mandate, hours) stays: the trail
    still says what changed and by whom, without the words the person wrote.
    """
    changed = []
    rows = TimeEntryChange.objects.filter(expert_id=expert_id).only("id", "before", "after")
    with guards_lifted():
        for row in rows.iterator(chunk_size=BATCH):
            before, after = _erased(row.before), _erased(row.after)
            if (before, after) != (row.before, row.after):
                row.before, row.after = before, after
                changed.append(row)
        for start in range(0, len(changed), BATCH):
            TimeEntryChange.objects.bulk_update(changed[start : start + BATCH], ["before", "after"])
    return len(changed)


def _erased(snapshot: dict | None) -> dict | None:
    if not snapshot or not snapshot.get("description"):
        return snapshot
    return {**snapshot, "description": ERASED}
