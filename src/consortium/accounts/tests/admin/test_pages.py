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
