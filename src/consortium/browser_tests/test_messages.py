"""Refusals in the user's terms (issue 13, point 6): the grid says "Vous auriez 25 h le lundi
30 novembre 2020 : 24 h au plus par jour." in the refused cell, without an internal code or an
ISO date, and the refused cell keeps the row's alignment."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from consortium.testing.factories import MandateFactory, TimeEntryFactory
from consortium.testing.people import make_people

pytestmark = pytest.mark.browser
MONDAY = dt.date(2020, 11, 30)


@pytest.fixture
def week(transactional_db):
    """The owner's week of 30 November 2020: 7 h on Monday on one mandate, 1 h on Tuesday on
    another."""
    people = make_people()
    department = people.expert.department
    first = MandateFactory(code="M-0042", title="Tenue de livres", department=department)
    second = MandateFactory(code="M-0043", title="Paie", department=department)
    TimeEntryFactory(expert=people.expert, mandate=first, date=MONDAY, hours=Decimal(7))
    tuesday = MONDAY + dt.timedelta(days=1)
    TimeEntryFactory(expert=people.expert, mandate=second, date=tuesday, hours=Decimal(1))
    return people


def test_a_25_hour_day_is_refused_in_the_experts_own_words(page, signed_in, week, axe_check):
    signed_in(page, week.owner)
    page.goto(reverse("timesheets:week_of", args=[MONDAY]))
    cell = page.get_by_label("M-0043, lundi 30 novembre")
    cell.fill("18")
    cell.press("Tab")
    error = page.locator(".cell-error")
    error.wait_for()
    assert error.inner_text() == (
        "Vous auriez 25\u00a0h le lundi 30 novembre 2020 : 24 h au plus par jour."
    )
    assert week.expert.code not in error.inner_text()
    # The refused cell's input stays on the line of the other cells of its row.
    refused = page.get_by_label("M-0043, lundi 30 novembre").bounding_box()
    neighbour = page.get_by_label("M-0043, mardi 1er décembre").bounding_box()
    assert abs(refused["y"] - neighbour["y"]) < 1
    axe_check(page)


def test_the_sentence_reads_in_english_too(page, signed_in, week):
    signed_in(page, week.owner)
    page.goto(reverse("timesheets:week_of", args=[MONDAY]))
    with page.expect_navigation():
        page.get_by_role("button", name="English").click()
    cell = page.get_by_label("M-0043, Monday, November 30")
    cell.fill("18")
    cell.press("Tab")
    error = page.locator(".cell-error")
    error.wait_for()
    assert error.inner_text() == (
        "You would have 25\u00a0h on Monday, November 30, 2020: at most 24 h a day."
    )
