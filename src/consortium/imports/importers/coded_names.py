"""Departments and mandate types: a code, a French name and an English name."""

from collections.abc import Callable
from typing import Any

from django.core.exceptions import ValidationError

from consortium.imports.csv_reader import CsvTable
from consortium.imports.errors import ErrorList
from consortium.imports.importers.base import (
    Count,
    ImportSummary,
    records_with_unique_codes,
    report_validation_error,
)

COLUMNS = ("code", "name_fr", "name_en")
FIELD_COLUMNS = {"code": "code", "name_fr": "name_fr", "name_en": "name_en"}


def import_coded_names(
    table: CsvTable,
    errors: ErrorList,
    upsert: Callable[..., tuple[Any, bool]],
    label: str,
) -> ImportSummary:
    count = Count(label)
    for line, values in records_with_unique_codes(table, errors):
        code = values["code"]
        try:
            _record, created = upsert(
                code=code, name_fr=values["name_fr"], name_en=values["name_en"]
            )
        except ValidationError as error:
            report_validation_error(errors, line, error, FIELD_COLUMNS, "code")
            continue
        count.add(created)
    return ImportSummary(rows=len(table.rows), counts=[count])
