"""A member's contact on a phone (375 px wide) draws up the treasury plan in three steps, reads
the result, drafts the investment policy and adopts it: no page scrolls sideways, and axe-core
finds no serious or critical violation on any of them."""

import pytest

from consortium.testing.factories import MemberContactFactory, OrganisationFactory

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 812}


@pytest.fixture
def small_phone(browser, live_server):
    context = browser.new_context(
        base_url=live_server.url, locale="fr-CA", viewport=PHONE, is_mobile=True, has_touch=True
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()


def visible_text(page) -> str:
    text = page.locator("main").inner_text()
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def fits_the_screen(page) -> None:
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{page.url} is {width} px wide"


def test_a_contact_plans_the_treasury_and_adopts_a_policy_on_a_phone(
    small_phone, signed_in, axe_check
):
    page = small_phone
    organisation = OrganisationFactory(code="COOPNORD", name="Coopérative du Nord")
    signed_in(page, MemberContactFactory(organisation=organisation).user)

    page.goto("/portail/tresorerie/")
    page.get_by_label("Date du plan").fill("2026-04-01")
    page.get_by_label("Charges d'exploitation annuelles (sans amortissement)").fill("1 200 000")
    page.get_by_label("Encaisse").fill("150 000")
    page.get_by_label("Placements à court terme").fill("50 000")
    page.get_by_label("Fonds affectés").fill("30 000")
    page.get_by_label("Part des revenus venant de la principale source (%)").fill("55")
    fits_the_screen(page)
    axe_check(page)
    page.get_by_role("button", name="Enregistrer et continuer").click()

    page.wait_for_url("**/plan/mois/")
    for month in range(1, 13):
        page.locator(f"#id_receipts_{month}").fill("20 000" if month == 7 else "100 000")
        page.locator(f"#id_disbursements_{month}").fill("110 000" if month == 7 else "90 000")
    fits_the_screen(page)
    axe_check(page)
    page.get_by_role("button", name="Enregistrer et continuer").click()

    page.wait_for_url("**/plan/projets/")
    page.locator("#id_projects-0-name").fill("Toiture")
    page.locator("#id_projects-0-amount").fill("40 000")
    page.locator("#id_projects-0-planned_on").fill("2026-10-01")
    fits_the_screen(page)
    axe_check(page)
    page.get_by_role("button", name="Enregistrer et voir le résultat").click()

    page.wait_for_url("**/tresorerie/")
    assert "Réserve = 140 000 $ ÷ (1 200 000 $ ÷ 12) = 1,4 mois" in visible_text(page)
    fits_the_screen(page)
    axe_check(page)
    page.get_by_role("button", name="Rédiger la politique de placement").click()

    page.wait_for_url("**/politique/brouillon/")
    fits_the_screen(page)
    axe_check(page)
    review = page.locator("#section-review")
    review.get_by_label("Texte").fill("Révision chaque printemps, avant l'AGA.")
    review.get_by_role("button", name="Enregistrer la section").click()
    page.locator("#section-review").get_by_text("Section enregistrée.").wait_for()
    page.get_by_role("button", name="Adopter la politique").click()

    page.wait_for_url("**/politique/1/")
    assert "Révision chaque printemps, avant l’AGA." in visible_text(page).replace("'", "’")
    fits_the_screen(page)
    axe_check(page)
