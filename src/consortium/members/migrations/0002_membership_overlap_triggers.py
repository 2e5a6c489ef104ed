from django.db import migrations

from consortium.members.overlap_sql import MEMBERSHIP_OVERLAP_TRIGGERS


class Migration(migrations.Migration):
    dependencies = [("members", "0001_initial")]

    operations = [MEMBERSHIP_OVERLAP_TRIGGERS.migration_operation()]
