"""Anonymising a person signed up for events, and the retention rule of sign-ups."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from consortium.communications.models import Registration
from consortium.communications.selectors import communications_report, events_with_counts
from consortium.core.fiscal_years import fiscal_year_period
from consortium.privacy.models import Anonymisation
from consortium.privacy.services import registrant_anonymise, registrations_purge
from consortium.privacy.tests.person import rows_containing
from consortium.privacy.tests.registrant import EMAIL, NAME, ORGANISATION, make_registrant
from consortium.testing.factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def _counts() -> tuple[list, dict]:
    """What a reader sees: the report's events with their sign-ups, the list's counts."""
    report = communications_report(fiscal_year_period("2020-2021"))["events"]
    listed = {event.title: event.registration_count for event in events_with_counts()}
    return report, listed


def test_anonymising_a_registrant_keeps_the_report_and_the_lists_counts(administrator):
    sign_ups = make_registrant()
    before = _counts()
    done = registrant_anonymise(registration=sign_ups[0], by=administrator)
    assert _counts() == before
    assert before[0][0]["registrations"] == 2
    assert rows_containing(NAME, EMAIL, ORGANISATION) == []
    assert Registration.objects.get(pk=sign_ups[1].pk).email == (
        f"anonyme-{sign_ups[1].pk}@anonyme.invalid"
    )
    assert Registration.objects.get(email="autre@example.org").name == "Autre Personne"
    assert (done.subject_kind, done.subject_id, done.performed_by) == (
        "registrant",
        sign_ups[0].pk,
        administrator,
    )
    assert registrant_anonymise(registration=sign_ups[0]) == done
    assert Anonymisation.objects.count() == 1


def test_only_the_administration_anonymises_a_registrant(director):
    sign_ups = make_registrant()
    with pytest.raises(PermissionDenied):
        registrant_anonymise(registration=sign_ups[0], by=director)
    assert Registration.objects.filter(email=EMAIL).exists()


def test_the_purge_anonymises_the_sign_ups_of_events_held_more_than_the_days_ago(settings):
    settings.REGISTRATIONS_DAYS = 30
    today = timezone.localdate()
    old = EventFactory(date=today - dt.timedelta(days=31))
    edge = EventFactory(date=today - dt.timedelta(days=30))
    RegistrationFactory(event=old, name=NAME, email=EMAIL, organisation=ORGANISATION)
    RegistrationFactory(event=old, name="Deuxième Personne")
    RegistrationFactory(event=edge, name="Toujours Nommée", email="nommee@example.org")
    assert registrations_purge() == 2
    assert rows_containing(NAME, EMAIL, "Deuxième Personne") == []
    assert old.sign_ups.count() == 2
    assert edge.sign_ups.get().name == "Toujours Nommée"
    assert registrations_purge() == 0
    assert registrations_purge(days=0) == 1
    assert rows_containing("Toujours Nommée") == []
