"""Issue 13's lock guards in Chromium: finance is shown the weeks still awaiting approval before
locking a month from its row, and confirms an unlock."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from consortium.testing.factories import TimeEntryFactory, TimesheetWeekFactory
from consortium.testing.people import make_people
from consortium.timesheets.models import PeriodLock

pytestmark = pytest.mark.browser
MONDAY = dt.date(2020, 6, 29)


def test_finance_sees_the_waiting_weeks_before_locking_and_confirms_an_unlock(
    page, signed_in, axe_check
):
    people = make_people()
    TimeEntryFactory(expert=people.expert, date=MONDAY, hours="7")
    TimesheetWeekFactory(
        expert=people.expert, week_start=MONDAY, status="submitted", submitted_at=timezone.now()
    )
    signed_in(page, people.finance)
    page.goto(reverse("timesheets:period_lock_list") + "?exercice=2020-2021")

    page.get_by_role("button", name="Verrouiller juin 2020").click()

    dialog = page.get_by_role("alertdialog", name="Verrouiller malgré tout ?")
    assert "1 semaine de cette période attend encore une approbation" in dialog.inner_text()
    assert people.expert.full_name in dialog.inner_text()
    axe_check(page)
    assert not PeriodLock.objects.exists()
    dialog.get_by_role("button", name="Verrouiller quand même").click()
    assert page.get_by_role("status").inner_text() == "Juin 2020 : période verrouillée."

    page.get_by_label("Motif du déverrouillage : Juin 2020").fill("Facture oubliée")
    page.get_by_role("button", name="Déverrouiller", exact=True).click()
    confirm = page.get_by_role("alertdialog", name="Déverrouiller Juin 2020 ?")
    assert "« Facture oubliée »" in confirm.inner_text()
    assert PeriodLock.objects.exists()
    confirm.get_by_role("button", name="Déverrouiller").click()
    assert page.get_by_role("status").inner_text() == "Juin 2020 : période déverrouillée."
    assert not PeriodLock.objects.exists()
