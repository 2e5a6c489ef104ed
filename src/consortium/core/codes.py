"""Codes: the short names people type and addresses carry (`/mandats/<code>/`), for every kind of
coded record (organisations, experts, mandates, departments, mandate types, fields of expertise,
accounts, projects).

A code is made of ASCII letters, digits, ".", "_" and "-": a "/" or a space would break every
address that carries it. The rule holds in three places: a validator on the field (forms, the
admin and imports, which call `full_clean()`), a database constraint (any other writer), and a
check in the migration that adds the constraint (rows stored before it).
"""

import re
import string
from collections.abc import Callable

from django.core.validators import RegexValidator
from django.db import models
from django.db.models import F, Q, Value
from django.db.models.lookups import Exact
from django.utils.translation import gettext_lazy as _

CODE_CHARACTERS = string.ascii_letters + string.digits + "._-"
CODE_PATTERN = re.compile(r"\A[A-Za-z0-9._-]+\Z")


def code_rule_message() -> str:
    return _(
        "Un code ne contient que des lettres sans accents, des chiffres, « . », « _ » et « - » "
        "(ni espace ni « / »)."
    )


validate_code = RegexValidator(CODE_PATTERN, message=code_rule_message(), code="invalid_code")


class StripCodeCharacters(models.Func):
    """The code with every allowed character taken off both its ends: empty for a good code.

    TRIM(x, characters) on SQLite, BTRIM on PostgreSQL: both built in, so the constraint needs
    no regular expression (SQLite's REGEXP exists only inside Django's connections, and a
    constraint calling it would refuse every write from any other client).
    """

    function = "TRIM"
    output_field = models.CharField()

    def __init__(self, expression) -> None:
        super().__init__(expression, Value(CODE_CHARACTERS))

    def as_postgresql(self, compiler, connection, **extra_context):
        return self.as_sql(compiler, connection, function="BTRIM", **extra_context)


def code_constraint(
    name: str = "%(app_label)s_%(class)s_code_characters",
) -> models.CheckConstraint:
    """The database's side of the rule, with the same message as the field's validator."""
    return models.CheckConstraint(
        condition=Q(Exact(StripCodeCharacters(F("code")), Value(""))) & ~Q(code=""),
        name=name,
        violation_error_message=code_rule_message(),
        violation_error_code="invalid_code",
    )


def refuse_bad_codes(app_label: str, *model_names: str) -> Callable:
    """A migration step that stops, naming the rows, if stored codes break the rule: the
    constraint would fail anyway, with a message that names no row."""

    def check(apps, schema_editor) -> None:
        bad = []
        for model_name in model_names:
            model = apps.get_model(app_label, model_name)
            codes = model.objects.using(schema_editor.connection.alias).values_list(
                "code", flat=True
            )
            bad += [
                f"{model._meta.verbose_name} « {code} »"
                for code in codes.iterator()
                if not CODE_PATTERN.match(code)
            ]
        if bad:
            raise RuntimeError(
                "Codes refused (letters, digits, '.', '_' and '-' only); correct them, then "
                "migrate again: " + ", ".join(bad[:50]) + (" …" if len(bad) > 50 else "")
            )

    return check
