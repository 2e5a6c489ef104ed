"""Schemathesis against the live OpenAPI document, through our WSGI application: a few examples
of every operation, as an administrator (who reaches every endpoint) with every scope. No answer
may be a 5xx, and every answer must conform to the document (status, media type, body)."""

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from consortium.api.models import Scope
from consortium.api.services import api_token_create

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


# Read at collection, from the application itself (the document needs no database). The
# lazy `schemathesis.pytest.from_fixture` does not run under pytest 9 (schemathesis 4.32).
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())


@pytest.fixture(autouse=True)
def _keep_the_tests_connection():
    """The WSGI handler closes the database connection after each request, as a server must;
    in a test that connection holds the test's transaction (Django's test client disconnects
    the same signal)."""
    from django.core import signals
    from django.db import close_old_connections

    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def bearer(scene, settings) -> dict[str, str]:
    settings.API_RATE_PER_MINUTE = 100_000
    made = api_token_create(user=scene.people.administrator, name="contract", scopes=Scope.values)
    return {"Authorization": f"Bearer {made.secret}"}


@schema.parametrize()
@hypothesis_settings(
    max_examples=4,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)
def test_every_operation_answers_as_its_openapi_document_says(case, bearer):
    case.call_and_validate(headers=bearer, checks=CHECKS)
