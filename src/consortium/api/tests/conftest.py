"""A token for any user, and a client that presents it."""

import json

import pytest
from django.test import Client

from consortium.api.models import Scope
from consortium.api.services import api_token_create


class ApiClient:
    """The Django test client with `Authorization: Bearer <token>` on every call."""

    def __init__(self, secret: str) -> None:
        self.client = Client()
        self.headers = {"Authorization": f"Bearer {secret}"}

    def get(self, path: str, **params):
        return self.client.get("/api/v1" + path, params, headers=self.headers)

    def _send(self, method: str, path: str, body):
        return getattr(self.client, method)(
            "/api/v1" + path,
            json.dumps(body),
            content_type="application/json",
            headers=self.headers,
        )

    def post(self, path: str, body=None):
        return self._send("post", path, body if body is not None else {})

    def patch(self, path: str, body):
        return self._send("patch", path, body)

    def delete(self, path: str):
        return self.client.delete("/api/v1" + path, headers=self.headers)


@pytest.fixture
def api_as():
    """`api_as(user, scopes=[...])`: a client with a new token of that user (every scope by
    default)."""

    def make(user, scopes=None) -> ApiClient:
        made = api_token_create(user=user, name="test", scopes=scopes or Scope.values)
        return ApiClient(made.secret)

    return make
