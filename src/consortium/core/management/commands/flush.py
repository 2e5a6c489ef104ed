"""`flush`, in maintenance: emptying every table is the one write the audit trail's and the locked
actual amounts' triggers let through (core/triggers.py). The test runner flushes between
transactional tests with this command."""

from django.core.management.commands.flush import Command as DjangoFlush

from consortium.core.triggers import maintenance


class Command(DjangoFlush):
    def handle(self, **options):
        with maintenance(options["database"]):
            return super().handle(**options)
