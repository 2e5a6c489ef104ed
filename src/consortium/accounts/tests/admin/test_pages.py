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


CONTACTS = "accounts_membercontact_changelist"


def test_a_contact_added_in_the_admin_is_invited(admin_client, django_capture_on_commit_callbacks):
    from django.core import mail

    from consortium.accounts.models import MemberContact
    from consortium.testing.factories import OrganisationFactory

    organisation = OrganisationFactory(code="FJORD")
    assert admin_client.get(admin_url("accounts_membercontact_add")).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            admin_url("accounts_membercontact_add"),
            {
                "organisation": organisation.pk,
                "email": "rose@fjord.example",
                "first_name": "Rose",
                "last_name": "Gagnon",
                "title": "Trésorière",
            },
        )
    assert response.status_code == 302
    contact = MemberContact.objects.get()
    assert (contact.user.email, contact.title) == ("rose@fjord.example", "Trésorière")
    assert mail.outbox[0].to == ["rose@fjord.example"]
    assert "rose@fjord.example" in page_text(admin_client, CONTACTS)


def test_the_admin_refuses_a_staff_member_as_a_contact_under_the_email(admin_client):
    from consortium.testing.factories import OrganisationFactory

    StaffRoleFactory(role="finance", user=UserFactory(email="finance@centre.example"))
    response = admin_client.post(
        admin_url("accounts_membercontact_add"),
        {
            "organisation": OrganisationFactory().pk,
            "email": "finance@centre.example",
            "first_name": "F",
            "last_name": "G",
        },
    )
    assert response.status_code == 200
    assert "membre du personnel" in response.content.decode()


def test_the_admin_changes_a_contacts_fonction(admin_client):
    from consortium.testing.factories import MemberContactFactory

    contact = MemberContactFactory(title="Trésorière")
    response = admin_client.post(
        admin_url("accounts_membercontact_change", contact.pk), {"title": "Présidente"}
    )
    assert response.status_code == 302
    contact.refresh_from_db()
    assert contact.title == "Présidente"
