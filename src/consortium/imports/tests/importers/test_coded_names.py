"""Departments and mandate types: `code,name_fr,name_en`."""

import pytest

from consortium.mandates.models import MandateType
from consortium.staff.models import Department
from consortium.testing.factories import DepartmentFactory

pytestmark = pytest.mark.django_db


def test_departments_are_created_then_renamed_by_a_second_import(csv_file, run_import):
    first = csv_file("d.csv", "code,name_fr,name_en", "RH,Personnel,Staff", "TI,Informatique,IT")
    outcome = run_import("departments", first)
    assert outcome.imported
    assert "départements — créations : 2, mises à jour : 0." in outcome.stdout

    second = csv_file("d2.csv", "code,name_fr,name_en", "RH,Ressources humaines,Human resources")
    outcome = run_import("departments", second)
    assert "départements — créations : 0, mises à jour : 1." in outcome.stdout
    assert list(Department.objects.values_list("code", "name_fr", "name_en")) == [
        ("RH", "Ressources humaines", "Human resources"),
        ("TI", "Informatique", "IT"),
    ]


def test_mandate_types_read_a_semicolon_file_saved_by_a_spreadsheet(csv_file, run_import):
    path = csv_file(
        "types.csv",
        "code;name_fr;name_en",
        "GEST;Gestion déléguée;Delegated management",
        "FORM;Formation;Training",
        bom=True,
    )
    outcome = run_import("mandate-types", path)
    assert outcome.imported
    assert "types de mandat — créations : 2, mises à jour : 0." in outcome.stdout
    assert sorted(MandateType.objects.values_list("code", flat=True)) == ["FORM", "GEST"]


def test_a_code_twice_in_one_file_and_a_missing_name_are_refused(csv_file, run_import):
    DepartmentFactory(code="RH", name_fr="Personnel")
    path = csv_file("d.csv", "code,name_fr,name_en", "RH,Ressources humaines,", "RH,RH,", "TI,,IT")
    outcome = run_import("departments", path)
    assert not outcome.imported
    assert outcome.error_lines == [
        f"{path}, ligne 3, colonne « code » : Le code RH figure déjà à la ligne 2.",
        f"{path}, ligne 4, colonne « name_fr » : Ce champ ne peut pas être vide.",
    ]
    assert list(Department.objects.values_list("code", "name_fr")) == [("RH", "Personnel")]


def test_a_department_coded_with_a_space_is_refused_on_its_line(csv_file, run_import):
    path = csv_file("d.csv", "code,name_fr,name_en", "RH,Personnel,Staff", "T I,Informatique,IT")

    outcome = run_import("departments", path)

    assert not outcome.imported
    assert outcome.error_lines[0].startswith(f"{path}, ligne 3, colonne « code » : Un code ne")
    assert not Department.objects.exists()
