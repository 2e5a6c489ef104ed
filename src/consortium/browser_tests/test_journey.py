"""The issue's path, end to end in a real browser: an expert fills a week and submits it, her
director approves it, finance locks the month, a change to a locked entry is refused, and the
director's dashboard counts the new hours."""

import datetime as dt
import re
from decimal import Decimal

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from consortium.testing.factories import (
    DepartmentFactory,
    ExpertFactory,
    MandateFactory,
    StaffRoleFactory,
    UserFactory,
)
from consortium.timesheets.models import PeriodLock, TimeEntry, TimesheetWeek

pytestmark = pytest.mark.browser
# A week that lies inside one month (2-8 November 2020), in fiscal year 2020-2021.
MONDAY = dt.date(2020, 11, 2)


@pytest.fixture
def centre(transactional_db):
    department = DepartmentFactory(code="CPT", name_fr="Comptabilité")
    expert_user = UserFactory(username="experte", first_name="Émilie", last_name="Pilon")
    expert = ExpertFactory(
        department=department,
        user=expert_user,
        first_name="Émilie",
        last_name="Pilon",
        hired_on=dt.date(2015, 1, 5),
        left_on=None,
    )
    StaffRoleFactory(user=expert_user, role="expert")
    mandate = MandateFactory(
        code="M-0100",
        title="Tenue de livres",
        department=department,
        start=dt.date(2020, 4, 1),
        end=None,
    )
    director = StaffRoleFactory(
        user=UserFactory(username="direction"), role="director", director_of=[department]
    ).user
    finance = StaffRoleFactory(user=UserFactory(username="finances"), role="finance").user
    return {
        "expert": expert,
        "expert_user": expert_user,
        "mandate": mandate,
        "director": director,
        "finance": finance,
    }


def sign_out(page) -> None:
    with page.expect_navigation():
        page.locator(".user-menu summary").click()
        page.get_by_role("button", name="Se déconnecter").click()


def test_a_week_goes_from_the_expert_to_the_directors_dashboard(page, signed_in, centre):
    # The expert opens her week, adds the mandate's row and types two days of hours.
    signed_in(page, centre["expert_user"])
    page.goto(reverse("timesheets:week_of", args=[MONDAY]))
    page.get_by_role("combobox", name="Ajouter un mandat").click()
    page.keyboard.type("M-0100")
    page.get_by_role("option", name=re.compile(r"^M-0100 ")).click()
    monday = page.get_by_label("M-0100, lundi 2 novembre")
    monday.fill("7,5")
    monday.press("Tab")
    page.locator("#day-total-2020-11-02").filter(has_text="7,5").wait_for()
    tuesday = page.get_by_label("M-0100, mardi 3 novembre")
    tuesday.fill("6:30")
    tuesday.press("Tab")
    page.locator("#week-total").filter(has_text="14").wait_for()
    assert TimeEntry.objects.filter(expert=centre["expert"]).count() == 2

    # The week is redrawn in place (no page load).
    page.get_by_role("button", name="Soumettre la semaine").click()
    # Two days are not the expected 35 h week: the page says so and asks first.
    question = page.get_by_role("alertdialog")
    expect(question).to_contain_text("la semaine attendue en compte 35")
    question.get_by_role("button", name="Soumettre quand même").click()
    expect(page.locator("#week-status")).to_have_text("Soumise")
    sign_out(page)

    # Her director finds the week waiting and approves it.
    signed_in(page, centre["director"])
    page.goto(reverse("timesheets:approval_list"))
    with page.expect_navigation():
        page.get_by_role("link", name="Semaine du 2 novembre 2020").first.click()
    assert "14" in page.get_by_role("main").inner_text()
    with page.expect_navigation():
        page.get_by_role("button", name="Approuver", exact=True).click()
    assert "approuvée" in page.locator(".messages").inner_text()
    week = TimesheetWeek.objects.get(expert=centre["expert"], week_start=MONDAY)
    assert week.status == "approved"
    sign_out(page)

    # Finance locks November 2020.
    signed_in(page, centre["finance"])
    page.goto(reverse("timesheets:period_lock_list"))
    page.get_by_label("Type de période").select_option(value="month")
    page.get_by_label("Mois", exact=True).fill("2020-11")
    with page.expect_navigation():
        page.get_by_role("button", name="Verrouiller", exact=True).click()
    assert "période verrouillée" in page.locator(".messages").inner_text()
    assert PeriodLock.objects.filter(start=dt.date(2020, 11, 1)).exists()
    sign_out(page)

    # The director reopens the week; the month stays locked, so its hours still cannot change.
    signed_in(page, centre["director"])
    page.goto(reverse("timesheets:approval_detail", args=[week.pk]))
    with page.expect_navigation():
        page.get_by_role("button", name="Rouvrir").click()
    sign_out(page)

    signed_in(page, centre["expert_user"])
    page.goto(reverse("timesheets:week_of", args=[MONDAY]))
    assert "Novembre 2020 est verrouillé par les finances" in page.get_by_role("main").inner_text()
    locked_cell = page.get_by_label("M-0100, lundi 2 novembre")
    assert locked_cell.get_attribute("readonly") is not None
    # Even a request made behind the page's back is refused, and the entry is unchanged.
    response = page.request.post(
        reverse("timesheets:week_cell", args=[MONDAY]),
        form={"mandate": str(centre["mandate"].pk), "day": "2020-11-02", "hours": "3"},
        headers={"X-CSRFToken": _csrf_token(page), "HX-Request": "true"},
    )
    assert "verrouill" in response.text()
    assert TimeEntry.objects.get(date=MONDAY).hours == Decimal("7.5")
    sign_out(page)

    # The director's dashboard for 2020-2021 counts the 14 new hours.
    signed_in(page, centre["director"])
    page.goto(reverse("dashboards:dashboard") + "?exercice=2020-2021")
    headline = page.locator(".stats .stat").first.locator(".value").inner_text()
    assert headline.replace("\u202f", " ").replace("\xa0", " ").strip() in {"14", "14 h"}
    assert "Comptabilité" in page.get_by_role("main").inner_text()


def _csrf_token(page) -> str:
    return next(c["value"] for c in page.context.cookies() if c["name"] == "csrftoken")
