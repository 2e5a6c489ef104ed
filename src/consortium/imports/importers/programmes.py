"""`consortium import programmes FILE`: subsidised hour programmes, known by their code.

Columns `code,name_fr,name_en,funder,hours_per_organisation,start,end,mandate_types,
rule_region,rule_legal_form,rule_member_category`: the funder is an organisation's code, the
covered mandate types are codes separated by `;` (quote the value when the file itself is
separated by semicolons), the rule fields may stay empty (then only the organisations listed by
`import programme-eligibility` are eligible). Importing again replaces what a row holds.
"""

from decimal import Decimal

from django.utils.translation import gettext as _

from consortium.billing.models import Programme, RateCategory
from consortium.billing.services.programmes import programme_upsert
from consortium.core.money import parse_amount
from consortium.imports.csv_reader import CsvTable
from consortium.imports.errors import ErrorList
from consortium.imports.importers.base import (
    Count,
    ImportSummary,
    RowValues,
    check_without_saving,
    records_with_unique_codes,
    required_message,
    upsert_row,
)
from consortium.mandates.models import MandateType
from consortium.members.models import LegalForm, Organisation, Region

COLUMNS = (
    "code",
    "name_fr",
    "name_en",
    "funder",
    "hours_per_organisation",
    "start",
    "end",
    "mandate_types",
    "rule_region",
    "rule_legal_form",
    "rule_member_category",
)
FIELD_COLUMNS = {column: column for column in COLUMNS}
# Errors across fields are the one constraint between the programme's dates.
DEFAULT_COLUMN = "end"


def _mandate_types(row: RowValues, known: dict[str, MandateType]) -> list[MandateType]:
    codes = [code.strip() for code in row.text("mandate_types").split(";") if code.strip()]
    unknown = [code for code in codes if code not in known]
    if unknown:
        row.fail(
            "mandate_types",
            _("Type de mandat inconnu : « %(code)s ».") % {"code": ", ".join(unknown)},
        )
        return []
    return [known[code] for code in dict.fromkeys(codes)]


def _hours(row: RowValues, column: str) -> Decimal | None:
    """Hours with a decimal comma or point, to the hundredth (12,5)."""
    text = row.text(column)
    if not text:
        row.fail(column, required_message())
        return None
    try:
        return parse_amount(text)
    except ValueError:
        row.fail(column, _("« %(value)s » n'est pas un nombre d'heures.") % {"value": text})
        return None


def run(table: CsvTable, errors: ErrorList) -> ImportSummary:
    organisations = {
        organisation.code: organisation for organisation in Organisation.objects.only("code")
    }
    mandate_types = {mandate_type.code: mandate_type for mandate_type in MandateType.objects.all()}
    count = Count(_("programmes"))
    for line, values in records_with_unique_codes(table, errors):
        row = RowValues(errors, line, values)
        attributes = {
            "code": values["code"],
            "name_fr": row.text("name_fr"),
            "name_en": row.text("name_en"),
            "funder": row.reference(
                "funder", organisations, _("Organisation inconnue : « %(code)s ».")
            ),
            "hours_per_organisation": _hours(row, "hours_per_organisation"),
            "start": row.date("start"),
            "end": row.date("end"),
            "mandate_types": _mandate_types(row, mandate_types),
            "rule_region": row.choice("rule_region", Region, required=False),
            "rule_legal_form": row.choice("rule_legal_form", LegalForm, required=False),
            "rule_member_category": row.choice(
                "rule_member_category", RateCategory, required=False
            ),
        }
        if row.failed:
            # A many-to-many value cannot be set on a row that is not saved: checked without it.
            row.failed.add("mandate_types")
            unsaved = {name: value for name, value in attributes.items() if name != "mandate_types"}
            check_without_saving(Programme, unsaved, row, FIELD_COLUMNS, DEFAULT_COLUMN)
            continue
        upsert_row(
            Programme, programme_upsert, attributes, row, FIELD_COLUMNS, DEFAULT_COLUMN, count
        )
    return ImportSummary(rows=len(table.rows), counts=[count])
