"""Codes are letters, digits, ".", "_" and "-" (see `core/codes.py`): the migration stops,
naming them, if stored codes break the rule."""

import consortium.core.codes
import django.core.validators
import django.db.models.lookups
import re
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('members', '0002_membership_overlap_triggers'),
    ]

    operations = [
        migrations.RunPython(
            consortium.core.codes.refuse_bad_codes("members", "organisation"),
            migrations.RunPython.noop,
        ),
        migrations.AlterField(
            model_name='organisation',
            name='code',
            field=models.CharField(max_length=30, unique=True, validators=[django.core.validators.RegexValidator(re.compile('\\A[A-Za-z0-9._-]+\\Z'), code='invalid_code', message='Un code ne contient que des lettres sans accents, des chiffres, « . », « _ » et « - » (ni espace ni « / »).')], verbose_name='code'),
        ),
        migrations.AddConstraint(
            model_name='organisation',
            constraint=models.CheckConstraint(condition=models.Q(django.db.models.lookups.Exact(consortium.core.codes.StripCodeCharacters(models.F('code')), models.Value('')), models.Q(('code', ''), _negated=True)), name='members_organisation_code_characters', violation_error_code='invalid_code', violation_error_message='Un code ne contient que des lettres sans accents, des chiffres, « . », « _ » et « - » (ni espace ni « / »).'),
        ),
    ]
