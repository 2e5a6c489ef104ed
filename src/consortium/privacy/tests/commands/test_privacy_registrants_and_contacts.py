"""`consortium privacy` for sign-ups and member contacts: export, anonymise, purge by age."""

import datetime as dt
import io
import json

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.utils import timezone

from consortium.communications.models import Registration
from consortium.privacy.tests.registrant import (
    CONTACT_EMAIL,
    CONTACT_USERNAME,
    EMAIL,
    ORGANISATION,
    make_contact,
    make_registrant,
)
from consortium.testing.factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def privacy(*arguments: str) -> str:
    out = io.StringIO()
    call_command("privacy", *arguments, stdout=out)
    return out.getvalue()


def test_it_exports_a_registrant_to_json_and_csv(tmp_path):
    make_registrant()
    path = tmp_path / "inscrit.json"
    privacy("export", "--registrant", EMAIL, "-o", str(path))
    assert json.loads(path.read_text())["sections"]["registrations"]["count"] == 2
    path = tmp_path / "inscrit.csv"
    privacy("export", "--registrant", EMAIL, "--format", "csv", "-o", str(path))
    assert f"registrations,1,organisation,{ORGANISATION}" in path.read_text(encoding="utf-8")


def test_it_exports_a_contact_by_e_mail(tmp_path):
    make_contact()
    path = tmp_path / "contact.csv"
    privacy("export", "--contact", CONTACT_EMAIL, "--format", "csv", "-o", str(path))
    assert f"account,1,username,{CONTACT_USERNAME}" in path.read_text(encoding="utf-8")


def test_it_anonymises_a_registrant_and_a_contact():
    make_registrant()
    user = make_contact()
    assert "Personne anonymisée" in privacy("anonymise", "--registrant", EMAIL, "--yes")
    assert not Registration.objects.filter(email__iexact=EMAIL).exists()
    assert Registration.objects.count() == 3
    with pytest.raises(CommandError, match="Aucune inscription"):
        privacy("anonymise", "--registrant", EMAIL, "--yes")
    privacy("anonymise", "--contact", CONTACT_USERNAME, "--yes")
    assert not get_user_model().objects.get(pk=user.pk).is_active


def test_it_purges_the_sign_ups_of_old_events():
    event = EventFactory(date=timezone.localdate() - dt.timedelta(days=400))
    RegistrationFactory(event=event, email=EMAIL)
    RegistrationFactory(event=EventFactory(date=timezone.localdate() - dt.timedelta(days=1)))
    RegistrationFactory(event=EventFactory(date=timezone.localdate()))
    assert "Inscriptions anonymisées : 1." in privacy("purge-registrations")
    assert event.sign_ups.get().email.endswith("@anonyme.invalid")
    assert "Inscriptions anonymisées : 1." in privacy("purge-registrations", "--days", "0")
    with pytest.raises(CommandError, match="positif"):
        privacy("purge-registrations", "--days", "-1")
