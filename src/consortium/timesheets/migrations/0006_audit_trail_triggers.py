from django.db import migrations

from consortium.timesheets.audit_sql import AUDIT_TRIGGERS
from consortium.timesheets.locks_sql import LOCKED_PERIOD_TRIGGERS


class Migration(migrations.Migration):
    dependencies = [("timesheets", "0005_weeks_and_audit_trail")]

    operations = [
        AUDIT_TRIGGERS.migration_operation(),
        # Installed again: TRUNCATE refused and ENABLE ALWAYS on PostgreSQL.
        LOCKED_PERIOD_TRIGGERS.migration_operation(),
    ]
