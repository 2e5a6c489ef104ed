"""What every importer shares: parsing a row's values, and turning validation errors into
located errors.

Importers of reference data (small files) call one service a row; a row whose values do not
even parse is still checked by its model, without being saved, so that the file's every
problem is reported at once.
"""

import datetime as dt
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models
from django.utils.translation import gettext as _

from consortium.core.money import parse_amount
from consortium.imports.csv_reader import CsvTable
from consortium.imports.errors import ErrorList

# The spellings of yes and no a spreadsheet writes, in French and English.
BOOLEANS = {
    "oui": True,
    "non": False,
    "yes": True,
    "no": False,
    "vrai": True,
    "faux": False,
    "true": True,
    "false": False,
    "1": True,
    "0": False,
}
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$", re.ASCII)
# ASCII digits only: int() would also take "1_0" and Arabic-Indic or fullwidth digits.
INTEGER = re.compile(r"-?[0-9]+")


@dataclass
class Count:
    """How many rows of one kind of record an import created and updated."""

    label: str
    created: int = 0
    updated: int = 0

    def add(self, created: bool) -> None:
        if created:
            self.created += 1
        else:
            self.updated += 1


@dataclass
class ImportSummary:
    rows: int
    counts: list[Count] = field(default_factory=list)


def required_message() -> str:
    return _("Valeur obligatoire.")


def parse_iso_date(text: str) -> dt.date:
    """A date written YYYY-MM-DD; raises ValueError with a message for the user."""
    if ISO_DATE.match(text):
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            pass
    raise ValueError(_("« %(value)s » n'est pas une date AAAA-MM-JJ valide.") % {"value": text})


def choice_message(value: str, choices: type[models.TextChoices]) -> str:
    return _("« %(value)s » n'est pas permis. Valeurs permises : %(allowed)s.") % {
        "value": value,
        "allowed": ", ".join(choices.values),
    }


def constraint_message(model: type[models.Model], name: str) -> str:
    """The message of one of the model's constraints, so that an import says the same thing."""
    for constraint in model._meta.constraints:
        if constraint.name == name:
            return str(constraint.get_violation_error_message())
    raise LookupError(name)


class RowValues:
    """The values of one row, parsed column by column; a column that fails is remembered."""

    def __init__(self, errors: ErrorList, line: int, values: Mapping[str, str]) -> None:
        self.errors = errors
        self.line = line
        self.values = values
        self.failed: set[str] = set()

    def fail(self, column: str, message: str) -> None:
        self.failed.add(column)
        self.errors.add(self.line, column, message)

    def text(self, column: str) -> str:
        return self.values[column]

    def date(self, column: str, *, required: bool = True) -> dt.date | None:
        text = self.values[column]
        if not text:
            if required:
                self.fail(column, required_message())
            return None
        try:
            return parse_iso_date(text)
        except ValueError as error:
            self.fail(column, str(error))
            return None

    def choice(
        self, column: str, choices: type[models.TextChoices], *, required: bool = True
    ) -> str:
        text = self.values[column]
        if not text:
            if required:
                self.fail(column, required_message())
            return ""
        value = text.lower()
        if value not in choices.values:
            self.fail(column, choice_message(text, choices))
            return ""
        return value

    def integer(self, column: str) -> int | None:
        text = self.values[column]
        if not text:
            return None
        if not INTEGER.fullmatch(text):
            self.fail(column, _("« %(value)s » n'est pas un nombre entier.") % {"value": text})
            return None
        return int(text)

    def has(self, column: str) -> bool:
        """Whether the file has this optional column at all."""
        return column in self.values

    def amount(self, column: str, *, required: bool = True) -> Decimal | None:
        """An amount with a decimal comma or point (core.money.parse_amount)."""
        text = self.values[column]
        if not text:
            if required:
                self.fail(column, required_message())
            return None
        try:
            return parse_amount(text)
        except ValueError as error:
            self.fail(column, str(error))
            return None

    def boolean(self, column: str) -> bool | None:
        """oui/non, yes/no, vrai/faux, true/false, 1/0 (any case); None when empty. Anything
        else is an error: a value read as true by default would bill what should not be."""
        text = self.values[column]
        if not text:
            return None
        value = BOOLEANS.get(text.lower())
        if value is None:
            self.fail(
                column,
                _("« %(value)s » n'est ni oui ni non. Valeurs permises : %(allowed)s.")
                % {"value": text, "allowed": ", ".join(BOOLEANS)},
            )
        return value

    def optional_reference(
        self, column: str, known: Mapping[str, Any], unknown_message: str
    ) -> Any:
        """The record a code names, or None when the value is empty."""
        if not self.values[column]:
            return None
        return self.reference(column, known, unknown_message)

    def reference(self, column: str, known: Mapping[str, Any], unknown_message: str) -> Any:
        """The record a code names, from `known`; `unknown_message` has a %(code)s."""
        code = self.values[column]
        if not code:
            self.fail(column, required_message())
            return None
        found = known.get(code)
        if found is None:
            self.fail(column, unknown_message % {"code": code})
        return found


