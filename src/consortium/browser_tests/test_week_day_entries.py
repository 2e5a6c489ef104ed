"""A cell's entries of the day in a real browser, by keyboard only: the list opens from the
cell, a second entry is added, the cell shows the sum, then entries are changed and deleted."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from consortium.timesheets.models import TimeEntry

pytestmark = pytest.mark.browser
MONDAY = dt.date(2020, 11, 30)


def test_a_second_entry_is_added_then_entries_are_changed_and_deleted_by_keyboard(
    page, signed_in, week, axe_check
):
    signed_in(page, week.owner)
    page.goto(reverse("timesheets:week_of", args=[MONDAY]))
    page.get_by_role("link", name="Entrées du jour, M-0042, lundi 30 novembre").focus()
    page.keyboard.press("Enter")
    page.locator(".day-entries").wait_for()
    # The list opens on its first field.
    assert page.evaluate("document.activeElement.closest('.day-entries') !== null")
    axe_check(page)

    page.locator("#new-entry-description").focus()
    page.keyboard.type("Soir")
    # Time fields show the browser's own format (12 or 24 h): filled with their value.
    page.locator("#new-entry-start").fill("18:00")
    page.locator("#new-entry-end").fill("19:30")
    page.locator("#new-entry-hours").focus()
    page.keyboard.press("Enter")
    page.locator("#week-total").filter(has_text="9,5").wait_for()
    cell = page.get_by_role("link", name="plusieurs entrées, M-0042, lundi 30 novembre")
    assert cell.inner_text().startswith("8,5")
    added = TimeEntry.objects.get(description="Soir")
    assert (added.start_time, added.end_time, added.hours) == (
        dt.time(18, 0),
        dt.time(19, 30),
        Decimal("1.5"),
    )
    # After an addition, the next one starts where this one did.
    assert page.evaluate("document.activeElement.id") == "new-entry-description"
    # The arrows reach the sum like any cell.
    page.get_by_role("textbox", name="M-0043, lundi 30 novembre").focus()
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.classList.contains('entries-sum')")

    first = TimeEntry.objects.get(mandate__code="M-0042", description="")
    hours = page.locator(f"#entry-{first.pk}-hours")
    hours.focus()
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.type("6")
    page.keyboard.press("Enter")
    page.locator("#week-total").filter(has_text="8,5").wait_for()
    first.refresh_from_db()
    assert first.hours == Decimal(6)

    # The save's swap and the focus it moves settle after the total shows: wait for them, or
    # the focus taken below may be moved under the key press (seen on a loaded machine).
    page.wait_for_load_state("networkidle")
    page.get_by_role("button", name="Supprimer — 1,5 h, Soir").press("Enter")
    page.locator("#week-total").filter(has_text="7").wait_for()
    assert not TimeEntry.objects.filter(description="Soir").exists()
    # One entry left: the cell is a field to type in again.
    assert page.get_by_role("textbox", name="M-0042, lundi 30 novembre").input_value() == "6"
