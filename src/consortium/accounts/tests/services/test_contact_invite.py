"""Inviting a member organisation's contact: the user reused or created, the refusals, the
e-mail in the organisation's language, and the link that lets them choose a password once."""

import re

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from consortium.accounts.models import MemberContact
from consortium.accounts.services import contact_invite, contact_remove
from consortium.testing.factories import (
    MemberContactFactory,
    OrganisationFactory,
    StaffRoleFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db(transaction=False)


def invite(organisation, email="alice@coop.example", **values):
    values = {"first_name": "Alice", "last_name": "Tremblay", "title": "Directrice", **values}
    return contact_invite(organisation=organisation, email=email, **values)


def test_it_creates_a_user_without_password_and_mails_the_link(
    django_capture_on_commit_callbacks,
):
    organisation = OrganisationFactory(name="Coop du Fjord")
    with django_capture_on_commit_callbacks(execute=True):
        contact = invite(organisation, email="Alice@Coop.example")
    user = contact.user
    assert user.username == "alice@coop.example"
    assert not user.has_usable_password()
    assert (contact.organisation, contact.title) == (organisation, "Directrice")
    assert contact.invited_at is not None
    [message] = mail.outbox
    assert message.to == ["Alice@coop.example"]  # the domain normalised
    assert "Coop du Fjord" in message.subject
    assert "/compte/bienvenue/" in message.body


def test_nothing_is_sent_before_the_transaction_commits(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        invite(OrganisationFactory())
    assert len(callbacks) == 1
    assert mail.outbox == []


def test_the_mail_speaks_the_organisation_language(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        invite(OrganisationFactory(name="Fjord Co-op", language="en"))
    [message] = mail.outbox
    assert "/en/compte/bienvenue/" in message.body
    assert "Hello" in message.body


def test_a_person_may_represent_several_organisations(django_capture_on_commit_callbacks):
    first = invite(OrganisationFactory())
    second = invite(OrganisationFactory(), email="ALICE@coop.example")
    assert first.user == second.user


def test_it_refuses_a_duplicate_with_a_french_message():
    organisation = OrganisationFactory(name="Coop du Fjord")
    invite(organisation)
    with pytest.raises(ValidationError) as refusal:
        invite(organisation)
    assert refusal.value.message_dict["email"] == [
        "alice@coop.example représente déjà Coop du Fjord."
    ]


def test_it_refuses_a_staff_member():
    StaffRoleFactory(role="finance", user__email="finance@centre.example")
    with pytest.raises(ValidationError) as refusal:
        invite(OrganisationFactory(), email="finance@centre.example")
    assert "membre du personnel" in refusal.value.message_dict["email"][0]
    assert not MemberContact.objects.exists()


def test_it_refuses_a_bad_address_naming_the_field():
    with pytest.raises(ValidationError) as refusal:
        invite(OrganisationFactory(), email="pas-une-adresse")
    assert "courriel" in refusal.value.message_dict["email"][0]


def test_removing_a_contact_keeps_the_user_and_their_other_organisations():
    user = UserFactory()
    kept = MemberContactFactory(user=user)
    removed = MemberContactFactory(user=user)
    contact_remove(contact=removed)
    assert list(MemberContact.objects.filter(user=user)) == [kept]


def _link(body: str) -> str:
    return re.search(r"https?://[^/\s]+(/\S+)", body).group(1)


def test_the_link_sets_a_password_once_and_lands_on_the_portal(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        contact = invite(OrganisationFactory(name="Coop du Fjord"))
    link = _link(mail.outbox[0].body)
    form_page = client.get(link, follow=True)
    assert form_page.status_code == 200
    assert "Choisissez votre mot de passe" in form_page.text
    password = "un-mot-de-passe-solide-2026"
    response = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": password, "new_password2": password},
        follow=True,
    )
    assert response.redirect_chain[-1][0].startswith("/portail/")
    assert "Coop du Fjord" in response.text
    contact.user.refresh_from_db()
    assert contact.user.check_password(password)
    client.logout()
    again = client.get(link, follow=True)
    assert "Ce lien n'est plus valide" in again.text


def test_the_link_expires(client, settings, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        invite(OrganisationFactory())
    settings.PASSWORD_RESET_TIMEOUT = -1  # every token is already too old
    page = client.get(_link(mail.outbox[0].body), follow=True)
    assert "Ce lien n'est plus valide" in page.text
