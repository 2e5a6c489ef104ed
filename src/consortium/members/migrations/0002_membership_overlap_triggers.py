from django.db import migrations

from consortium.members.overlap_sql import create_triggers, drop_triggers


class Migration(migrations.Migration):
    dependencies = [("members", "0001_initial")]

    operations = [migrations.RunPython(create_triggers, drop_triggers, elidable=False)]
