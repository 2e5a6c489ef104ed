"""Signing in with a real browser: the form works with a mouse, a keyboard and on a phone."""

import re

import pytest
from playwright.sync_api import expect

from consortium.browser_tests.conftest import BROWSER_PASSWORD
from consortium.testing.factories import UserFactory

pytestmark = pytest.mark.browser


def fill_sign_in_form(page, username: str, password: str) -> None:
    page.get_by_label("Nom d’utilisateur").fill(username)
    page.get_by_label("Mot de passe").fill(password)
    page.get_by_role("button", name="Se connecter").click()


def test_a_director_signs_in_and_lands_on_the_dashboard(page, signed_in, people):
    signed_in(page, people.director)

    assert page.url.endswith("/tableau-de-bord/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Tableau de bord")
    page.locator(".user-menu summary").click()
    expect(page.get_by_role("button", name="Se déconnecter")).to_be_visible()


def test_signing_in_returns_to_the_page_asked_for(page, signed_in, people):
    page.goto("/tableau-de-bord/")
    assert "/compte/connexion/?next=/tableau-de-bord/" in page.url

    signed_in(page, people.director, next_url="/tableau-de-bord/")

    assert page.url.endswith("/tableau-de-bord/")


def test_a_wrong_password_keeps_the_visitor_on_the_form_with_a_french_message(page, people):
    people.owner.set_password(BROWSER_PASSWORD)
    people.owner.save()
    page.goto("/compte/connexion/")

    fill_sign_in_form(page, "owner", "pas-le-bon")

    expect(
        page.get_by_text("Saisissez un nom d’utilisateur et un mot de passe valides")
    ).to_be_visible()
    assert "/compte/connexion/" in page.url


def test_signing_out_returns_to_the_sign_in_page(page, signed_in, people):
    signed_in(page, people.director)

    page.locator(".user-menu summary").click()
    page.get_by_role("button", name="Se déconnecter").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Connexion")
    page.goto("/tableau-de-bord/")
    assert "/compte/connexion/" in page.url


def test_a_director_signs_in_on_a_phone(phone_page, signed_in, people, axe_check):
    phone_page.goto("/compte/connexion/")
    axe_check(phone_page)
    scroll_width = phone_page.evaluate("() => document.documentElement.scrollWidth")
    assert scroll_width <= 390, "the sign-in page scrolls sideways on a phone"

    signed_in(phone_page, people.director)

    expect(phone_page.get_by_role("heading", level=1)).to_contain_text("Tableau de bord")


def test_the_keyboard_reaches_username_password_and_button_in_order(page, people):
    people.director.set_password(BROWSER_PASSWORD)
    people.director.save()
    page.goto("/compte/connexion/")

    def focused() -> str:
        return page.evaluate(
            "() => { const e = document.activeElement;"
            " return e.name || e.textContent.trim() || e.tagName; }"
        )

    # Django's form puts the cursor in the username on arrival.
    assert focused() == "username"
    page.keyboard.type("director")
    page.keyboard.press("Tab")
    assert focused() == "password"
    page.keyboard.type(BROWSER_PASSWORD)
    page.keyboard.press("Tab")
    assert focused() == "Se connecter"
    with page.expect_navigation():
        page.keyboard.press("Enter")

    expect(page.get_by_role("heading", level=1)).to_contain_text("Tableau de bord")


def test_the_skip_link_is_the_first_stop_and_leads_to_the_content(page):
    page.goto("/compte/mot-de-passe/oublie/")
    page.keyboard.press("Tab")

    skip_link = page.get_by_role("link", name="Aller au contenu")
    expect(skip_link).to_be_focused()
    expect(skip_link).to_be_visible()


def test_too_many_failures_show_the_lockout_page(page, people, axe_check):
    people.owner.set_password(BROWSER_PASSWORD)
    people.owner.save()
    page.goto("/compte/connexion/")
    for _attempt in range(5):
        fill_sign_in_form(page, "owner", "pas-le-bon")
        page.wait_for_load_state()

    page.goto("/compte/connexion/")
    with page.expect_response(re.compile(r"/compte/connexion/$")) as answer:
        fill_sign_in_form(page, "owner", BROWSER_PASSWORD)

    assert answer.value.status == 429
    expect(page.get_by_role("heading", level=1)).to_have_text("Connexion bloquée")
    expect(page.get_by_role("alert")).to_contain_text("Réessayez dans 15 minutes.")
    axe_check(page)


def test_a_forgotten_password_page_sends_the_link(page, axe_check, mailoutbox):
    UserFactory(username="camille", email="camille@example.coop").set_password("x")
    page.goto("/compte/mot-de-passe/oublie/")
    axe_check(page)

    page.get_by_label("Courriel").fill("camille@example.coop")
    page.get_by_role("button", name="Envoyer le lien").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Lien envoyé")
    axe_check(page)
