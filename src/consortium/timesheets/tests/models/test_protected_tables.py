"""The database itself keeps the audit trail and locked entries, whoever the writer is: raw SQL,
TRUNCATE and PostgreSQL's replica role included. Only a session in maintenance (the demo's reset,
`flush`) empties the audit trail."""

import datetime as dt
from decimal import Decimal

import pytest
from django.db import IntegrityError, connection, transaction

from consortium.core.triggers import maintenance
from consortium.testing.factories import TimeEntryFactory, TimeEntryImportFactory
from consortium.timesheets.models import (
    ChangeAction,
    PeriodKind,
    TimeEntry,
    TimeEntryChange,
    TimeEntryImport,
)
from consortium.timesheets.services.locks import period_lock

pytestmark = pytest.mark.django_db

AUDIT_TABLES = ["timesheets_timeentrychange", "timesheets_timeentryimport"]
postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="TRUNCATE and roles are PostgreSQL's"
)


@pytest.fixture
def audit_rows():
    entry = TimeEntryFactory(date=dt.date(2021, 6, 1))
    TimeEntryChange.objects.create(
        entry_id=entry.pk,
        expert=entry.expert,
        mandate=entry.mandate,
        date=entry.date,
        action=ChangeAction.CREATED,
        after={"hours": "7.00"},
    )
    TimeEntryImportFactory()


def _execute(sql: str) -> None:
    with transaction.atomic(), connection.cursor() as cursor:
        if sql.startswith("TRUNCATE"):
            # The test's own inserts leave deferred foreign-key checks, which TRUNCATE refuses.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute(sql)


@pytest.mark.parametrize("table", AUDIT_TABLES)
@pytest.mark.parametrize("statement", ["UPDATE {table} SET id = id + 1000", "DELETE FROM {table}"])
def test_raw_sql_never_changes_an_audit_row(audit_rows, table, statement):
    with pytest.raises(IntegrityError, match="audit"):
        _execute(statement.format(table=table))
    assert (TimeEntryChange.objects.count(), TimeEntryImport.objects.count()) == (1, 1)


def test_the_orm_never_deletes_an_audit_row(audit_rows):
    with pytest.raises(IntegrityError, match="audit"), transaction.atomic():
        TimeEntryChange.objects.all().delete()
    assert TimeEntryChange.objects.count() == 1


def test_a_session_in_maintenance_empties_the_audit_trail(audit_rows):
    with maintenance():
        TimeEntryChange.objects.all().delete()
        TimeEntryImport.objects.all().delete()
    assert not TimeEntryChange.objects.exists() and not TimeEntryImport.objects.exists()
    TimeEntryImportFactory()
    with pytest.raises(IntegrityError, match="audit"), transaction.atomic():
        TimeEntryImport.objects.all().delete()


@pytest.mark.parametrize("table", AUDIT_TABLES)
def test_emptying_an_audit_table_at_once_is_refused(audit_rows, table):
    """PostgreSQL's TRUNCATE; SQLite's is a DELETE without WHERE (its truncate optimisation,
    which a table with triggers does not get)."""
    if connection.vendor == "postgresql":
        statement = f"TRUNCATE {table} CASCADE"
    else:
        statement = f"DELETE FROM {table}"
    with pytest.raises(IntegrityError):
        _execute(statement)
    assert TimeEntryChange.objects.count() == 1
    assert TimeEntry.objects.count() == 1


@postgresql_only
def test_truncate_of_the_time_entries_is_refused(audit_rows):
    with pytest.raises(IntegrityError):
        _execute("TRUNCATE timesheets_timeentry CASCADE")
    assert TimeEntry.objects.count() == 1


@postgresql_only
def test_the_replica_role_does_not_silence_the_triggers(audit_rows):
    entry = TimeEntry.objects.get()
    period_lock(kind=PeriodKind.MONTH, month=entry.date)
    for statement, refusal in [
        ("DELETE FROM timesheets_timeentrychange", "audit"),
        ("UPDATE timesheets_timeentryimport SET rows = 0", "audit"),
        (f"UPDATE timesheets_timeentry SET hours = 9 WHERE id = {entry.pk}", "verrouillée"),
        ("TRUNCATE timesheets_timeentry CASCADE", "verrouillée"),
    ]:
        with (
            pytest.raises(IntegrityError, match=refusal),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute("SET LOCAL session_replication_role = replica")
            cursor.execute(statement)
    entry.refresh_from_db()
    assert entry.hours == Decimal("7.00")
    assert TimeEntryChange.objects.count() == 1
