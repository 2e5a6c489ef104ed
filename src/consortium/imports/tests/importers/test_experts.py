"""Experts: `code,first_name,last_name,email,role,department,hired_on,left_on,gender,birth_year`."""

import datetime as dt

import pytest

from consortium.staff.models import Expert
from consortium.testing.factories import DepartmentFactory, ExpertFactory

pytestmark = pytest.mark.django_db

HEADER = "code,first_name,last_name,email,role,department,hired_on,left_on,gender,birth_year"


def test_experts_are_created_with_their_department_and_dates(csv_file, run_import):
    DepartmentFactory(code="RH")
    DepartmentFactory(code="TI")
    path = csv_file(
        "experts.csv",
        HEADER,
        "E01,Anne,Roy,anne@example.coop,professional,RH,2018-01-08,,woman,1980",
        "E02,Luc,Côté,,trainer,TI,2019-03-04,2021-06-30,,",
    )
    outcome = run_import("experts", path)
    assert outcome.imported, outcome.stderr
    assert "experts — créations : 2, mises à jour : 0." in outcome.stdout
    assert list(
        Expert.objects.order_by("code").values_list(
            "code", "department__code", "role", "hired_on", "left_on", "gender", "birth_year"
        )
    ) == [
        ("E01", "RH", "professional", dt.date(2018, 1, 8), None, "woman", 1980),
        ("E02", "TI", "trainer", dt.date(2019, 3, 4), dt.date(2021, 6, 30), "", None),
    ]


def test_a_second_import_updates_the_expert_with_that_code(csv_file, run_import):
    ExpertFactory(code="E01", department=DepartmentFactory(code="RH"), last_name="Roy")
    path = csv_file("experts.csv", HEADER, "E01,Anne,Tremblay,,director,RH,2015-01-01,,,")
    outcome = run_import("experts", path)
    assert "experts — créations : 0, mises à jour : 1." in outcome.stdout
    assert list(Expert.objects.values_list("last_name", "role")) == [("Tremblay", "director")]


def test_every_bad_value_of_a_row_is_reported_with_its_column(csv_file, run_import):
    DepartmentFactory(code="RH")
    path = csv_file(
        "experts.csv",
        HEADER,
        "E01,,Roy,pas-un-courriel,chef,XX,2018-01-08,2017-01-01,f,19x0",
        "E02,Luc,Côté,,trainer,RH,2018-01-08,2017-01-01,,2010",
    )
    outcome = run_import("experts", path)
    assert not outcome.imported
    line = f"{path}, ligne"
    assert outcome.error_lines == [
        f"{line} 2, colonne « role » : « chef » n'est pas permis. "
        "Valeurs permises : professional, trainer, director.",
        f"{line} 2, colonne « department » : Département inconnu : « XX ».",
        f"{line} 2, colonne « gender » : « f » n'est pas permis. "
        "Valeurs permises : woman, man, other, undisclosed.",
        f"{line} 2, colonne « birth_year » : « 19x0 » n'est pas un nombre entier.",
        f"{line} 2, colonne « first_name » : Ce champ ne peut pas être vide.",
        f"{line} 2, colonne « email » : Saisissez une adresse de courriel valide.",
        f"{line} 2, colonne « left_on » : La date de départ précède la date d'embauche.",
        f"{line} 3, colonne « birth_year » : Un expert a au moins 14 ans à son embauche.",
        f"{line} 3, colonne « left_on » : La date de départ précède la date d'embauche.",
    ]
    assert not Expert.objects.exists()
