"""Mandates: `code,organisation_code,title,mandate_type,department,start,end`."""

import datetime as dt

import pytest

from consortium.mandates.models import Mandate
from consortium.testing.factories import (
    DepartmentFactory,
    FiscalYearLockFactory,
    MandateFactory,
    MandateTypeFactory,
    OrganisationFactory,
    TimeEntryFactory,
)

pytestmark = pytest.mark.django_db

HEADER = "code,organisation_code,title,mandate_type,department,start,end"


@pytest.fixture
def references():
    OrganisationFactory(code="COOP1")
    MandateTypeFactory(code="GEST")
    DepartmentFactory(code="COMPTA")


def test_mandates_are_created_for_their_organisation(csv_file, run_import, references):
    path = csv_file(
        "mandates.csv",
        HEADER,
        "M01,COOP1,Tenue de livres,GEST,COMPTA,2020-04-01,",
        "M02,COOP1,Paie,GEST,COMPTA,2020-04-01,2021-03-31",
    )
    outcome = run_import("mandates", path)
    assert outcome.imported, outcome.stderr
    assert "mandats — créations : 2, mises à jour : 0." in outcome.stdout
    assert list(
        Mandate.objects.values_list("code", "organisation__code", "mandate_type__code", "end")
    ) == [("M01", "COOP1", "GEST", None), ("M02", "COOP1", "GEST", dt.date(2021, 3, 31))]


def test_a_second_import_updates_the_mandate_with_that_code(csv_file, run_import, references):
    MandateFactory(code="M01", title="Ancien titre")
    path = csv_file("mandates.csv", HEADER, "M01,COOP1,Nouveau titre,GEST,COMPTA,2020-04-01,")
    outcome = run_import("mandates", path)
    assert "mandats — créations : 0, mises à jour : 1." in outcome.stdout
    assert list(Mandate.objects.values_list("title", "organisation__code")) == [
        ("Nouveau titre", "COOP1")
    ]


def test_unknown_codes_and_bad_dates_are_each_reported(csv_file, run_import, references):
    path = csv_file(
        "mandates.csv",
        HEADER,
        "M01,NOPE,Tenue de livres,TYPEX,DEPX,01/04/2020,",
        "M02,COOP1,Paie,GEST,COMPTA,2020-04-01,2020-03-31",
    )
    outcome = run_import("mandates", path)
    assert not outcome.imported
    line = f"{path}, ligne"
    assert outcome.error_lines == [
        f"{line} 2, colonne « organisation_code » : Organisation inconnue : « NOPE ».",
        f"{line} 2, colonne « mandate_type » : Type de mandat inconnu : « TYPEX ».",
        f"{line} 2, colonne « department » : Département inconnu : « DEPX ».",
        f"{line} 2, colonne « start » : « 01/04/2020 » n'est pas une date AAAA-MM-JJ valide.",
        f"{line} 3, colonne « end » : Un mandat ne peut finir avant de commencer.",
    ]
    assert not Mandate.objects.exists()


def test_a_code_with_a_slash_is_refused_naming_file_line_and_column(
    csv_file, run_import, references
):
    path = csv_file(
        "mandates.csv",
        HEADER,
        "M01,COOP1,Tenue de livres,GEST,COMPTA,2020-04-01,",
        "AUD/SLASH,COOP1,Paie,GEST,COMPTA,2020-04-01,",
    )

    outcome = run_import("mandates", path)

    assert not outcome.imported
    assert outcome.error_lines == [
        f"{path}, ligne 3, colonne « code » : Un code ne contient que des lettres sans accents, "
        "des chiffres, « . », « _ » et « - » (ni espace ni « / »)."
    ]
    assert not Mandate.objects.exists()


def test_a_reimport_may_not_move_the_hours_of_a_locked_year(csv_file, run_import, references):
    mandate = MandateFactory(code="M1", organisation__code="COOP2", start=dt.date(2020, 1, 1))
    TimeEntryFactory(mandate=mandate, date=dt.date(2020, 9, 1))
    FiscalYearLockFactory(fiscal_year__name="2020-2021")
    path = csv_file("mandates.csv", HEADER, "M1,COOP1,Audit,GEST,COMPTA,2020-01-01,")
    outcome = run_import("mandates", path)
    assert not outcome.imported
    assert "2020-2021 est verrouillé et le mandat M1 y a des heures" in outcome.stderr
    assert Mandate.objects.get(code="M1").organisation.code == "COOP2"
