"""Programmes and the organisations they list as eligible."""

import datetime as dt
from decimal import Decimal

import pytest

from consortium.billing.models import Programme, ProgrammeEligibility
from consortium.testing.factories import MandateTypeFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def _located(lines: list[str], name: str) -> list[str]:
    """The errors from the file's name on: the folder of a test's files changes each run."""
    return [line[line.index(name) :] for line in lines]


HEADER = (
    "code,name_fr,name_en,funder,hours_per_organisation,start,end,mandate_types,"
    "rule_region,rule_legal_form,rule_member_category"
)


@pytest.fixture
def references():
    OrganisationFactory(code="VILLE")
    OrganisationFactory(code="COOP1")
    MandateTypeFactory(code="SOUT")
    MandateTypeFactory(code="FORM")


def test_programmes_are_imported_with_their_covered_types_and_rule(
    csv_file, run_import, references
):
    path = csv_file(
        "programmes.csv",
        HEADER,
        "25H,Obtenez 25 h de soutien gratuit,Get 25 free hours,VILLE,25,2020-04-01,2021-03-31,"
        "SOUT;FORM,06,cooperative,",
    )
    outcome = run_import("programmes", path)
    assert outcome.imported, outcome.stderr
    programme = Programme.objects.get()
    assert (programme.funder.code, programme.hours_per_organisation, programme.end) == (
        "VILLE",
        Decimal("25"),
        dt.date(2021, 3, 31),
    )
    assert sorted(programme.mandate_types.values_list("code", flat=True)) == ["FORM", "SOUT"]
    assert (programme.rule_region, programme.rule_legal_form) == ("06", "cooperative")
    outcome = run_import("programmes", path)
    assert "programmes — créations : 0, mises à jour : 1." in outcome.stdout


def test_a_semicolon_file_quotes_its_list_of_types(csv_file, run_import, references):
    path = csv_file(
        "programmes.csv",
        HEADER.replace(",", ";"),
        'AR360;Accélération-Relance 360°;;VILLE;12,5;2020-04-01;2021-03-31;"SOUT;FORM";;;',
    )
    outcome = run_import("programmes", path)
    assert outcome.imported, outcome.stderr
    assert Programme.objects.get().hours_per_organisation == Decimal("12.5")


def test_bad_programme_rows_are_reported_by_row_and_column(csv_file, run_import, references):
    path = csv_file(
        "programmes.csv",
        HEADER,
        "25H,Vingt-cinq heures,,NOPE,beaucoup,2020-04-01,2021-03-31,SOUT;XX,99,,friend",
        "AR,Relance,,VILLE,10,2021-04-01,2021-03-31,,,,",
    )
    outcome = run_import("programmes", path)
    assert not outcome.imported
    text = outcome.stderr
    assert "ligne 2, colonne « funder » : Organisation inconnue : « NOPE »." in text
    assert (
        "ligne 2, colonne « hours_per_organisation » : « beaucoup » n'est pas un nombre d'heures."
        in text
    )
    assert "ligne 2, colonne « mandate_types » : Type de mandat inconnu : « XX »." in text
    assert "ligne 2, colonne « rule_region » : « 99 » n'est pas permis." in text
    assert "ligne 2, colonne « rule_member_category » : « friend » n'est pas permis." in text
    assert "ligne 3, colonne « mandate_types » : Un programme couvre au moins un type" in text
    assert not Programme.objects.exists()


def test_eligible_organisations_are_listed_once_even_when_imported_again(
    csv_file, run_import, references
):
    path = csv_file(
        "programmes.csv",
        HEADER,
        "25H,Vingt-cinq heures,,VILLE,25,2020-04-01,2021-03-31,SOUT,,,",
    )
    run_import("programmes", path)
    path = csv_file("eligibility.csv", "programme,organisation", "25H,COOP1", "25H,VILLE")
    outcome = run_import("programme-eligibility", path)
    assert "admissibilités — créations : 2, mises à jour : 0." in outcome.stdout
    outcome = run_import("programme-eligibility", path)
    assert "admissibilités — créations : 0, mises à jour : 2." in outcome.stdout
    assert ProgrammeEligibility.objects.count() == 2


def test_bad_eligibility_rows_are_reported_and_nothing_is_listed(csv_file, run_import, references):
    path = csv_file(
        "programmes.csv",
        HEADER,
        "25H,Vingt-cinq heures,,VILLE,25,2020-04-01,2021-03-31,SOUT,,,",
    )
    run_import("programmes", path)
    path = csv_file(
        "eligibility.csv",
        "programme,organisation",
        "25H,COOP1",
        "NOPE,COOP1",
        "25H,ZZZ",
        "25H,COOP1",
    )
    outcome = run_import("programme-eligibility", path)
    assert _located(outcome.error_lines, "eligibility.csv") == [
        "eligibility.csv, ligne 3, colonne « programme » : Programme inconnu : « NOPE ».",
        "eligibility.csv, ligne 4, colonne « organisation » : Organisation inconnue : « ZZZ ».",
        "eligibility.csv, ligne 5, colonne « organisation » : La ligne 2 porte déjà sur cette "
        "organisation et ce programme.",
    ]
    assert not ProgrammeEligibility.objects.exists()
