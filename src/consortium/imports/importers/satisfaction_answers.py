"""`consortium import satisfaction-answers FILE`: member organisations' answers to the year's
satisfaction survey (would they recommend the centre?).

The survey of each fiscal year is created if missing; re-importing an organisation's answer for a
year replaces it.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from consortium.core.models import FiscalYear
from consortium.imports.csv_reader import CsvTable
from consortium.imports.errors import ErrorList
from consortium.imports.importers.base import (
    Count,
    ImportSummary,
    RowValues,
    report_validation_error,
    required_message,
)
from consortium.members.models import Organisation
from consortium.surveys.services import satisfaction_answer_record, satisfaction_survey_ensure

COLUMNS = ("fiscal_year", "organisation_code", "would_recommend")
FIELD_COLUMNS = {"organisation": "organisation_code", "would_recommend": "would_recommend"}
DEFAULT_COLUMN = "organisation_code"
ANSWERS = {"oui": True, "yes": True, "1": True, "non": False, "no": False, "0": False}


def _answer(row: RowValues) -> bool | None:
    text = row.text("would_recommend")
    if not text:
        row.fail("would_recommend", required_message())
        return None
    answer = ANSWERS.get(text.lower())
    if answer is None:
        row.fail(
            "would_recommend",
            _("« %(value)s » n'est pas une réponse. Réponses permises : %(allowed)s.")
            % {"value": text, "allowed": ", ".join(ANSWERS)},
        )
    return answer


def run(table: CsvTable, errors: ErrorList) -> ImportSummary:
    years = {year.name: year for year in FiscalYear.objects.all()}
    organisations = {o.code: o for o in Organisation.objects.only("pk", "code", "name")}
    surveys = {}
    first_lines: dict[tuple[str, str], int] = {}
    count = Count(_("réponses au sondage de satisfaction"))
    for line, values in table.records():
        row = RowValues(errors, line, values)
        key = (values["fiscal_year"], values["organisation_code"])
        if key in first_lines:
            errors.add(
                line,
                "organisation_code",
                _("Cette organisation a déjà une réponse pour cet exercice à la ligne %(line)s.")
                % {"line": first_lines[key]},
            )
            continue
        first_lines[key] = line
        year = row.reference("fiscal_year", years, _("Exercice inconnu : « %(code)s »."))
        organisation = row.reference(
            "organisation_code", organisations, _("Organisation inconnue : « %(code)s ».")
        )
        would_recommend = _answer(row)
        if row.failed:
            continue
        if year.name not in surveys:
            surveys[year.name], _created = satisfaction_survey_ensure(fiscal_year=year)
        try:
            _answer_row, created = satisfaction_answer_record(
                survey=surveys[year.name],
                organisation=organisation,
                would_recommend=would_recommend,
            )
        except ValidationError as error:
            report_validation_error(errors, line, error, FIELD_COLUMNS, DEFAULT_COLUMN)
            continue
        count.add(created)
    return ImportSummary(rows=len(table.rows), counts=[count])
