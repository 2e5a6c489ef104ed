"""`consortium import accounts FILE`: the chart of accounts, known by code."""

from django.utils.translation import gettext as _

from consortium.finance.models import Account, AccountKind
from consortium.finance.services import account_upsert
from consortium.imports.csv_reader import CsvTable
from consortium.imports.errors import ErrorList
from consortium.imports.importers.base import (
    Count,
    ImportSummary,
    RowValues,
    records_with_unique_codes,
    upsert_row,
)

COLUMNS = ("code", "name_fr", "name_en", "kind", "is_service_revenue")
FIELD_COLUMNS = {column: column for column in COLUMNS}
DEFAULT_COLUMN = "is_service_revenue"
YES = {"1", "true", "yes", "oui", "o", "y", "vrai"}
NO = {"", "0", "false", "no", "non", "n", "faux"}


def yes_or_no(row: RowValues, column: str) -> bool | None:
    text = row.text(column).lower()
    if text in YES:
        return True
    if text in NO:
        return False
    row.fail(
        column,
        _("« %(value)s » n'est ni oui ni non (oui/non, yes/no, 1/0).")
        % {"value": row.text(column)},
    )
    return None


def run(table: CsvTable, errors: ErrorList) -> ImportSummary:
    count = Count(_("comptes"))
    for line, values in records_with_unique_codes(table, errors):
        row = RowValues(errors, line, values)
        attributes = {
            "code": values["code"],
            "name_fr": row.text("name_fr"),
            "name_en": row.text("name_en"),
            "kind": row.choice("kind", AccountKind),
            "is_service_revenue": yes_or_no(row, "is_service_revenue"),
        }
        upsert_row(Account, account_upsert, attributes, row, FIELD_COLUMNS, DEFAULT_COLUMN, count)
    return ImportSummary(rows=len(table.rows), counts=[count])
