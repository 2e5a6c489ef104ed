"""Sign-ups (open, within capacity, once per e-mail) and a month of followers recorded at once."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from consortium.communications.models import FollowerSnapshot, Registration
from consortium.communications.services import follower_month_record, registration_create
from consortium.testing.factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def test_an_e_mail_is_kept_in_lower_case_and_refused_twice_whatever_its_case():
    event = EventFactory(registration_open=True)
    registration_create(event=event, name="Léa", email="Lea@Exemple.org")
    with pytest.raises(ValidationError, match="déjà inscrite"):
        registration_create(event=event, name="Léa", email="LEA@exemple.org")
    assert list(Registration.objects.values_list("email", flat=True)) == ["lea@exemple.org"]


def test_the_last_seat_goes_once():
    event = EventFactory(registration_open=True, capacity=1)
    RegistrationFactory(event=event)
    with pytest.raises(ValidationError, match="complet"):
        registration_create(event=event, name="Léa", email="lea@exemple.org")


def test_a_closed_event_takes_no_sign_up():
    event = EventFactory(registration_open=False)
    with pytest.raises(ValidationError, match="fermées"):
        registration_create(event=event, name="Léa", email="lea@exemple.org")
    assert not Registration.objects.exists()


def test_a_month_is_stored_on_its_last_day_and_empty_channels_are_left_alone():
    follower_month_record(month=dt.date(2021, 2, 1), followers={"linkedin": 700, "facebook": None})
    assert list(FollowerSnapshot.objects.values_list("channel", "date", "followers")) == [
        ("linkedin", dt.date(2021, 2, 28), 700)
    ]
