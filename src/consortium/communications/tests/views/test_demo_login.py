"""The demo's communications login reaches its pages, and the demo's webinar of November 2020
counts its fourteen sign-ups."""

import pytest
from django.contrib.auth import get_user_model

from consortium.testing.web import signed_in, url

pytestmark = pytest.mark.django_db


def test_the_demos_communications_login_reaches_its_pages(client, demo):
    signed_in(client, get_user_model().objects.get(username="communications"))
    table = client.get(url("communications:follower_table") + "?exercice=2020-2021")
    assert table.status_code == 200
    assert 'data-year-gain="linkedin">+226' in table.text
    events = client.get(url("communications:event_list"))
    assert events.status_code == 200
    assert "Service à la clientèle et grands changements" in events.text
    assert client.get(url("training:course_list")).status_code == 403
