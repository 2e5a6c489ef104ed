"""Django's 500 handler: a busy database met outside a view still says "try again" (503)."""

import pytest
from django.db import OperationalError
from django.utils import translation

from consortium.core.errors import server_error

pytestmark = pytest.mark.django_db


def _answer_while_raising(request, error: Exception):
    """The handler as Django calls it: while the error is being handled."""
    try:
        raise error
    except type(error):
        return server_error(request)


def test_a_busy_database_met_outside_a_view_is_a_503_saying_to_try_again(rf):
    response = _answer_while_raising(rf.get("/"), OperationalError("database is locked"))
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert "Des données sont en cours d" in response.content.decode()


def test_the_notice_reads_in_english_for_an_english_reader(rf):
    with translation.override("en"):
        response = _answer_while_raising(rf.get("/en/"), OperationalError("database is locked"))
    assert response.status_code == 503
    assert "being imported" in response.content.decode()


def test_an_htmx_request_gets_the_notice_at_the_top_of_the_page(rf):
    request = rf.get("/", headers={"HX-Request": "true"})
    response = _answer_while_raising(request, OperationalError("database is locked"))
    assert response.status_code == 503
    assert response["HX-Retarget"] == "#main"


def test_any_other_error_is_still_a_500(rf):
    response = _answer_while_raising(rf.get("/"), OperationalError("no such table: x"))
    assert response.status_code == 500
    response = _answer_while_raising(rf.get("/"), ValueError("boom"))
    assert response.status_code == 500
