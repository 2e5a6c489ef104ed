"""Signing in and out, changing and resetting a password, and the lockout after repeated failures.

Every sign-in here goes through the form (`client.post`), never `client.login()`: django-axes
counts failures from the request, which `client.login()` does not pass on.
"""

import re

import pytest
from axes.models import AccessAttempt
from django.urls import reverse
from django.utils import timezone

from consortium.testing.factories import StaffRoleFactory, UserFactory

PASSWORD = "Érable-sous-la-neige-42"
NEW_PASSWORD = "Castor-en-aval-de-la-digue-7"

pytestmark = pytest.mark.django_db

LOGIN_URL = "/compte/connexion/"
# A page for any signed-in person, whatever their roles.
SIGNED_IN_ONLY = "/compte/mot-de-passe/"


@pytest.fixture
def member():
    user = UserFactory(username="camille", email="camille@example.coop")
    user.set_password(PASSWORD)
    user.save()
    StaffRoleFactory(user=user, role="finance")
    return user


def sign_in(client, username: str, password: str, **extra):
    return client.post(LOGIN_URL, {"username": username, "password": password}, **extra)


def test_the_sign_in_page_is_in_french_by_default(client):
    response = client.get(reverse("accounts:login"))

    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="fr">' in html
    assert "<h1>Connexion</h1>" in html
    assert "Se connecter" in html
    assert "Mot de passe oublié ?" in html


def test_the_sign_in_page_is_in_english_under_en(client):
    response = client.get("/en/compte/connexion/")

    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en">' in html
    # Django's own catalog labels the form; ours is filled by the lead.
    assert "Username" in html
    assert "Nom d’utilisateur" not in html


def test_a_member_signs_in_and_lands_on_the_home_page(client, member):
    response = sign_in(client, "camille", PASSWORD)

    assert response.status_code == 302
    assert response.url == reverse("home")
    assert client.get(reverse("dashboards:dashboard")).status_code == 200


def test_signing_in_follows_the_next_page(client, member):
    dashboard = reverse("dashboards:dashboard")

    response = client.post(
        LOGIN_URL, {"username": "camille", "password": PASSWORD, "next": dashboard}
    )

    assert response.status_code == 302
    assert response.url == dashboard


def test_an_anonymous_visitor_is_sent_to_sign_in(client):
    dashboard = reverse("dashboards:dashboard")

    response = client.get(dashboard)

    assert response.status_code == 302
    assert response.url == f"{LOGIN_URL}?next={dashboard}"


def test_a_wrong_password_is_refused_with_a_french_message(client, member):
    response = sign_in(client, "camille", "pas-le-bon")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Saisissez un nom d’utilisateur et un mot de passe valides" in html
    assert "_auth_user_id" not in client.session


def test_a_signed_in_member_signs_out_with_a_post(client, member):
    sign_in(client, "camille", PASSWORD)

    response = client.post(reverse("accounts:logout"))

    assert response.status_code == 302
    assert response.url == LOGIN_URL
    assert client.get(SIGNED_IN_ONLY).status_code == 302


def test_signing_out_is_not_possible_with_a_plain_link(client, member):
    sign_in(client, "camille", PASSWORD)

    response = client.get(reverse("accounts:logout"))

    assert response.status_code == 405
    assert client.get(SIGNED_IN_ONLY).status_code == 200


def test_the_sign_out_button_is_on_the_pages_of_a_signed_in_member(client, member):
    sign_in(client, "camille", PASSWORD)

    html = client.get(SIGNED_IN_ONLY).content.decode()

    assert f'action="{reverse("accounts:logout")}"' in html
    assert "Se déconnecter" in html


def test_a_member_changes_their_password(client, member):
    sign_in(client, "camille", PASSWORD)

    response = client.post(
        reverse("accounts:password_change"),
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
        follow=True,
    )

    assert response.redirect_chain[-1][0] == reverse("accounts:password_change_done")
    assert "Votre mot de passe a été modifié." in response.content.decode()
    client.post(reverse("accounts:logout"))
    assert sign_in(client, "camille", PASSWORD).status_code == 200
    assert sign_in(client, "camille", NEW_PASSWORD).status_code == 302


