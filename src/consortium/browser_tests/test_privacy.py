"""Law 25 for event sign-ups in a browser: a visitor on a phone reads, under the sign-up form,
what is kept and for how long, follows the link to the privacy page, signs up; a year after the
event the purge anonymises the sign-up and the event's page still counts it. axe-core finds no
serious violation on the pages."""

import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from consortium.communications.models import Event, Registration
from consortium.testing.factories import EventFactory
from consortium.testing.people import make_people

pytestmark = pytest.mark.browser


def test_a_visitor_reads_what_is_kept_signs_up_and_is_anonymised_after_the_event(
    phone_page, signed_in, axe_check
):
    page = phone_page
    event = EventFactory(title="Webinaire de la paie", slug="paie", registration_open=True)
    page.goto("/evenements/paie/")
    notice = page.locator("#sign-up-privacy")
    assert "365 jours après l'événement" in notice.inner_text()
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
    axe_check(page)
    notice.get_by_role("link", name="Notre politique de confidentialité").click()
    page.wait_for_url("**/confidentialite/")
    assert page.get_by_text("Inscriptions aux événements").is_visible()
    axe_check(page)

    page.goto("/evenements/paie/")
    page.locator("#id_name").fill("Léa Roy")
    page.locator("#id_email").fill("lea@exemple.org")
    page.get_by_role("button", name="M'inscrire").click()
    page.wait_for_url("**/evenements/paie/merci/")

    Event.objects.filter(pk=event.pk).update(date=timezone.localdate() - dt.timedelta(days=366))
    out = io.StringIO()
    call_command("privacy", "purge-registrations", stdout=out)
    assert "Inscriptions anonymisées : 1." in out.getvalue()
    assert Registration.objects.get().name == "Anonyme"

    signed_in(page, make_people().communications)
    page.goto(reverse("communications:event_detail", args=[event.pk]))
    assert page.get_by_role("heading", name="1 inscription").is_visible()
    assert "Léa Roy" not in page.content()
    axe_check(page)
