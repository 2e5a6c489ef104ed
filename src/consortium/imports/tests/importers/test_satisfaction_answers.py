"""Satisfaction answers: `fiscal_year,organisation_code,would_recommend`."""

import pytest

from consortium.surveys.models import Answer
from consortium.surveys.selectors import surveys_report
from consortium.testing.factories import OrganisationFactory, SurveyYearFactory

pytestmark = pytest.mark.django_db

HEADER = "fiscal_year,organisation_code,would_recommend"


def test_answers_in_french_or_english_or_digits_give_the_years_rate(csv_file, run_import):
    SurveyYearFactory(name="2020-2021")
    for code in ("A", "B", "C", "D"):
        OrganisationFactory(code=code)
    path = csv_file(
        "answers.csv",
        HEADER,
        "2020-2021,A,oui",
        "2020-2021,B,Yes",
        "2020-2021,C,1",
        "2020-2021,D,non",
    )
    outcome = run_import("satisfaction-answers", path)
    assert outcome.imported, outcome.stderr
    assert "réponses au sondage de satisfaction — créations : 4, mises à jour : 0." in (
        outcome.stdout
    )
    assert surveys_report("2020-2021")["would_recommend_pct"] == 75


def test_a_second_import_replaces_an_organisations_answer(csv_file, run_import):
    SurveyYearFactory(name="2020-2021")
    OrganisationFactory(code="A")
    run_import("satisfaction-answers", csv_file("a.csv", HEADER, "2020-2021,A,non"))
    outcome = run_import("satisfaction-answers", csv_file("b.csv", HEADER, "2020-2021,A,oui"))
    assert "créations : 0, mises à jour : 1." in outcome.stdout
    assert list(Answer.objects.values_list("bool_value", flat=True)) == [True]


def test_every_bad_value_is_reported_and_nothing_is_imported(csv_file, run_import):
    SurveyYearFactory(name="2020-2021")
    OrganisationFactory(code="A")
    path = csv_file(
        "answers.csv",
        HEADER,
        "2020-2021,A,oui",
        "2030-2031,XX,peut-être",
        "2020-2021,A,non",
        "2020-2021,A,",
    )
    outcome = run_import("satisfaction-answers", path)
    assert not outcome.imported
    line = f"{path}, ligne"
    assert outcome.error_lines == [
        f"{line} 3, colonne « fiscal_year » : Exercice inconnu : « 2030-2031 ».",
        f"{line} 3, colonne « organisation_code » : Organisation inconnue : « XX ».",
        f"{line} 3, colonne « would_recommend » : « peut-être » n'est pas une réponse. "
        "Réponses permises : oui, yes, 1, non, no, 0.",
        f"{line} 4, colonne « organisation_code » : "
        "Cette organisation a déjà une réponse pour cet exercice à la ligne 2.",
        f"{line} 5, colonne « organisation_code » : "
        "Cette organisation a déjà une réponse pour cet exercice à la ligne 2.",
    ]
    assert not Answer.objects.exists()


def test_the_errors_are_in_english_with_lang_en(csv_file, run_import):
    path = csv_file("answers.csv", HEADER, "2040-2041,NOWHERE,oui")
    outcome = run_import("satisfaction-answers", path, "--lang", "en")
    assert not outcome.imported
    assert len(outcome.error_lines) == 2
    assert outcome.error_lines[0].startswith(f"{path}, row 2, column “fiscal_year”")
