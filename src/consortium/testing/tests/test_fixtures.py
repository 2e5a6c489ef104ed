"""The shared people are who the fixtures' names say."""

import pytest

from consortium.staff.models import Expert

pytestmark = pytest.mark.django_db


def roles(user) -> set[str]:
    return set(user.staff_roles.values_list("role", flat=True))


def department_of(user):
    return Expert.objects.get(user=user).department


def test_each_person_holds_the_role_their_name_says(
    owner, colleague, outsider, director, finance, administrator
):
    assert [roles(user) for user in (owner, colleague, outsider)] == [{"expert"}] * 3
    assert roles(director) == {"director"}
    assert roles(finance) == {"finance"}
    assert roles(administrator) == {"administrator"}


def test_the_colleague_shares_the_owners_department_the_outsider_does_not(
    owner, colleague, outsider, director
):
    department = department_of(owner)
    assert department_of(colleague) == department
    assert department_of(outsider) != department
    directed = director.staff_roles.get().departments.all()
    assert list(directed) == [department]


def test_the_scene_and_the_ledger_share_the_same_people(scene, ledger, people):
    assert scene.people is people and ledger.people is people
    assert scene.outsider == people.outsider
    assert scene.mandate.department == people.department
