"""The platform's own questionnaire (diagnostics/default_questionnaire.py), version 1, active."""

from django.db import migrations


def load(apps, schema_editor):
    from consortium.diagnostics.default_questionnaire import load as write

    write(apps)


def unload(apps, schema_editor):
    from consortium.diagnostics.default_questionnaire import unload as remove

    remove(apps)


class Migration(migrations.Migration):
    dependencies = [("diagnostics", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