def report_validation_error(
    errors: ErrorList,
    line: int,
    error: ValidationError,
    columns: Mapping[str, str],
    default_column: str,
    *,
    skip: set[str] = frozenset(),
) -> None:
    """Add the messages of a model's ValidationError, each under the column of its field.

    `columns` maps model fields to file columns; errors that belong to no field (constraints
    across fields) go under `default_column`. Columns in `skip` already have an error.
    """
    if hasattr(error, "error_dict"):
        items = [(name, messages) for name, messages in error.message_dict.items()]
    else:
        items = [(NON_FIELD_ERRORS, error.messages)]
    for name, messages in items:
        column = columns.get(name, default_column)
        if column in skip:
            continue
        for message in messages:
            errors.add(line, column, message)


def check_without_saving(
    model: type[models.Model],
    attributes: Mapping[str, Any],
    row: RowValues,
    columns: Mapping[str, str],
    default_column: str,
    *,
    unchecked: set[str] = frozenset(),
) -> None:
    """Run the model's validation on a row that did not fully parse, leaving out its bad columns
    (and the columns in `unchecked`, whose value cannot be known yet).

    The row is not saved (the file is refused anyway); this only finds its other problems.
    """
    left_out = row.failed | unchecked
    failed_fields = [name for name, column in columns.items() if column in left_out]
    instance = model(**{name: value for name, value in attributes.items() if value is not None})
    try:
        instance.full_clean(exclude=failed_fields, validate_unique=False)
    except ValidationError as error:
        report_validation_error(row.errors, row.line, error, columns, default_column, skip=left_out)


def upsert_row(
    model: type[models.Model],
    upsert: Callable[..., tuple[Any, bool]],
    attributes: Mapping[str, Any],
    row: RowValues,
    columns: Mapping[str, str],
    default_column: str,
    count: "Count",
    **extra: Any,
) -> None:
    """Write one row through its service, or, when it did not fully parse, only check it.

    A refusal of the service is reported on the row's line; `count` learns what was created.
    """
    if row.failed:
        check_without_saving(model, attributes, row, columns, default_column)
        return
    try:
        _record, created = upsert(**attributes, **extra)
    except ValidationError as error:
        report_validation_error(row.errors, row.line, error, columns, default_column)
        return
    count.add(created)


def records_with_unique_codes(
    table: CsvTable, errors: ErrorList
) -> Iterator[tuple[int, dict[str, str]]]:
    """The file's records, less those repeating an earlier row's code (each an error)."""
    first_lines: dict[str, int] = {}
    for line, values in table.records():
        code = values["code"]
        if code in first_lines:
            errors.add(
                line,
                "code",
                _("Le code %(code)s figure déjà à la ligne %(line)s.")
                % {"code": code, "line": first_lines[code]},
            )
            continue
        first_lines[code] = line
        yield line, values
