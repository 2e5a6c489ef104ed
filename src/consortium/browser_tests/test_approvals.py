"""Issue 13.11 in Chromium: a director approves at their pace. Select all, return from the list
with one reason, each week against the expected 35 h, rows named by person, "Approuver et
suivante", comments under their hours, and "commentaire modifié" in the week's changes."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from consortium.testing.factories import MandateFactory
from consortium.testing.people import make_people
from consortium.timesheets.models import TimesheetWeek, WeekStatus
from consortium.timesheets.services.entries import time_entry_record, time_entry_update
from consortium.timesheets.services.weeks import week_submit

pytestmark = pytest.mark.browser
MONDAY = dt.date(2020, 11, 2)


def _week(
    expert, by, monday: dt.date, hours: str, days: int = 1, comment: str = ""
) -> TimesheetWeek:
    mandate = MandateFactory()
    for day in range(days):
        entry = time_entry_record(
            expert=expert,
            mandate=mandate,
            date=monday + dt.timedelta(days=day),
            hours=Decimal(hours),
            description="Paie",
            by=by,
        )
    if comment:
        time_entry_update(entry=entry, description=comment, by=by)
    return week_submit(expert=expert, week_start=monday, by=by)


def test_a_director_returns_from_the_list_then_approves_week_after_week(page, signed_in, axe_check):
    people = make_people()
    marie, luc = people.expert, people.colleague_expert
    marie.first_name, marie.last_name = "Marie", "Tremblay"
    marie.save()
    luc.first_name, luc.last_name = "Luc", "Gagnon"
    luc.save()
    for offset in (0, 7):
        _week(marie, people.owner, MONDAY + dt.timedelta(days=offset), "7.5")
    first = _week(luc, people.colleague, MONDAY, "7", days=5, comment="Paie de novembre, relevés")
    second = _week(luc, people.colleague, MONDAY + dt.timedelta(days=7), "8")

    signed_in(page, people.director)
    page.goto(reverse("timesheets:approval_list"))
    axe_check(page)
    # Rows are named by their person; the difference from 35 h is shown.
    assert page.get_by_role("rowheader", name="Marie Tremblay").count() == 2
    luc_first = page.get_by_label("Sélectionner la semaine de Luc Gagnon du 2 novembre 2020")
    row = page.get_by_role("row").filter(has=luc_first)
    assert "= attendu" in row.inner_text()
    assert "−27,50" in page.get_by_role("table").first.inner_text()
    # Compact rows on one line: about 20 of them fit a 900 px high screen.
    heights = page.locator("table.approvals tbody tr").evaluate_all(
        "rows => rows.map(row => row.getBoundingClientRect().height)"
    )
    assert max(heights) < 42, heights

    # Select all, leave out Luc's two weeks, return Marie's with one reason.
    select_all = page.get_by_label("Tout sélectionner")
    select_all.check()
    boxes = page.locator('input[name="week"]')
    assert [boxes.nth(i).is_checked() for i in range(4)] == [True] * 4
    luc_first.uncheck()
    page.get_by_label("Sélectionner la semaine de Luc Gagnon du 9 novembre 2020").uncheck()
    assert select_all.evaluate("box => box.indeterminate")
    page.get_by_label("Motif du renvoi").fill("Il manque trois jours.")
    with page.expect_navigation():
        page.get_by_role("button", name="Renvoyer la sélection").click()
    assert "2 semaines renvoyées." in page.locator(".messages").inner_text()
    assert set(TimesheetWeek.objects.filter(expert=marie).values_list("status", "reason")) == {
        (WeekStatus.RETURNED, "Il manque trois jours.")
    }

    # Luc's first week: its comment sits under its hours, right-aligned with them; the change of
    # comment alone reads "commentaire modifié".
    with page.expect_navigation():
        page.get_by_role("link", name="Semaine du 2 novembre 2020 — Luc Gagnon").click()
    hours = page.locator(".week-grid .entry-hours").first.bounding_box()
    comment = page.locator(".week-grid .entry-comment").first.bounding_box()
    assert comment["y"] >= hours["y"] + hours["height"] - 1
    assert abs((comment["x"] + comment["width"]) - (hours["x"] + hours["width"])) < 1.5
    assert "commentaire modifié" in page.get_by_role("table").last.inner_text()
    assert "35,00 h sur 35 h attendues" in page.get_by_role("main").inner_text()
    axe_check(page)

    with page.expect_navigation():
        page.get_by_role("button", name="Approuver et suivante").click()
    assert page.url.endswith(reverse("timesheets:approval_detail", args=[second.pk]))
    assert (
        "Semaine de Luc Gagnon du 9 novembre 2020"
        in page.get_by_role("heading", level=1).inner_text()
    )
    with page.expect_navigation():
        page.get_by_role("button", name="Approuver et suivante").click()
    assert page.url.endswith(reverse("timesheets:approval_list"))
    assert (
        "Plus aucune semaine n'attend votre approbation." in page.locator(".messages").inner_text()
    )
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status) == (WeekStatus.APPROVED, WeekStatus.APPROVED)
