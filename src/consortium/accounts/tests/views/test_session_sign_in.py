"""A page left open past its session: its background (HTMX) requests answer 401 or 403 with the
header X-Sign-In-Required instead of the sign-in page, and its dialog signs in through JSON."""

import pytest
from django.test import Client
from django.urls import reverse

from consortium.testing.factories import StaffRoleFactory, UserFactory

PASSWORD = "Érable-sous-la-neige-42"
HTMX = {"HTTP_HX_REQUEST": "true"}
SESSION_URL = "/compte/connexion/session/"
# A page for any signed-in person, whatever their roles.
SIGNED_IN_ONLY = "/compte/mot-de-passe/"

pytestmark = pytest.mark.django_db


@pytest.fixture
def member():
    user = UserFactory(username="camille")
    user.set_password(PASSWORD)
    user.save()
    StaffRoleFactory(user=user, role="finance")
    return user


def test_an_htmx_request_of_an_expired_session_answers_401_not_the_sign_in_page(client):
    response = client.get(SIGNED_IN_ONLY, **HTMX)

    assert response.status_code == 401
    assert response["X-Sign-In-Required"] == "session"
    assert "<form" not in response.content.decode()


def test_a_page_of_an_expired_session_still_goes_to_the_sign_in_page(client):
    response = client.get(SIGNED_IN_ONLY)

    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_an_htmx_request_refused_for_its_security_token_answers_403_with_the_header():
    client = Client(enforce_csrf_checks=True)

    response = client.post(SESSION_URL, {"username": "x", "password": "y"}, **HTMX)

    assert response.status_code == 403
    assert response["X-Sign-In-Required"] == "csrf"


def test_a_form_refused_for_its_security_token_still_shows_the_error_page():
    client = Client(enforce_csrf_checks=True)

    response = client.post(SESSION_URL, {"username": "x", "password": "y"})

    assert response.status_code == 403
    assert "Formulaire expiré" in response.content.decode()


def test_the_dialog_learns_it_is_signed_out_and_gets_a_token(client):
    response = client.get(SESSION_URL)

    assert response.status_code == 200
    state = response.json()
    assert state["authenticated"] is False
    assert state["csrfToken"]
    assert "csrftoken" in response.cookies
    assert "no-cache" in response["Cache-Control"]


def test_the_dialog_signs_in_and_answers_the_new_token(member):
    client = Client(enforce_csrf_checks=True)
    token = client.get(SESSION_URL).json()["csrfToken"]

    response = client.post(
        SESSION_URL, {"username": "camille", "password": PASSWORD}, HTTP_X_CSRFTOKEN=token
    )

    assert response.status_code == 200
    state = response.json()
    assert state["authenticated"] is True
    assert state["username"] == "camille"
    assert state["csrfToken"]
    assert client.get(SIGNED_IN_ONLY).status_code == 200


def test_a_wrong_password_in_the_dialog_says_why_in_french(client, member):
    response = client.post(SESSION_URL, {"username": "camille", "password": "faux"})

    assert response.status_code == 400
    state = response.json()
    assert state["authenticated"] is False
    assert "nom d’utilisateur" in state["error"].lower() or "mot de passe" in state["error"]


@pytest.mark.parametrize("page", ["mandates:mandate_list", "timesheets:period_lock_list", "home"])
def test_every_signed_in_page_can_sign_in_again_without_leaving_it(client, member, page):
    """The dialog and its script are on every signed-in page, not only the week's: any page's
    background request that meets an expired session signs in there."""
    client.force_login(member)
    body = client.get(reverse(page), follow=True).content.decode()
    assert 'id="sign-in-dialog"' in body
    assert "accounts/sign_in_dialog" in body


def test_the_sign_in_page_itself_has_no_dialog(client):
    body = client.get(reverse("accounts:login")).content.decode()
    assert 'id="sign-in-dialog"' not in body
