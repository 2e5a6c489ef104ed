"""Departments and mandate types: a code, a French name and an English name."""

from collections.abc import Callable
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from consortium.imports.csv_reader import CsvTable
from consortium.imports.errors import ErrorList
from consortium.imports.importers.base import Count, ImportSummary, report_validation_error

COLUMNS = ("code", "name_fr", "name_en")
FIELD_COLUMNS = {"code": "code", "name_fr": "name_fr", "name_en": "name_en"}


def duplicate_code_message(code: str, line: int) -> str:
    return _("Le code %(code)s figure déjà à la ligne %(line)s.") % {"code": code, "line": line}


def import_coded_names(
    table: CsvTable,
    errors: ErrorList,
    upsert: Callable[..., tuple[Any, bool]],
    label: str,
) -> ImportSummary:
    count = Count(label)
    first_lines: dict[str, int] = {}
    for line, values in table.records():
        code = values["code"]
        if code in first_lines:
            errors.add(line, "code", duplicate_code_message(code, first_lines[code]))
            continue
        first_lines[code] = line
        try:
            _record, created = upsert(
                code=code, name_fr=values["name_fr"], name_en=values["name_en"]
            )
        except ValidationError as error:
            report_validation_error(errors, line, error, FIELD_COLUMNS, "code")
            continue
        count.add(created)
    return ImportSummary(rows=len(table.rows), counts=[count])
