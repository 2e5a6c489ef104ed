from django.db import migrations

from consortium.finance.actuals_sql import LOCKED_ACTUALS_TRIGGERS


class Migration(migrations.Migration):
    dependencies = [
        ("finance", "0002_codes_of_safe_characters"),
        ("timesheets", "0006_lock_history_and_audit_triggers"),
    ]

    operations = [LOCKED_ACTUALS_TRIGGERS.migration_operation()]
