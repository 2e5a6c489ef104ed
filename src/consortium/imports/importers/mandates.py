"""`consortium import mandates FILE`: engagements for organisations, known by their code.

Optional columns say who pays and how: `billed_organisation` (an organisation's code; empty:
the organisation served pays), `billable` (oui/non, yes/no, vrai/faux, true/false, 1/0;
anything else is an error, empty keeps what the mandate holds), `hourly_rate` and `fixed_fee`
(the mandate's own rate or fixed fee, which beat the rate table; empty: none). A column the file
leaves out keeps what each mandate holds.
"""

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
from consortium.mandates.models import Mandate, MandateType
from consortium.mandates.services import mandate_upsert
from consortium.members.models import Organisation
from consortium.staff.models import Department

COLUMNS = ("code", "organisation_code", "title", "mandate_type", "department", "start", "end")
OPTIONAL_COLUMNS = ("billed_organisation", "billable", "hourly_rate", "fixed_fee")
FIELD_COLUMNS = {
    "billed_organisation": "billed_organisation",
    "billable": "billable",
    "hourly_rate": "hourly_rate",
    "fixed_fee": "fixed_fee",
    "code": "code",
    "organisation": "organisation_code",
    "title": "title",
    "mandate_type": "mandate_type",
    "department": "department",
    "start": "start",
    "end": "end",
}
# Errors across fields are the one constraint between the mandate's dates.
DEFAULT_COLUMN = "end"


def run(table: CsvTable, errors: ErrorList) -> ImportSummary:
    organisations = {
        organisation.code: organisation for organisation in Organisation.objects.only("code")
    }
    mandate_types = {mandate_type.code: mandate_type for mandate_type in MandateType.objects.all()}
    departments = {department.code: department for department in Department.objects.all()}
    count = Count(_("mandats"))
    for line, values in records_with_unique_codes(table, errors):
        code = values["code"]
        row = RowValues(errors, line, values)
        attributes = {
            "code": code,
            "organisation": row.reference(
                "organisation_code", organisations, _("Organisation inconnue : « %(code)s ».")
            ),
            "title": row.text("title"),
            "mandate_type": row.reference(
                "mandate_type", mandate_types, _("Type de mandat inconnu : « %(code)s ».")
            ),
            "department": row.reference(
                "department", departments, _("Département inconnu : « %(code)s ».")
            ),
            "start": row.date("start"),
            "end": row.date("end", required=False),
            **_billing(row, organisations),
        }
        upsert_row(Mandate, mandate_upsert, attributes, row, FIELD_COLUMNS, DEFAULT_COLUMN, count)
    return ImportSummary(rows=len(table.rows), counts=[count])


def _billing(row: RowValues, organisations: dict[str, Organisation]) -> dict:
    """The optional columns the file has; a column left out keeps what the mandate holds."""
    values = {}
    if row.has("billed_organisation"):
        values["billed_organisation"] = row.optional_reference(
            "billed_organisation", organisations, _("Organisation inconnue : « %(code)s ».")
        )
    if row.has("billable"):
        billable = row.boolean("billable")
        if billable is not None:
            values["billable"] = billable
    for column in ("hourly_rate", "fixed_fee"):
        if row.has(column):
            values[column] = row.amount(column, required=False)
    return values
