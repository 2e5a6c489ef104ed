import pytest
from django.core.exceptions import ValidationError

from consortium.staff.models import Department
from consortium.staff.services import department_upsert
from consortium.testing.factories import DepartmentFactory

pytestmark = pytest.mark.django_db


def test_it_creates_a_department_named_in_both_languages():
    department, created = department_upsert(
        code="RH", name_fr="Ressources humaines", name_en="Human resources"
    )
    assert created
    assert str(department) == "RH – Ressources humaines"


def test_the_same_code_again_renames_the_department():
    DepartmentFactory(code="RH", name_fr="Personnel")
    _department, created = department_upsert(code="RH", name_fr="Ressources humaines")
    assert not created
    assert list(Department.objects.values_list("code", "name_fr", "name_en")) == [
        ("RH", "Ressources humaines", "")
    ]


def test_it_refuses_a_department_without_a_french_name():
    with pytest.raises(ValidationError) as caught:
        department_upsert(code="RH", name_fr="")
    assert list(caught.value.message_dict) == ["name_fr"]
    assert not Department.objects.exists()
