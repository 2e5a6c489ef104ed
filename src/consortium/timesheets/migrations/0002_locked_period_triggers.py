from django.db import migrations

from consortium.timesheets.locks_sql import LOCKED_PERIOD_TRIGGERS


class Migration(migrations.Migration):
    dependencies = [("timesheets", "0001_initial")]

    operations = [LOCKED_PERIOD_TRIGGERS.migration_operation()]
