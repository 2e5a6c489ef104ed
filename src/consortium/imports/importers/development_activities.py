"""`consortium import development-activities FILE`: business-development activities, each known
by its kind, date and title, with the organisations met (codes separated by `|`)."""

from django.utils.translation import gettext as _

from consortium.development.models import ActivityKind, DevelopmentActivity
from consortium.development.services import development_activity_upsert
from consortium.imports.csv_reader import CsvTable
from consortium.imports.errors import ErrorList
from consortium.imports.importers.base import (
    Count,
    ImportSummary,
    RowValues,
    upsert_row,
)
from consortium.members.models import Organisation

COLUMNS = ("kind", "date", "title", "organisation_codes")
FIELD_COLUMNS = {
    "kind": "kind",
    "date": "date",
    "title": "title",
    "organisations_met": "organisation_codes",
}
# Errors across fields are the one constraint on kind, date and title together.
DEFAULT_COLUMN = "title"
CODE_SEPARATOR = "|"


def _organisations(row: RowValues, known: dict[str, Organisation]) -> list[Organisation]:
    codes = [code.strip() for code in row.text("organisation_codes").split(CODE_SEPARATOR)]
    unknown = [code for code in codes if code and code not in known]
    if unknown:
        row.fail(
            "organisation_codes",
            _("Organisation inconnue : %(codes)s.")
            % {"codes": ", ".join(f"« {code} »" for code in unknown)},
        )
        return []
    return [known[code] for code in dict.fromkeys(code for code in codes if code)]


def run(table: CsvTable, errors: ErrorList) -> ImportSummary:
    known = {organisation.code: organisation for organisation in Organisation.objects.all()}
    count = Count(_("activités de développement"))
    first_lines: dict[tuple[str, str, str], int] = {}
    for line, values in table.records():
        row = RowValues(errors, line, values)
        attributes = {
            "kind": row.choice("kind", ActivityKind),
            "date": row.date("date"),
            "title": row.text("title"),
        }
        organisations = _organisations(row, known)
        key = (values["kind"], values["date"], values["title"])
        if key in first_lines:
            row.fail(
                "title",
                _("Cette activité figure déjà à la ligne %(line)s.") % {"line": first_lines[key]},
            )
            continue
        first_lines[key] = line
        upsert_row(
            DevelopmentActivity,
            development_activity_upsert,
            attributes,
            row,
            FIELD_COLUMNS,
            DEFAULT_COLUMN,
            count,
            organisations=organisations,
        )
    return ImportSummary(rows=len(table.rows), counts=[count])
