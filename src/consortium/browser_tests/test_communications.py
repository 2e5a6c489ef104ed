"""The communications pages in a browser: the communications user records a month of followers
(its gain shown), a publication and an event; an anonymous visitor signs up on the event's public
page; the event then counts one registration. axe-core finds no serious violation on the staff
and public pages."""

import datetime as dt

import pytest
from django.urls import reverse

from consortium.communications.models import Event, FollowerSnapshot, Publication, Registration
from consortium.testing.factories import CourseFactory, EventFactory, FollowerSnapshotFactory
from consortium.testing.people import make_people

pytestmark = pytest.mark.browser

STAFF_PAGES = [
    "communications:follower_table",
    "communications:publication_list",
    "communications:publication_create",
    "communications:campaign_list",
    "communications:campaign_create",
    "communications:press_list",
    "communications:press_create",
    "communications:event_list",
    "communications:event_create",
]


@pytest.mark.parametrize("name", STAFF_PAGES)
def test_the_communications_page_has_no_serious_accessibility_violation(
    page, signed_in, axe_check, name
):
    people = make_people()
    FollowerSnapshotFactory(channel="linkedin", date=dt.date(2020, 4, 30), followers=560)
    EventFactory()
    signed_in(page, people.communications)
    response = page.goto(reverse(name))
    assert response.status == 200
    axe_check(page)


@pytest.mark.parametrize("name", ["training:course_list", "training:course_create"])
def test_the_training_page_has_no_serious_accessibility_violation(page, signed_in, axe_check, name):
    people = make_people()
    CourseFactory()
    signed_in(page, people.director)
    response = page.goto(reverse(name))
    assert response.status == 200
    axe_check(page)


def test_communications_records_a_month_a_publication_and_an_event_that_takes_a_sign_up(
    page, signed_in, axe_check
):
    people = make_people()
    FollowerSnapshotFactory(channel="linkedin", date=dt.date(2025, 3, 31), followers=900)
    signed_in(page, people.communications)

    # Their pages are in the header's « Le centre ».
    page.get_by_text("Le centre", exact=True).click()
    page.get_by_role("link", name="Communications").click()
    page.wait_for_url("**/communications/**")
    page.goto(reverse("communications:follower_table") + "?exercice=2025-2026")
    page.locator("#id_month").select_option("2025-04")
    page.locator("#id_linkedin").fill("930")
    page.locator("#id_facebook").fill("410")
    page.get_by_role("button", name="Enregistrer le mois").click()
    page.wait_for_load_state()
    assert "Les abonnés du mois sont enregistrés." in page.content()
    gain = page.locator('[data-gain="linkedin"]').first.inner_text()
    assert "+30" in gain
    assert FollowerSnapshot.objects.filter(date=dt.date(2025, 4, 30)).count() == 2
    axe_check(page)

    page.get_by_role("link", name="Publications").click()
    page.get_by_role("link", name="Nouvelle publication").click()
    page.locator("#id_kind").select_option("post")
    page.locator("#id_channel").select_option("linkedin")
    page.locator("#id_date").fill("2025-04-15")
    page.locator("#id_title").fill("Cinq conseils sur la paie")
    page.get_by_role("button", name="Enregistrer").click()
    page.wait_for_url("**/communications/publications/")
    assert "Cinq conseils sur la paie" in page.content()
    assert Publication.objects.count() == 1

    page.get_by_role("link", name="Événements").click()
    page.get_by_role("link", name="Nouvel événement").click()
    page.locator("#id_title").fill("Webinaire de la paie")
    page.locator("#id_slug").fill("webinaire-paie")
    page.locator("#id_date").fill("2026-11-18")
    page.locator("#id_online").check()
    page.locator("#id_capacity").fill("40")
    page.locator("#id_registration_open").check()
    page.get_by_role("button", name="Enregistrer").click()
    page.wait_for_url("**/communications/evenements/*/")
    assert "Personne ne s'est encore inscrit." in page.content()
    axe_check(page)
    event = Event.objects.get(slug="webinaire-paie")

    # Signed out: a visitor of the public page.
    page.context.clear_cookies()
    page.goto("/evenements/webinaire-paie/")
    axe_check(page)
    page.locator("#id_name").fill("Léa Roy")
    page.locator("#id_email").fill("lea@exemple.org")
    page.locator("#id_organisation").fill("Coop du Plateau")
    page.get_by_role("button", name="M'inscrire").click()
    page.wait_for_url("**/evenements/webinaire-paie/merci/")
    assert "Merci!" in page.content()
    axe_check(page)
    page.goto("/en/evenements/webinaire-paie/")
    assert "Sign up" in page.content()
    axe_check(page)
    assert Registration.objects.filter(event=event).count() == 1

    signed_in(page, people.communications)
    page.goto(reverse("communications:event_detail", args=[event.pk]))
    assert page.get_by_role("heading", name="1 inscription").is_visible()
    assert "Léa Roy" in page.content()
    page.goto(reverse("communications:event_list"))
    assert (
        page.evaluate("() => document.documentElement.scrollWidth") <= page.viewport_size["width"]
    )


def test_a_visitor_signs_up_on_a_phone(phone_page, axe_check):
    EventFactory(title="Webinaire de la paie", slug="paie", registration_open=True, capacity=10)
    page = phone_page
    page.goto("/evenements/paie/")
    assert "10 places restantes" in page.content()
    page.locator("#id_name").fill("Léa Roy")
    page.locator("#id_email").fill("lea@exemple.org")
    page.get_by_role("button", name="M'inscrire").click()
    page.wait_for_url("**/evenements/paie/merci/")
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
    axe_check(page)
    assert Registration.objects.count() == 1
