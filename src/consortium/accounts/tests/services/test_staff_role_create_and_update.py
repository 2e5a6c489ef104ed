"""Roles written by hand: a director directs departments, no other role names any."""

import pytest
from django.core.exceptions import ValidationError

from consortium.accounts.models import StaffRole
from consortium.accounts.services import staff_role_create, staff_role_update
from consortium.testing.factories import DepartmentFactory, StaffRoleFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_a_director_is_created_with_the_departments_they_direct():
    user, department = UserFactory(), DepartmentFactory()
    role = staff_role_create(user=user, role="director", departments=[department])
    stored = StaffRole.objects.get()
    assert (stored.pk, stored.user, stored.role) == (role.pk, user, "director")
    assert list(stored.departments.all()) == [department]


def test_a_director_without_a_department_is_refused():
    with pytest.raises(ValidationError) as caught:
        staff_role_create(user=UserFactory(), role="director")
    assert caught.value.message_dict == {
        "departments": ["Une direction dirige au moins un département."]
    }
    assert not StaffRole.objects.exists()


def test_a_role_the_user_already_holds_is_refused():
    role = StaffRoleFactory(role="finance")
    with pytest.raises(ValidationError) as caught:
        staff_role_create(user=role.user, role="finance")
    assert "Cet utilisateur a déjà ce rôle." in caught.value.messages
    assert StaffRole.objects.count() == 1


def test_a_director_is_given_other_departments_and_keeps_the_role():
    first, second = DepartmentFactory(), DepartmentFactory()
    role = StaffRoleFactory(role="director", director_of=[first])
    updated = staff_role_update(
        staff_role=role, user=role.user, role="director", departments=[second]
    )
    assert (updated.pk, StaffRole.objects.count()) == (role.pk, 1)
    assert list(StaffRole.objects.get().departments.all()) == [second]


def test_a_director_who_becomes_finance_leaves_their_departments():
    role = StaffRoleFactory(role="director", director_of=[DepartmentFactory()])
    staff_role_update(staff_role=role, user=role.user, role="finance", departments=[])
    stored = StaffRole.objects.get()
    assert (stored.role, stored.departments.count()) == ("finance", 0)


def test_finance_given_a_department_is_refused_and_stays_as_it_was():
    role = StaffRoleFactory(role="finance")
    with pytest.raises(ValidationError) as caught:
        staff_role_update(
            staff_role=role, user=role.user, role="finance", departments=[DepartmentFactory()]
        )
    assert caught.value.message_dict == {"departments": ["Seule une direction a des départements."]}
    assert StaffRole.objects.get().departments.count() == 0
