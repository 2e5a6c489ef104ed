"""The tokens page: each user makes and revokes their own tokens; another's are out of reach."""

import pytest

from consortium.api.models import ApiToken
from consortium.api.services import api_token_create

pytestmark = pytest.mark.django_db
PAGE = "/compte/jetons/"


def test_an_anonymous_visitor_is_sent_to_sign_in(client):
    response = client.get(PAGE)
    assert response.status_code == 302
    assert "/compte/connexion/" in response["Location"]


def test_the_owner_makes_a_token_whose_secret_is_shown_once(client, owner):
    client.force_login(owner)
    response = client.post(
        PAGE, {"name": "Paie", "scopes": ["weeks:read", "time_entries:read"]}, follow=True
    )
    token = ApiToken.objects.get()
    secret = response.context["secret"]
    assert secret.startswith(token.prefix)
    assert secret in response.content.decode()
    assert response["Cache-Control"] == "no-store"
    assert token.scopes == ["time_entries:read", "weeks:read"]
    again = client.get(PAGE)
    assert secret not in again.content.decode()
    assert token.prefix in again.content.decode()


def test_a_token_without_scope_or_with_a_past_expiry_is_refused(client, owner):
    client.force_login(owner)
    assert client.post(PAGE, {"name": "x"}).status_code == 200
    response = client.post(
        PAGE, {"name": "x", "scopes": ["weeks:read"], "expires_on": "2000-01-01"}
    )
    assert "futur" in response.content.decode()
    assert not ApiToken.objects.exists()


def test_the_owner_revokes_their_token(client, owner):
    made = api_token_create(user=owner, name="x", scopes=["weeks:read"])
    client.force_login(owner)
    response = client.post(f"{PAGE}{made.token.pk}/revoquer/")
    assert response.status_code == 302
    made.token.refresh_from_db()
    assert made.token.revoked_at is not None


@pytest.mark.parametrize("who", ["colleague", "outsider"])
def test_nobody_else_sees_or_revokes_the_owners_token(client, people, owner, who):
    from consortium.testing.people import add_outsider

    add_outsider(people)
    made = api_token_create(user=owner, name="Secret de paie", scopes=["weeks:read"])
    client.force_login(getattr(people, who))
    assert "Secret de paie" not in client.get(PAGE).content.decode()
    assert client.post(f"{PAGE}{made.token.pk}/revoquer/").status_code == 404
    made.token.refresh_from_db()
    assert made.token.revoked_at is None


def test_the_page_shows_no_template_comment(client, owner):
    # base.html once held a {# … #} over two lines, which Django prints as text.
    client.force_login(owner)
    assert "{#" not in client.get(PAGE).content.decode()
