"""Issue 13, points 1, 3 and 5 in a real browser: typed hours survive an expired session (a sign-in
dialog on the page, then the save is sent again) or a failed save (the cell says so and keeps its
value); a submission waits for, then stops on, cells in error; the grid takes the focus on load
and "/" opens the comment of the focused cell."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from consortium.browser_tests.conftest import BROWSER_PASSWORD
from consortium.core.weeks import week_start_of
from consortium.testing.factories import TimeEntryFactory
from consortium.timesheets.models import TimeEntry, WeekStatus

pytestmark = pytest.mark.browser
MONDAY = dt.date(2020, 11, 30)


def open_week(page, signed_in, people, monday=MONDAY):
    signed_in(page, people.owner)
    page.goto(reverse("timesheets:week_of", args=[monday]))
    return page


def sign_in_again(page):
    dialog = page.get_by_role("dialog", name="Reconnectez-vous")
    dialog.wait_for()
    # The username is already there: the password takes the focus.
    assert page.evaluate("document.activeElement.id") == "sign-in-password"
    assert dialog.get_by_label("Nom d’utilisateur").input_value() == "owner"
    dialog.get_by_label("Mot de passe").fill(BROWSER_PASSWORD)
    dialog.get_by_role("button", name="Se reconnecter").click()
    dialog.wait_for(state="hidden")


def test_an_expired_session_asks_to_sign_in_on_the_page_then_saves_the_cell(
    page, signed_in, week, axe_check
):
    open_week(page, signed_in, week)
    page.context.clear_cookies(name="sessionid")
    cell = page.get_by_label("M-0042, mardi 1er décembre")
    cell.fill("6")
    cell.press("Tab")
    page.get_by_role("dialog", name="Reconnectez-vous").wait_for()
    # Nothing of the sign-in page was drawn in the cell: it keeps its value and says why.
    assert page.get_by_label("M-0042, mardi 1er décembre").input_value() == "6"
    assert (
        "reconnectez-vous"
        in page.locator(
            "#cell-{}-2020-12-01".format(
                TimeEntry.objects.get(date=MONDAY, mandate__code="M-0042").mandate_id
            )
        ).inner_text()
    )
    # The login page was not drawn inside the cell.
    assert page.locator("#week-rows .cell form").count() == 0
    axe_check(page)
    sign_in_again(page)
    page.locator("#week-total").filter(has_text="14").wait_for()
    assert TimeEntry.objects.get(date=dt.date(2020, 12, 1)).hours == Decimal(6)
    # The cell's own answer may land after the week's total: wait for it, do not sample.
    expect(page.locator(".cell.unsaved")).to_have_count(0)
    # The page's next saves carry the new security token.
    cell = page.get_by_label("M-0043, mardi 1er décembre")
    cell.fill("1")
    cell.press("Tab")
    page.locator("#week-total").filter(has_text="15").wait_for()


def test_a_lost_security_cookie_and_session_still_save_after_signing_in(page, signed_in, week):
    open_week(page, signed_in, week)
    page.context.clear_cookies()
    cell = page.get_by_label("M-0043, jeudi 3 décembre")
    cell.fill("2")
    cell.press("Tab")
    sign_in_again(page)
    page.locator("#week-total").filter(has_text="10").wait_for()
    assert TimeEntry.objects.get(date=dt.date(2020, 12, 3)).hours == Decimal(2)


def test_a_lost_security_cookie_alone_is_renewed_without_asking(page, signed_in, week):
    open_week(page, signed_in, week)
    page.context.clear_cookies(name="csrftoken")
    cell = page.get_by_label("M-0043, jeudi 3 décembre")
    cell.fill("2")
    cell.press("Tab")
    page.locator("#week-total").filter(has_text="10").wait_for()
    assert not page.get_by_role("dialog").is_visible()


def test_a_failed_save_keeps_the_value_and_says_so_until_saved(page, signed_in, week):
    open_week(page, signed_in, week)
    page.route("**/cellule/**", lambda route: route.fulfill(status=500, body="Erreur"))
    cell = page.get_by_label("M-0042, vendredi 4 décembre")
    cell.fill("3")
    cell.press("Tab")
    note = page.locator(".cell-unsaved")
    note.wait_for()
    assert note.inner_text() == "Non enregistrée : la valeur est gardée, réessayez."
    cell = page.get_by_label("M-0042, vendredi 4 décembre")
    assert cell.input_value() == "3"
    assert cell.get_attribute("aria-invalid") == "true"
    assert note.get_attribute("id") in cell.get_attribute("aria-describedby")
    page.unroute("**/cellule/**")
    cell.fill("3,5")
    cell.press("Tab")
    page.locator("#week-total").filter(has_text="11,5").wait_for()
    expect(page.locator(".cell-unsaved")).to_have_count(0)


def test_cells_in_error_stop_the_submission_and_are_listed(page, signed_in, week, axe_check):
    open_week(page, signed_in, week)
    refused = page.get_by_label("M-0042, mercredi 2 décembre")
    refused.fill("25")
    refused.press("Tab")
    page.locator(".cell.invalid").wait_for()
    page.route("**/cellule/**", lambda route: route.abort())
    unsaved = page.get_by_label("M-0043, mercredi 2 décembre")
    unsaved.fill("2")
    page.get_by_role("button", name="Soumettre la semaine").click()
    blocked = page.locator("#week-blocked")
    blocked.wait_for()
    items = blocked.locator("li").all_inner_texts()
    assert len(items) == 2
    assert items[0].startswith("M-0042, mercredi 2 décembre — Les heures doivent être")
    assert items[1].startswith("M-0043, mercredi 2 décembre — Non enregistrée")
    assert "/soumettre/" not in page.url
    assert not week.expert.timesheet_weeks.filter(status=WeekStatus.SUBMITTED).exists()
    axe_check(page)
    blocked.get_by_role("link", name="M-0043, mercredi 2 décembre").click()
    assert page.evaluate("document.activeElement.labels[0].textContent") == (
        "M-0043, mercredi 2 décembre"
    )


def test_an_expired_session_signs_in_on_the_page_before_submitting(page, signed_in, week):
    open_week(page, signed_in, week)
    page.context.clear_cookies(name="sessionid")
    page.evaluate("window.notReloaded = true")
    page.get_by_role("button", name="Soumettre la semaine").click()
    sign_in_again(page)
    # Not a bare 405: the submission went on (8 h of 35 asks to confirm), on the same page.
    page.get_by_role("heading", name="Soumettre la semaine du 30 novembre 2020 ?").wait_for()
    assert page.evaluate("window.notReloaded") is True
    expect(page.get_by_role("button", name="Soumettre quand même")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("#week-status")).to_have_text("Soumise")


def test_the_grid_takes_the_focus_on_load(page, signed_in, week):
    open_week(page, signed_in, week)
    # Today is not in that week: its first cell.
    assert page.evaluate("document.activeElement.labels[0].textContent") == (
        "M-0042, lundi 30 novembre"
    )
    today = timezone.localdate()
    TimeEntryFactory(
        expert=week.expert,
        mandate=TimeEntry.objects.get(date=MONDAY, mandate__code="M-0043").mandate,
        date=week_start_of(today),
        hours=Decimal(1),
    )
    page.goto(reverse("timesheets:week"))
    focused = page.evaluate("document.activeElement.id")
    assert focused.endswith(today.isoformat()), focused


def test_slash_opens_the_comment_of_the_focused_cell(page, signed_in, week):
    open_week(page, signed_in, week)
    cell = page.get_by_role("textbox", name="M-0042, lundi 30 novembre")
    cell.focus()
    # The comment button is out of the Tab order.
    page.keyboard.press("Tab")
    assert "comment-button" not in page.evaluate("document.activeElement.className")
    cell.focus()
    page.keyboard.press("/")
    textarea = page.get_by_label("Commentaire", exact=True)
    textarea.wait_for()
    assert page.evaluate("document.activeElement.tagName") == "TEXTAREA"
    assert cell.input_value() == "7"
    textarea.fill("Fermeture du mois")
    page.get_by_role("button", name="Enregistrer le commentaire").click()
    page.locator(".cell.has-comment").wait_for()
    # Back in the cell the comment belongs to.
    page.locator("#hours-{}:focus".format(cell.get_attribute("id")[len("hours-") :])).wait_for()
    # A cell without hours has nothing to comment yet: it says so.
    empty = page.get_by_role("textbox", name="M-0042, mardi 1er décembre")
    empty.focus()
    page.keyboard.press("/")
    assert empty.input_value() == ""
    page.locator("#comment-panel").filter(has_text="saisissez-les avant").wait_for()
    assert "« / » pour le commentaire de la case" in page.locator("#week-help").inner_text()
