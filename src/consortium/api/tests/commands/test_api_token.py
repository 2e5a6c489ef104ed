"""`consortium api-token` makes a token that the API accepts, revokes it, and refuses bad input
in French."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from consortium.api.models import ApiToken
from consortium.api.tests.conftest import ApiClient

pytestmark = pytest.mark.django_db


def run(*arguments: str) -> str:
    out = io.StringIO()
    call_command("api_token", *arguments, stdout=out)
    return out.getvalue()


def test_create_prints_a_token_the_api_accepts_then_revoke_ends_it(owner):
    secret = run(
        "create", "owner", "--scopes", "weeks:read,mandates:read", "--name", "Paie"
    ).strip()
    body = ApiClient(secret).get("/token").json()
    assert body["scopes"] == ["mandates:read", "weeks:read"]
    assert body["name"] == "Paie"
    assert "Paie" in run("list", "owner")
    assert secret not in run("list")
    run("revoke", secret[:10])
    assert ApiClient(secret).get("/token").status_code == 401


def test_an_expiry_date_is_kept_to_the_end_of_that_day(owner):
    run("create", "owner", "--scopes", "weeks:read", "--expires", "2999-12-31")
    expires_at = timezone.localtime(ApiToken.objects.get().expires_at)
    assert expires_at.date().isoformat() == "2999-12-31"


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["create", "nobody", "--scopes", "weeks:read"], "Utilisateur inconnu"),
        (["create", "owner", "--scopes", "weeks:eat"], "weeks:eat"),
        (["create", "owner", "--scopes", "weeks:read", "--expires", "31/12/2999"], "AAAA-MM-JJ"),
        (["create", "owner", "--scopes", "weeks:read", "--expires", "2000-01-01"], "futur"),
        (["revoke", "cst_nothing"], "cst_nothing"),
    ],
)
def test_bad_input_is_refused_in_french_and_nothing_is_made(owner, arguments, message):
    with pytest.raises(CommandError, match=message):
        run(*arguments)
    assert not ApiToken.objects.exists()
