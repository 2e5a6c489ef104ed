"""The organisation page's "Personnes-ressources": listed to staff, invited and removed by
directors and administrators only."""

import pytest
from django.core import mail

from consortium.accounts.models import MemberContact
from consortium.testing.factories import MemberContactFactory, UserFactory
from consortium.testing.web import signed_in, url

pytestmark = pytest.mark.django_db


@pytest.fixture
def contact(scene):
    return MemberContactFactory(
        organisation=scene.organisation,
        title="Trésorière",
        user=UserFactory(first_name="Rose", last_name="Gagnon", email="rose@fjord.example"),
    )


def test_the_page_lists_the_contacts_with_their_fonction(client, scene, contact):
    response = signed_in(client, scene.people.director).get(
        url("members:organisation_detail", "FJORD")
    )
    assert "Personnes-ressources" in response.text
    assert "Rose Gagnon" in response.text and "Trésorière" in response.text
    assert "Inviter une personne-ressource" in response.text


def test_an_expert_reads_the_contacts_but_invites_nobody(client, scene, contact):
    signed_in(client, scene.people.owner)
    response = client.get(url("members:organisation_detail", "FJORD"))
    assert "Rose Gagnon" in response.text
    assert "Inviter une personne-ressource" not in response.text
    assert client.get(url("members:organisation_contact_invite", "FJORD")).status_code == 403
    assert (
        client.post(url("members:organisation_contact_remove", "FJORD", contact.pk)).status_code
        == 403
    )


def test_finance_may_not_invite(client, scene):
    signed_in(client, scene.people.finance)
    assert client.get(url("members:organisation_contact_invite", "FJORD")).status_code == 403


def test_a_director_invites_a_person(client, scene, django_capture_on_commit_callbacks):
    signed_in(client, scene.people.director)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url("members:organisation_contact_invite", "FJORD"),
            {
                "email": "paul@fjord.example",
                "first_name": "Paul",
                "last_name": "Roy",
                "title": "Directeur",
            },
            follow=True,
        )
    assert response.redirect_chain[-1][0] == url("members:organisation_detail", "FJORD")
    assert "Paul Roy" in response.text
    assert MemberContact.objects.get(user__email="paul@fjord.example").invited_by == (
        scene.people.director
    )
    assert mail.outbox[0].to == ["paul@fjord.example"]


def test_bad_input_names_the_field_in_french(client, scene, contact):
    signed_in(client, scene.people.administrator)
    response = client.post(
        url("members:organisation_contact_invite", "FJORD"),
        {"email": "rose@fjord.example", "first_name": "Rose", "last_name": ""},
    )
    assert response.status_code == 400
    assert "Indiquez le nom de la personne." in response.text
    response = client.post(
        url("members:organisation_contact_invite", "FJORD"),
        {"email": "rose@fjord.example", "first_name": "Rose", "last_name": "Gagnon"},
    )
    assert response.status_code == 400
    assert "représente déjà" in response.text


def test_removing_asks_for_confirmation_first(client, scene, contact):
    signed_in(client, scene.people.administrator)
    address = url("members:organisation_contact_remove", "FJORD", contact.pk)
    page = client.get(address)
    assert page.status_code == 200 and "ne représentera plus" in page.text
    assert MemberContact.objects.filter(pk=contact.pk).exists()
    client.post(address)
    assert not MemberContact.objects.filter(pk=contact.pk).exists()


def test_a_contact_of_another_organisation_is_not_found(client, scene):
    other = MemberContactFactory()
    signed_in(client, scene.people.administrator)
    address = url("members:organisation_contact_remove", "FJORD", other.pk)
    assert client.get(address).status_code == 404