def test_changing_a_password_needs_the_current_one(client, member):
    sign_in(client, "camille", PASSWORD)

    response = client.post(
        reverse("accounts:password_change"),
        {"old_password": "oublié", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )

    assert response.status_code == 200
    assert "Votre ancien mot de passe est incorrect" in response.content.decode()
    member.refresh_from_db()
    assert member.check_password(PASSWORD)


def test_the_password_change_page_needs_a_signed_in_member(client):
    response = client.get(reverse("accounts:password_change"))

    assert response.status_code == 302
    assert response.url.startswith(LOGIN_URL)


def test_a_forgotten_password_is_reset_from_the_link_in_the_mail(client, member, mailoutbox):
    response = client.post(reverse("accounts:password_reset"), {"email": "camille@example.coop"})

    assert response.status_code == 302
    assert response.url == reverse("accounts:password_reset_done")
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == ["camille@example.coop"]
    assert mail.subject == "Consortium : nouveau mot de passe"
    assert "Pour choisir un nouveau mot de passe, ouvrez ce lien" in mail.body
    link = re.search(r"http://testserver(/compte/mot-de-passe/nouveau/\S+/)", mail.body)
    assert link, mail.body

    form_page = client.get(link.group(1), follow=True)
    assert "Nouveau mot de passe" in form_page.content.decode()
    set_password_url = form_page.redirect_chain[-1][0]
    done = client.post(
        set_password_url,
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
        follow=True,
    )

    assert "Votre nouveau mot de passe est enregistré." in done.content.decode()
    assert sign_in(client, "camille", NEW_PASSWORD).status_code == 302


def test_a_reset_link_serves_only_once(client, member, mailoutbox):
    client.post(reverse("accounts:password_reset"), {"email": "camille@example.coop"})
    link = re.search(r"http://testserver(/compte/mot-de-passe/nouveau/\S+/)", mailoutbox[0].body)
    set_password_url = client.get(link.group(1), follow=True).redirect_chain[-1][0]
    client.post(set_password_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})

    again = client.get(link.group(1), follow=True)

    assert "Ce lien n'est plus valide" in again.content.decode().replace("&#x27;", "'")


def test_an_unknown_address_gets_the_same_answer_and_no_mail(client, member, mailoutbox):
    response = client.post(reverse("accounts:password_reset"), {"email": "personne@example.coop"})

    assert response.status_code == 302
    assert response.url == reverse("accounts:password_reset_done")
    assert mailoutbox == []


def test_five_failures_lock_the_username_out_even_with_the_right_password(client, member):
    for _attempt in range(5):
        sign_in(client, "camille", "pas-le-bon")

    response = sign_in(client, "camille", PASSWORD)

    assert response.status_code == 429
    html = response.content.decode()
    assert "<h1>Connexion bloquée</h1>" in html
    assert "Trop de tentatives de connexion ont échoué. Réessayez dans 15 minutes." in html
    assert "_auth_user_id" not in client.session


def test_four_failures_do_not_lock_the_username_out(client, member):
    for _attempt in range(4):
        sign_in(client, "camille", "pas-le-bon")

    assert sign_in(client, "camille", PASSWORD).status_code == 302


def test_a_lockout_does_not_block_another_username_from_the_same_address(client, member):
    other = UserFactory(username="dominique")
    other.set_password(PASSWORD)
    other.save()
    for _attempt in range(5):
        sign_in(client, "camille", "pas-le-bon")

    response = sign_in(client, "dominique", PASSWORD)

    assert response.status_code == 302
    assert response.url == reverse("home")


def test_a_lockout_does_not_block_the_same_username_from_another_address(client, member):
    for _attempt in range(5):
        sign_in(client, "camille", "pas-le-bon", REMOTE_ADDR="203.0.113.9")

    assert sign_in(client, "camille", PASSWORD, REMOTE_ADDR="198.51.100.4").status_code == 302


def test_the_lockout_ends_after_fifteen_minutes(client, member, settings):
    for _attempt in range(5):
        sign_in(client, "camille", "pas-le-bon")
    # Older attempts than the cool-off are forgotten: age them instead of waiting.
    AccessAttempt.objects.update(attempt_time=timezone.now() - settings.AXES_COOLOFF_TIME)

    assert sign_in(client, "camille", PASSWORD).status_code == 302
