"""The expert's week grid in a real browser: typing saves, errors show in place, the keyboard
moves between cells, rows and comments are added without reloading, and a phone can use it."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from consortium.testing.factories import MandateFactory, OrganisationFactory
from consortium.timesheets.models import TimeEntry

pytestmark = pytest.mark.browser
MONDAY = dt.date(2020, 11, 30)


@pytest.fixture
def week(week):
    """The owner's week (conftest), and a third mandate of their department, on no day yet."""
    MandateFactory(
        code="M-0050",
        title="Diagnostic",
        department=week.expert.department,
        organisation=OrganisationFactory(name="Coop du Lac"),
    )
    return week


def open_week(page, signed_in, people):
    signed_in(page, people.owner)
    page.goto(reverse("timesheets:week_of", args=[MONDAY]))
    return page


def test_typing_hours_saves_them_and_updates_the_totals(page, signed_in, week):
    open_week(page, signed_in, week)
    cell = page.get_by_label("M-0042, mardi 1er décembre")
    cell.fill("7:30")
    cell.press("Enter")
    page.locator("#week-total").filter(has_text="15,5").wait_for()
    assert page.locator("#day-total-2020-12-01").inner_text() == "7,5"
    assert page.get_by_label("M-0042, mardi 1er décembre").input_value() == "7,5"
    # Enter saved and moved down to the same day of the next mandate.
    assert page.evaluate("document.activeElement.id").endswith("-2020-12-01")
    assert page.get_by_label("M-0043, mardi 1er décembre").evaluate(
        "e => e === document.activeElement"
    )
    assert TimeEntry.objects.filter(date=MONDAY + dt.timedelta(days=1)).get().hours == Decimal(
        "7.5"
    )


def test_an_impossible_value_is_shown_in_place_and_kept(page, signed_in, week, axe_check):
    open_week(page, signed_in, week)
    cell = page.get_by_label("M-0042, mercredi 2 décembre")
    cell.fill("25")
    cell.press("Tab")
    error = page.locator(".cell-error")
    error.wait_for()
    assert "Les heures doivent être plus de 0 et au plus 24." in error.inner_text()
    cell = page.get_by_label("M-0042, mercredi 2 décembre")
    assert cell.get_attribute("aria-invalid") == "true"
    assert cell.input_value() == "25"
    assert page.locator("#week-total").inner_text() == "8"
    axe_check(page)


def test_arrow_keys_move_between_cells(page, signed_in, week):
    open_week(page, signed_in, week)
    page.get_by_label("M-0042, lundi 30 novembre").focus()
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.labels[0].textContent") == (
        "M-0043, lundi 30 novembre"
    )
    page.keyboard.press("End")
    page.keyboard.press("ArrowRight")
    assert page.evaluate("document.activeElement.labels[0].textContent") == (
        "M-0043, mardi 1er décembre"
    )
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowLeft")
    assert page.evaluate("document.activeElement.labels[0].textContent") == (
        "M-0042, lundi 30 novembre"
    )


def test_a_mandate_is_added_as_a_row_without_reloading(page, signed_in, week):
    open_week(page, signed_in, week)
    page.evaluate("window.notReloaded = true")
    picker = page.get_by_role("combobox", name="Ajouter un mandat")
    picker.click()
    page.get_by_role("option", name="M-0050 — Diagnostic (Coop du Lac)").click()
    cell = page.get_by_label("M-0050, jeudi 3 décembre")
    cell.wait_for()
    assert page.evaluate("window.notReloaded") is True
    cell.fill("2,5")
    cell.press("Tab")
    page.locator("#week-total").filter(has_text="10,5").wait_for()


def test_a_comment_is_written_inline(page, signed_in, week):
    open_week(page, signed_in, week)
    page.get_by_role("button", name="Commentaire, M-0042, lundi 30 novembre").click()
    textarea = page.get_by_label("Commentaire", exact=True)
    textarea.wait_for()
    assert page.evaluate("document.activeElement.tagName") == "TEXTAREA"
    textarea.fill("Fermeture du mois")
    page.get_by_role("button", name="Enregistrer le commentaire").click()
    page.locator(".cell.has-comment").wait_for()
    assert TimeEntry.objects.get(date=MONDAY, mandate__code="M-0042").description == (
        "Fermeture du mois"
    )


def test_the_week_is_usable_on_a_phone(phone_page, signed_in, week, axe_check):
    page = open_week(phone_page, signed_in, week)
    # One day at a time: Monday (today is not in that week), its switcher button pressed.
    monday = page.get_by_label("M-0043, lundi 30 novembre")
    friday = page.get_by_label("M-0043, vendredi 4 décembre")
    expect(monday).to_be_visible()
    expect(friday).to_be_hidden()
    switcher = page.get_by_role("navigation", name="Jour affiché")
    expect(switcher.get_by_role("button", name="lundi 30 novembre")).to_have_attribute(
        "aria-pressed", "true"
    )
    # Nothing scrolls sideways, not even the grid.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert page.locator(".week-wrap").evaluate("e => e.scrollWidth <= e.clientWidth")
    switcher.get_by_role("button", name="vendredi 4 décembre").click()
    expect(friday).to_be_visible()
    expect(monday).to_be_hidden()
    friday.fill("3")
    friday.press("Enter")
    page.locator("#week-total").filter(has_text="11").wait_for()
    # The switcher shows the day's new total; Enter on the day's last row went on to the next
    # day, shown; the arrows go back to Friday and show it.
    expect(switcher.get_by_role("button", name="vendredi 4 décembre")).to_contain_text("3")
    saturday = page.get_by_label("M-0042, samedi 5 décembre")
    expect(saturday).to_be_focused()
    expect(switcher.get_by_role("button", name="samedi 5 décembre")).to_have_attribute(
        "aria-pressed", "true"
    )
    saturday.press("ArrowLeft")
    expect(page.get_by_label("M-0042, vendredi 4 décembre")).to_be_focused()
    expect(friday).to_be_visible()
    axe_check(page)


def test_the_week_has_no_serious_accessibility_violation(page, signed_in, week, axe_check):
    open_week(page, signed_in, week)
    axe_check(page)
