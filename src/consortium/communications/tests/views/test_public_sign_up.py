"""An event's public page: anyone signs up, in French or English, while registration is open
and seats remain, once per e-mail; the form is protected against cross-site requests."""

import pytest
from django.test import Client

from consortium.communications.models import Registration
from consortium.communications.selectors import communications_report
from consortium.core.fiscal_years import fiscal_year_period
from consortium.testing.factories import EventFactory, RegistrationFactory
from consortium.testing.web import url

pytestmark = pytest.mark.django_db

SIGN_UP = {"name": "Léa Roy", "email": "Lea@Exemple.org", "organisation": "Coop du Plateau"}


@pytest.fixture
def event():
    return EventFactory(title="Webinaire paie", slug="paie", registration_open=True, capacity=2)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_anyone_reads_the_page_without_signing_in(client, event, language):
    response = client.get(url("events:event_sign_up", "paie", language=language))
    assert response.status_code == 200
    assert "Webinaire paie" in response.text
    assert ("Sign up" if language == "en" else "M'inscrire") in response.text


def test_a_visitor_signs_up_and_is_thanked(client, event):
    response = client.post(url("events:event_sign_up", "paie"), SIGN_UP)
    assert response.status_code == 302
    assert client.get(response["Location"]).status_code == 200
    registration = Registration.objects.get()
    assert (registration.name, registration.email) == ("Léa Roy", "lea@exemple.org")


def test_the_report_counts_the_sign_ups(client, event):
    client.post(url("events:event_sign_up", "paie"), SIGN_UP)
    report = communications_report(fiscal_year_period("2020-2021"))
    assert [e["registrations"] for e in report["events"]] == [1]


def test_the_same_email_twice_is_refused(client, event):
    client.post(url("events:event_sign_up", "paie"), SIGN_UP)
    response = client.post(
        url("events:event_sign_up", "paie"), {**SIGN_UP, "email": "lea@exemple.org"}
    )
    assert response.status_code == 400
    assert "déjà inscrite" in response.text
    assert Registration.objects.count() == 1


def test_a_full_event_takes_no_more_sign_ups(client, event):
    RegistrationFactory.create_batch(2, event=event)
    response = client.post(url("events:event_sign_up", "paie"), SIGN_UP)
    assert response.status_code == 400
    assert "complet" in response.text
    assert Registration.objects.count() == 2


def test_a_closed_event_takes_no_sign_up(client):
    EventFactory(slug="ferme", registration_open=False)
    response = client.post(url("events:event_sign_up", "ferme"), SIGN_UP)
    assert "fermées" in response.text
    assert not Registration.objects.exists()


def test_a_missing_field_is_named(client, event):
    response = client.post(url("events:event_sign_up", "paie"), {"name": "Léa"})
    assert response.status_code == 400
    assert 'id="id_email-errors"' in response.text
    assert not Registration.objects.exists()


def test_an_unknown_event_is_a_404(client):
    assert client.get(url("events:event_sign_up", "inconnu")).status_code == 404


def test_a_sign_up_without_the_csrf_token_is_refused(event):
    client = Client(enforce_csrf_checks=True)
    response = client.post(url("events:event_sign_up", "paie"), SIGN_UP)
    assert response.status_code == 403
    assert not Registration.objects.exists()
