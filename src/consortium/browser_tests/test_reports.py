"""The reports area inside the workspace (issue 13, point 8): the year that just closed is listed
with what its report still needs, its page shows that checklist, and the report's table of
contents jumps to a section from the keyboard."""

import datetime as dt

import pytest
from dateutil.relativedelta import relativedelta
from django.urls import reverse
from django.utils import timezone

from consortium.core.fiscal_years import fiscal_year_bounds, fiscal_year_name_for
from consortium.testing.factories import (
    FiscalYearFactory,
    MandateFactory,
    ReportTextFactory,
    TimeEntryFactory,
)
from consortium.testing.people import make_people

pytestmark = pytest.mark.browser
REPORTED = "2020-2021"


@pytest.fixture
def years(transactional_db):
    """A report year with its mission written, and the fiscal year that just closed, with hours
    but nothing of its report yet."""
    people = make_people()
    mandate = MandateFactory(department=people.expert.department, start=dt.date(2020, 4, 1))
    closed = fiscal_year_name_for(timezone.localdate() - relativedelta(years=1))
    for name in (REPORTED, closed):
        start, end = fiscal_year_bounds(name)
        FiscalYearFactory(name=name, start_date=start, end_date=end)
        TimeEntryFactory(expert=people.expert, mandate=mandate, date=start + dt.timedelta(days=7))
    ReportTextFactory(fiscal_year=FiscalYearFactory(name=REPORTED))
    return people, closed


def test_the_year_that_just_closed_is_listed_with_its_checklist(page, signed_in, years, axe_check):
    people, closed = years
    signed_in(page, people.communications, next_url=reverse("reports:report_list"))
    assert page.get_by_role("link", name="Rapports", exact=True).get_attribute("aria-current")
    to_prepare = page.locator(".report-pending")
    assert f"Rapport d'activités {closed}" in to_prepare.inner_text()
    assert "Le mot de la présidence" in to_prepare.inner_text()
    assert "Le sondage de satisfaction des membres" in to_prepare.inner_text()
    axe_check(page)
    with page.expect_navigation():
        to_prepare.get_by_role("link", name=f"Rapport d'activités {closed}").click()
    assert page.get_by_role("heading", name="Ce rapport n'est pas encore prêt").is_visible()
    assert "Le budget de l'exercice" in page.locator(".report-checklist").inner_text()
    axe_check(page)


def test_the_table_of_contents_jumps_to_a_section_from_the_keyboard(
    page, signed_in, years, axe_check
):
    people, _closed = years
    signed_in(
        page, people.communications, next_url=reverse("reports:report_detail", args=[REPORTED])
    )
    contents = page.get_by_role("navigation", name="Sommaire")
    link = contents.get_by_role("link", name="Services aux membres")
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**#services")
    section = page.locator("#services")
    top = section.evaluate("element => element.getBoundingClientRect().top")
    assert 0 <= top < 100  # scrolled to the section's heading
    # The next Tab goes on from the section reached, not back to the contents.
    page.keyboard.press("Tab")
    assert page.evaluate(
        "() => document.querySelector('#services').compareDocumentPosition("
        "document.activeElement) & Node.DOCUMENT_POSITION_FOLLOWING"
    )
    axe_check(page)


def test_the_report_fits_a_phone_without_sideways_scrolling(phone_page, signed_in, years):
    people, _closed = years
    signed_in(phone_page, people.communications)
    phone_page.goto(reverse("reports:report_detail", args=[REPORTED]))
    assert phone_page.get_by_role("heading", name="Sommaire").is_visible()
    assert phone_page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
