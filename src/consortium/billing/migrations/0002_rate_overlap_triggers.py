from django.db import migrations

from consortium.billing.rate_overlap_sql import RATE_OVERLAP_TRIGGERS


class Migration(migrations.Migration):
    dependencies = [("billing", "0001_initial")]

    operations = [RATE_OVERLAP_TRIGGERS.migration_operation()]
