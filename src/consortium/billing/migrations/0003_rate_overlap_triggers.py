from django.db import migrations

from consortium.billing.rate_overlap_sql import RATE_OVERLAP_TRIGGERS


class Migration(migrations.Migration):
    dependencies = [("billing", "0002_credits_and_issued_document_triggers")]

    operations = [RATE_OVERLAP_TRIGGERS.migration_operation()]
