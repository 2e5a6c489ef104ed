"""The error pages, in Chromium: the workspace's look, no accessibility violation, a way back."""

import pytest
from django.urls import reverse

from consortium.testing.people import make_people

pytestmark = pytest.mark.browser


def test_a_missing_page_leads_back_to_where_the_director_came_from(
    page, live_server, signed_in, axe_check
):
    signed_in(page, make_people().director)
    mandates = live_server.url + reverse("mandates:mandate_list")

    response = page.goto("/mandats/N-EXISTE-PAS/", referer=mandates)

    assert response.status == 404
    assert page.get_by_role("heading", level=1).inner_text() == "Page introuvable"
    assert page.get_by_role("navigation", name="Navigation principale").is_visible()
    axe_check(page)
    page.get_by_role("link", name="Revenir à la page précédente").click()
    page.wait_for_url(mandates)


def test_a_page_not_for_the_experts_role_says_so_and_fits_a_phone(phone_page, signed_in, axe_check):
    signed_in(phone_page, make_people().owner)

    response = phone_page.goto(reverse("timesheets:period_lock_list"))

    assert response.status == 403
    assert phone_page.get_by_role("heading", level=1).inner_text() == "Accès refusé"
    assert phone_page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
    axe_check(phone_page)
    phone_page.get_by_role("link", name="Aller à l'accueil").click()
    phone_page.wait_for_url("**/temps/**")
