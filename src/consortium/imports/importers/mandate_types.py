"""`consortium import mandate-types FILE`: code, name_fr, name_en, and optionally `billable`
(oui/non, yes/no, vrai/faux, true/false, 1/0; empty or left out: kept, billable when new)."""

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
from consortium.imports.importers.coded_names import COLUMNS
from consortium.mandates.models import MandateType
from consortium.mandates.services import mandate_type_upsert

__all__ = ["COLUMNS", "OPTIONAL_COLUMNS", "run"]

OPTIONAL_COLUMNS = ("billable",)
FIELD_COLUMNS = {"code": "code", "name_fr": "name_fr", "name_en": "name_en", "billable": "billable"}


def run(table: CsvTable, errors: ErrorList) -> ImportSummary:
    count = Count(_("types de mandat"))
    for line, values in records_with_unique_codes(table, errors):
        row = RowValues(errors, line, values)
        attributes = {
            "code": values["code"],
            "name_fr": row.text("name_fr"),
            "name_en": row.text("name_en"),
        }
        if row.has("billable"):
            billable = row.boolean("billable")
            if billable is not None:
                attributes["billable"] = billable
        upsert_row(MandateType, mandate_type_upsert, attributes, row, FIELD_COLUMNS, "code", count)
    return ImportSummary(rows=len(table.rows), counts=[count])
