"""`consortium import experts FILE`: the centre's staff, known by their code."""

from django.utils.translation import gettext as _

from consortium.imports.csv_reader import CsvTable
from consortium.imports.errors import ErrorList
from consortium.imports.importers.base import (
    Count,
    ImportSummary,
    RowValues,
    records_with_unique_codes,
    upsert_row,
)
from consortium.staff.models import Department, Expert, Gender, Role
from consortium.staff.services import expert_upsert

COLUMNS = (
    "code",
    "first_name",
    "last_name",
    "email",
    "role",
    "department",
    "hired_on",
    "left_on",
    "gender",
    "birth_year",
)
# The file's columns are named after the model's fields.
FIELD_COLUMNS = {column: column for column in COLUMNS}
# Errors across fields are the one constraint between the dates of employment.
DEFAULT_COLUMN = "left_on"


def run(table: CsvTable, errors: ErrorList) -> ImportSummary:
    departments = {department.code: department for department in Department.objects.all()}
    count = Count(_("experts"))
    for line, values in records_with_unique_codes(table, errors):
        code = values["code"]
        row = RowValues(errors, line, values)
        attributes = {
            "code": code,
            "first_name": row.text("first_name"),
            "last_name": row.text("last_name"),
            "email": row.text("email"),
            "role": row.choice("role", Role),
            "department": row.reference(
                "department", departments, _("Département inconnu : « %(code)s ».")
            ),
            "hired_on": row.date("hired_on"),
            "left_on": row.date("left_on", required=False),
            "gender": row.choice("gender", Gender, required=False),
            "birth_year": row.integer("birth_year"),
        }
        upsert_row(Expert, expert_upsert, attributes, row, FIELD_COLUMNS, DEFAULT_COLUMN, count)
    return ImportSummary(rows=len(table.rows), counts=[count])
