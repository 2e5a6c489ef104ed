"""Departments and fields of expertise written by hand: a new code renames the row."""

import pytest
from django.core.exceptions import ValidationError

from consortium.staff.models import Department, FieldOfExpertise
from consortium.staff.services import (
    department_create,
    department_update,
    field_of_expertise_create,
    field_of_expertise_update,
)
from consortium.testing.factories import DepartmentFactory, ExpertFactory

pytestmark = pytest.mark.django_db


def test_a_department_is_created_named_in_both_languages():
    department = department_create(code="RH", name_fr="Ressources humaines", name_en="HR")
    assert list(Department.objects.values_list("pk", "code", "name_fr", "name_en")) == [
        (department.pk, "RH", "Ressources humaines", "HR")
    ]


def test_a_department_code_already_taken_is_refused():
    DepartmentFactory(code="RH")
    with pytest.raises(ValidationError) as caught:
        department_create(code="RH", name_fr="Ressources humaines")
    assert "existe déjà" in caught.value.message_dict["code"][0]
    assert Department.objects.count() == 1


def test_a_new_code_renames_the_department_and_its_experts_stay_in_it():
    expert = ExpertFactory(department=DepartmentFactory(code="RH", name_fr="Personnel"))
    department = department_update(
        department=expert.department, code="RHU", name_fr="Ressources humaines"
    )
    assert list(Department.objects.values_list("pk", "code", "name_fr")) == [
        (department.pk, "RHU", "Ressources humaines")
    ]
    expert.refresh_from_db()
    assert expert.department_id == department.pk


def test_a_department_without_a_french_name_is_refused():
    department = DepartmentFactory(code="RH", name_fr="Personnel")
    with pytest.raises(ValidationError) as caught:
        department_update(department=department, code="RH", name_fr="")
    assert list(caught.value.message_dict) == ["name_fr"]
    department.refresh_from_db()
    assert department.name_fr == "Personnel"


def test_a_field_of_expertise_is_added_to_its_department_then_renamed_and_moved():
    payroll, accounting = DepartmentFactory(code="RH"), DepartmentFactory(code="CPT")
    field = field_of_expertise_create(code="PAIE", name_fr="Paie", department=payroll)
    moved = field_of_expertise_update(
        field=field, code="PAIE2", name_fr="Paie et avantages", department=accounting
    )
    assert list(FieldOfExpertise.objects.values_list("pk", "code", "name_fr", "department")) == [
        (moved.pk, "PAIE2", "Paie et avantages", accounting.pk)
    ]


def test_a_field_of_expertise_code_already_taken_is_refused():
    department = DepartmentFactory()
    field_of_expertise_create(code="PAIE", name_fr="Paie", department=department)
    with pytest.raises(ValidationError) as caught:
        field_of_expertise_create(code="PAIE", name_fr="Paie bis", department=department)
    assert "existe déjà" in caught.value.message_dict["code"][0]
    assert FieldOfExpertise.objects.count() == 1
