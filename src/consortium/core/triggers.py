"""Database triggers that enforce a rule for every writer, installed per database vendor.

SQLite has no ALTER TABLE for most changes: Django rebuilds the table, which silently drops its
triggers. So the triggers are installed by a migration and installed again, idempotently, after
every `migrate` (post_migrate), whatever later migrations rebuilt.

Maintenance: the triggers that keep the audit trail and locked actual amounts give way to one
thing only, a session in maintenance (`maintenance()`): the demo's reset and `flush` (the test
runner's, between transactional tests) empty those tables in it. A session enters it
deliberately, never by accident: on PostgreSQL the setting `consortium.maintenance = on` (which
`SET session_replication_role = replica` does not imply: the triggers are ENABLE ALWAYS); on
SQLite a flag of the Django connection, read by the SQL function `consortium_maintenance()` that
every Django connection registers. A SQLite shell without that function cannot write to the
protected tables at all.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from django.db import connections, migrations
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.backends.signals import connection_created
from django.db.models.signals import post_migrate

# SQL, per vendor, that is true when the session is NOT in maintenance.
NOT_IN_MAINTENANCE = {
    "sqlite": "NOT consortium_maintenance()",
    "postgresql": "coalesce(current_setting('consortium.maintenance', true), '') <> 'on'",
}


@contextmanager
def maintenance(using: str = "default") -> Iterator[None]:
    """Let this session empty the protected tables (the demo's reset, `flush`)."""
    connection = connections[using]
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT set_config('consortium.maintenance', 'on', false)")
        try:
            yield
        finally:
            with connection.cursor() as cursor:
                cursor.execute("SELECT set_config('consortium.maintenance', '', false)")
        return
    connection.consortium_maintenance = True
    try:
        yield
    finally:
        connection.consortium_maintenance = False


def _register_maintenance_function(sender, connection: BaseDatabaseWrapper, **kwargs) -> None:
    if connection.vendor == "sqlite":
        connection.connection.create_function(
            "consortium_maintenance",
            0,
            lambda: int(getattr(connection, "consortium_maintenance", False)),
        )


connection_created.connect(_register_maintenance_function, weak=False)


@dataclass(frozen=True)
class DatabaseTriggers:
    table: str
    create: dict[str, list[str]]  # vendor → statements
    drop: dict[str, list[str]]  # vendor → statements, each safe when nothing exists

    def install(self, connection: BaseDatabaseWrapper) -> None:
        statements = self.drop.get(connection.vendor, []) + self.create.get(connection.vendor, [])
        if connection.vendor == "postgresql":
            # ALTER TABLE (ENABLE ALWAYS) is refused while the transaction holds deferred
            # foreign-key checks (a `migrate` run inside a test's transaction): run them now,
            # then defer them again (the project's foreign keys are all initially deferred).
            statements = ["SET CONSTRAINTS ALL IMMEDIATE", *statements]
            statements.append("SET CONSTRAINTS ALL DEFERRED")
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)

    def remove(self, connection: BaseDatabaseWrapper) -> None:
        with connection.cursor() as cursor:
            for sql in self.drop.get(connection.vendor, []):
                cursor.execute(sql)

    def migration_operation(self) -> migrations.RunPython:
        return migrations.RunPython(
            lambda apps, schema_editor: self.install(schema_editor.connection),
            lambda apps, schema_editor: self.remove(schema_editor.connection),
            elidable=False,
        )

    def reinstall_after_migrate(self, sender) -> None:
        post_migrate.connect(self._reinstall, sender=sender, weak=False)

    def _reinstall(self, using: str = "default", **kwargs) -> None:
        connection = connections[using]
        if self.table in connection.introspection.table_names():
            self.install(connection)
