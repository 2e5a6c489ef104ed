import datetime as dt

import pytest
from django.utils import timezone

from consortium.api.models import ApiToken, Scope
from consortium.api.services import api_token_create, api_token_revoke
from consortium.api.tests.conftest import ApiClient

pytestmark = pytest.mark.django_db


def test_a_call_without_a_token_is_401_problem_json(client):
    response = client.get("/api/v1/token")
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"
    assert response["WWW-Authenticate"].startswith("Bearer")
    assert response.json()["status"] == 401


def test_an_unknown_token_is_401():
    assert ApiClient("cst_nope").get("/token").status_code == 401


def test_an_expired_token_is_401(owner):
    made = api_token_create(
        user=owner,
        name="x",
        scopes=["mandates:read"],
        expires_at=timezone.now() + dt.timedelta(seconds=1),
    )
    ApiToken.objects.filter(pk=made.token.pk).update(
        expires_at=timezone.now() - dt.timedelta(seconds=1)
    )
    assert ApiClient(made.secret).get("/token").status_code == 401


def test_a_revoked_token_is_401(owner):
    made = api_token_create(user=owner, name="x", scopes=["mandates:read"])
    assert ApiClient(made.secret).get("/token").status_code == 200
    api_token_revoke(token=made.token, by=owner)
    assert ApiClient(made.secret).get("/token").status_code == 401


def test_the_token_of_an_inactive_user_is_401(owner):
    made = api_token_create(user=owner, name="x", scopes=["mandates:read"])
    owner.is_active = False
    owner.save()
    assert ApiClient(made.secret).get("/token").status_code == 401


def test_the_token_endpoint_says_the_user_scopes_and_expiry(owner):
    expires = timezone.now() + dt.timedelta(days=30)
    made = api_token_create(
        user=owner, name="Paie", scopes=["weeks:read", "mandates:read"], expires_at=expires
    )
    body = ApiClient(made.secret).get("/token").json()
    assert body["user"] == "owner"
    assert body["name"] == "Paie"
    assert body["scopes"] == ["mandates:read", "weeks:read"]
    assert dt.datetime.fromisoformat(body["expires_at"]) == expires.replace(microsecond=0)
    # In the centre's time zone, with its offset.
    assert body["expires_at"][-6:] in ("-05:00", "-04:00")


def test_a_call_outside_the_tokens_scopes_is_403_naming_the_scope(owner):
    made = api_token_create(user=owner, name="x", scopes=["weeks:read"])
    response = ApiClient(made.secret).get("/mandates")
    assert response.status_code == 403
    assert response["Content-Type"] == "application/problem+json"
    assert "mandates:read" in response.json()["detail"]


def test_a_token_over_its_rate_is_429_with_retry_after(owner, settings):
    settings.API_RATE_PER_MINUTE = 3
    client = ApiClient(api_token_create(user=owner, name="x", scopes=["weeks:read"]).secret)
    statuses = [client.get("/token").status_code for _ in range(4)]
    assert statuses[:3] == [200, 200, 200]
    response = client.get("/token")
    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= 60
    other = ApiClient(api_token_create(user=owner, name="y", scopes=["weeks:read"]).secret)
    assert other.get("/token").status_code == 200


def test_only_the_hash_and_a_prefix_of_the_token_are_kept(owner):
    made = api_token_create(user=owner, name="x", scopes=Scope.values)
    row = ApiToken.objects.get()
    assert made.secret not in (row.token_hash, row.prefix)
    assert made.secret.startswith(row.prefix)


def test_an_unknown_scope_is_refused_naming_it(owner):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="bogus:read"):
        api_token_create(user=owner, name="x", scopes=["bogus:read"])


def test_nobody_revokes_another_users_token(owner, colleague):
    from django.core.exceptions import PermissionDenied

    made = api_token_create(user=owner, name="x", scopes=["weeks:read"])
    with pytest.raises(PermissionDenied):
        api_token_revoke(token=made.token, by=colleague)


def test_the_last_use_is_kept(owner):
    made = api_token_create(user=owner, name="x", scopes=["weeks:read"])
    ApiClient(made.secret).get("/token")
    assert ApiToken.objects.get().last_used_at is not None


def test_problems_are_in_english_for_a_client_that_asks_for_it(client):
    response = client.get("/api/v1/token", headers={"Accept-Language": "en"})
    assert response.json()["detail"].startswith("Token missing, unknown, expired or revoked")


def test_a_method_an_operation_does_not_take_is_a_405_problem(owner):
    client = ApiClient(api_token_create(user=owner, name="x", scopes=["weeks:read"]).secret)
    response = client.delete("/weeks")
    assert response.status_code == 405
    assert response["Content-Type"] == "application/problem+json"
    assert "GET" in response["Allow"]
    assert "DELETE" in response.json()["detail"]
