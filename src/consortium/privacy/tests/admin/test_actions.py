import json

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission

from consortium.core.tests.admin_pages import admin_url
from consortium.privacy.models import Anonymisation
from consortium.privacy.tests.person import FIRST_NAME, USERNAME, make_departed_expert
from consortium.staff.models import Expert

pytestmark = pytest.mark.django_db

EXPERTS = "staff_expert_changelist"
USERS = "auth_user_changelist"


def _action(client, changelist: str, action: str, pk: int):
    return client.post(
        admin_url(changelist), {"action": action, "_selected_action": [pk], "index": 0}
    )


def _in_the_admin(client, user):
    """`user` may enter the admin and read and change experts and users, nothing more."""
    user.is_staff = True
    user.save()
    user.user_permissions.add(
        *Permission.objects.filter(
            codename__in=["view_expert", "change_expert", "view_user", "change_user"]
        )
    )
    client.force_login(user)
    return client


@pytest.fixture
def admin_of_the_centre(client, administrator):
    return _in_the_admin(client, administrator)


@pytest.fixture
def staff_director(client, director):
    """A director with the same admin permissions, who handles no personal information."""
    return _in_the_admin(client, director)


def test_an_administrator_downloads_an_expert_as_json(admin_of_the_centre):
    expert = make_departed_expert()
    response = _action(admin_of_the_centre, EXPERTS, "export_json", expert.pk)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="renseignements-')
    export = json.loads(b"".join(response.streaming_content))
    assert export["sections"]["expert"]["rows"][0]["first_name"] == FIRST_NAME


def test_an_administrator_downloads_a_user_as_csv(admin_of_the_centre):
    user = make_departed_expert().user
    response = _action(admin_of_the_centre, USERS, "export_csv", user.pk)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert f"account,1,username,{USERNAME}" in b"".join(response.streaming_content).decode()


def test_an_administrator_anonymises_an_expert(admin_of_the_centre, administrator):
    expert = make_departed_expert()
    response = _action(admin_of_the_centre, EXPERTS, "anonymise", expert.pk)
    assert response.status_code == 302
    assert Expert.objects.get(pk=expert.pk).first_name == "Anonyme"
    assert Anonymisation.objects.get(subject_id=expert.pk).performed_by == administrator


def test_an_expert_still_employed_is_refused_with_a_message(admin_of_the_centre, people):
    response = _action(admin_of_the_centre, EXPERTS, "anonymise", people.expert.pk)
    assert response.status_code == 302
    assert Expert.objects.get(pk=people.expert.pk).first_name != "Anonyme"
    assert not Anonymisation.objects.exists()


@pytest.mark.parametrize(
    ("changelist", "action"),
    [(EXPERTS, "export_json"), (EXPERTS, "anonymise"), (USERS, "export_csv"), (USERS, "anonymise")],
)
def test_the_actions_are_refused_to_anyone_else(staff_director, changelist, action):
    expert = make_departed_expert()
    pk = expert.pk if changelist == EXPERTS else expert.user_id
    page = staff_director.get(admin_url(changelist)).content.decode()
    assert f'value="{action}"' not in page
    response = _action(staff_director, changelist, action, pk)
    assert "Content-Disposition" not in response
    assert not Anonymisation.objects.exists()
    assert get_user_model().objects.get(pk=expert.user_id).username == USERNAME


CONTACTS = "accounts_membercontact_changelist"


def test_an_administrator_exports_and_anonymises_a_member_contact(
    admin_of_the_centre, administrator
):
    from consortium.accounts.models import MemberContact
    from consortium.privacy.tests.registrant import CONTACT_USERNAME, make_contact

    user = make_contact()
    administrator.user_permissions.add(
        *Permission.objects.filter(codename__in=["view_membercontact", "change_membercontact"])
    )
    contact = MemberContact.objects.filter(user=user).first()
    page = admin_of_the_centre.get(admin_url(CONTACTS)).content.decode()
    assert 'value="export_json"' in page
    response = _action(admin_of_the_centre, CONTACTS, "export_json", contact.pk)
    export = json.loads(b"".join(response.streaming_content))
    assert export["subject"] | {"exported_at": None} == {
        "kind": "contact",
        "id": user.pk,
        "exported_at": None,
    }
    assert export["sections"]["account"]["rows"][0]["username"] == CONTACT_USERNAME
    _action(admin_of_the_centre, CONTACTS, "anonymise", contact.pk)
    assert not get_user_model().objects.get(pk=user.pk).is_active
    assert Anonymisation.objects.get(subject_kind="contact").performed_by == administrator


def test_the_contact_actions_are_refused_to_a_director(staff_director, director):
    from consortium.accounts.models import MemberContact
    from consortium.privacy.tests.registrant import CONTACT_USERNAME, make_contact

    user = make_contact()
    director.user_permissions.add(
        *Permission.objects.filter(codename__in=["view_membercontact", "change_membercontact"])
    )
    contact = MemberContact.objects.filter(user=user).first()
    page = staff_director.get(admin_url(CONTACTS)).content.decode()
    assert 'value="anonymise"' not in page
    for action in ("export_csv", "anonymise"):
        response = _action(staff_director, CONTACTS, action, contact.pk)
        assert "Content-Disposition" not in response
    assert get_user_model().objects.get(pk=user.pk).username == CONTACT_USERNAME
    assert not Anonymisation.objects.exists()
