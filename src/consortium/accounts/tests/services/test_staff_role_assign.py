import pytest
from django.core.exceptions import ValidationError

from consortium.accounts.models import StaffRole
from consortium.accounts.services import staff_role_assign
from consortium.testing.factories import DepartmentFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_a_director_is_given_the_departments_they_direct():
    user, department = UserFactory(), DepartmentFactory()
    role = staff_role_assign(user=user, role="director", departments=[department])
    assert list(role.departments.all()) == [department]


def test_a_director_without_a_department_is_refused():
    with pytest.raises(ValidationError) as caught:
        staff_role_assign(user=UserFactory(), role="director")
    assert "au moins un département" in str(caught.value)
    assert not StaffRole.objects.exists()


def test_another_role_with_departments_is_refused():
    with pytest.raises(ValidationError) as caught:
        staff_role_assign(user=UserFactory(), role="finance", departments=[DepartmentFactory()])
    assert "Seule une direction" in str(caught.value)


def test_assigning_a_role_again_replaces_its_departments_instead_of_duplicating_it():
    user, first, second = UserFactory(), DepartmentFactory(), DepartmentFactory()
    staff_role_assign(user=user, role="director", departments=[first])
    staff_role_assign(user=user, role="director", departments=[second])
    assert StaffRole.objects.get(user=user).departments.get() == second


def test_an_unknown_role_is_refused():
    with pytest.raises(ValidationError):
        staff_role_assign(user=UserFactory(), role="janitor")
