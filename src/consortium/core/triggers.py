"""Database triggers that enforce a rule for every writer, installed per database vendor.

SQLite has no ALTER TABLE for most changes: Django rebuilds the table, which silently drops its
triggers. So the triggers are installed by a migration and installed again, idempotently, after
every `migrate` (post_migrate), whatever later migrations rebuilt.
"""

from dataclasses import dataclass

from django.db import connections, migrations
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models.signals import post_migrate


@dataclass(frozen=True)
class DatabaseTriggers:
    table: str
    create: dict[str, list[str]]  # vendor → statements
    drop: dict[str, list[str]]  # vendor → statements, each safe when nothing exists

    def install(self, connection: BaseDatabaseWrapper) -> None:
        with connection.cursor() as cursor:
            for sql in self.drop.get(connection.vendor, []) + self.create.get(
                connection.vendor, []
            ):
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
