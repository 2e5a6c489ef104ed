"""`consortium import programme-eligibility FILE`: the organisations a programme lists as
eligible, columns `programme,organisation` (their codes).

An organisation already listed stays as it is (importing the file again adds nothing); taking
one off a list is done in the administration.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from consortium.billing.models import Programme
from consortium.billing.services.programmes import programme_eligibility_upsert
from consortium.imports.csv_reader import CsvTable
from consortium.imports.errors import ErrorList
from consortium.imports.importers.base import (
    Count,
    ImportSummary,
    RowValues,
    report_validation_error,
)
from consortium.members.models import Organisation

COLUMNS = ("programme", "organisation")
FIELD_COLUMNS = {"programme": "programme", "organisation": "organisation"}


def run(table: CsvTable, errors: ErrorList) -> ImportSummary:
    programmes = {programme.code: programme for programme in Programme.objects.all()}
    organisations = {
        organisation.code: organisation for organisation in Organisation.objects.only("code")
    }
    count = Count(_("admissibilités"))
    first_lines: dict[tuple[str, str], int] = {}
    for line, values in table.records():
        row = RowValues(errors, line, values)
        programme = row.reference("programme", programmes, _("Programme inconnu : « %(code)s »."))
        organisation = row.reference(
            "organisation", organisations, _("Organisation inconnue : « %(code)s ».")
        )
        if row.failed:
            continue
        first = first_lines.setdefault((programme.code, organisation.code), line)
        if first != line:
            errors.add(
                line,
                "organisation",
                _("La ligne %(line)s porte déjà sur cette organisation et ce programme.")
                % {"line": first},
            )
            continue
        try:
            _eligibility, created = programme_eligibility_upsert(
                programme=programme, organisation=organisation
            )
        except ValidationError as error:
            report_validation_error(errors, line, error, FIELD_COLUMNS, "organisation")
            continue
        count.add(created)
    return ImportSummary(rows=len(table.rows), counts=[count])
