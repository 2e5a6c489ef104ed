"""`consortium import rates FILE`: the hourly rates by member category.

Columns `member_category,mandate_type,expert_role,hourly_rate,valid_from,valid_until`; an empty
type or role means any, an empty `valid_until` a rate still in force. A rate is known by its
category, type, role and first day: importing the file again changes the amounts and last days
of the rates it names, and adds the others.

Rows that change a stored rate are written before the new ones, so that one file can close a
rate (its `valid_until`) and add the one that follows it, whatever the order of its rows.
"""

from django.utils.translation import gettext as _

from consortium.billing.models import Rate, RateCategory
from consortium.billing.services.rates import rate_upsert
from consortium.imports.csv_reader import CsvTable
from consortium.imports.errors import ErrorList
from consortium.imports.importers.base import Count, ImportSummary, RowValues, upsert_row
from consortium.mandates.models import MandateType
from consortium.staff.models import Role

COLUMNS = (
    "member_category",
    "mandate_type",
    "expert_role",
    "hourly_rate",
    "valid_from",
    "valid_until",
)
FIELD_COLUMNS = {column: column for column in COLUMNS}
# Errors across fields: the dates (a rate ending before it starts, or overlapping another).
DEFAULT_COLUMN = "valid_from"


def run(table: CsvTable, errors: ErrorList) -> ImportSummary:
    mandate_types = {mandate_type.code: mandate_type for mandate_type in MandateType.objects.all()}
    first_lines: dict[tuple, int] = {}
    parsed: list[tuple[RowValues, dict]] = []
    for line, values in table.records():
        row = RowValues(errors, line, values)
        attributes = {
            "member_category": row.choice("member_category", RateCategory),
            "mandate_type": row.optional_reference(
                "mandate_type", mandate_types, _("Type de mandat inconnu : « %(code)s ».")
            ),
            "expert_role": row.choice("expert_role", Role, required=False),
            "hourly_rate": row.amount("hourly_rate"),
            "valid_from": row.date("valid_from"),
            "valid_until": row.date("valid_until", required=False),
        }
        key = tuple(
            attributes[name]
            for name in ("member_category", "mandate_type", "expert_role", "valid_from")
        )
        if not row.failed:
            first = first_lines.setdefault(key, line)
            if first != line:
                errors.add(
                    line,
                    "valid_from",
                    _(
                        "La ligne %(line)s porte déjà sur le tarif de cette catégorie, de ce "
                        "type, de ce rôle et de ce premier jour."
                    )
                    % {"line": first},
                )
                continue
        parsed.append((row, attributes))

    stored_keys = set(
        Rate.objects.values_list("member_category", "mandate_type_id", "expert_role", "valid_from")
    )

    def stored_first(item: tuple[RowValues, dict]) -> tuple[bool, int]:
        row, attributes = item
        mandate_type = attributes["mandate_type"]
        key = (
            attributes["member_category"],
            mandate_type.pk if mandate_type else None,
            attributes["expert_role"],
            attributes["valid_from"],
        )
        return (key not in stored_keys, row.line)

    count = Count(_("tarifs"))
    for row, attributes in sorted(parsed, key=stored_first):
        upsert_row(Rate, rate_upsert, attributes, row, FIELD_COLUMNS, DEFAULT_COLUMN, count)
    return ImportSummary(rows=len(table.rows), counts=[count])
