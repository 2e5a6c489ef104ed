import pytest

from consortium.accounts.models import StaffRole
from consortium.core.tests.admin_pages import admin_url, changelist_rows, page_text
from consortium.testing.factories import DepartmentFactory, StaffRoleFactory, UserFactory

pytestmark = pytest.mark.django_db
ROLES = "accounts_staffrole_changelist"


def test_the_role_list_shows_the_departments_a_director_directs(admin_client):
    StaffRoleFactory(role="director", director_of=[DepartmentFactory(code="CPT")])
    assert "CPT" in page_text(admin_client, ROLES)
    assert "Filter" in page_text(admin_client, ROLES, language="en")


def test_the_role_search_finds_a_role_by_its_users_name(admin_client):
    role = StaffRoleFactory(user=UserFactory(username="gtremblay"), role="finance")
    StaffRoleFactory(role="finance")
    assert changelist_rows(admin_client, ROLES, "?q=gtremblay") == [role]


def test_the_role_form_refuses_a_director_without_a_department(admin_client):
    user = UserFactory()
    response = admin_client.post(
        admin_url("accounts_staffrole_add"), {"user": user.pk, "role": "director"}
    )
    assert response.status_code == 200
    assert "Une direction dirige au moins un département." in response.content.decode()
    assert not StaffRole.objects.exists()


def test_a_director_given_other_departments_in_the_admin_keeps_the_role(admin_client):
    first, second = DepartmentFactory(code="CPT"), DepartmentFactory(code="RH")
    role = StaffRoleFactory(role="director", director_of=[first])
    response = admin_client.post(
        admin_url("accounts_staffrole_change", role.pk),
        {"user": role.user.pk, "role": "director", "departments": [second.pk]},
    )
    assert response.status_code == 302
    stored = StaffRole.objects.get()
    assert stored.pk == role.pk
    assert list(stored.departments.all()) == [second]


def test_a_role_added_in_the_admin_is_saved_with_its_departments(admin_client):
    user, department = UserFactory(), DepartmentFactory()
    response = admin_client.post(
        admin_url("accounts_staffrole_add"),
        {"user": user.pk, "role": "director", "departments": [department.pk]},
    )
    assert response.status_code == 302
    assert list(StaffRole.objects.get(user=user).departments.all()) == [department]
