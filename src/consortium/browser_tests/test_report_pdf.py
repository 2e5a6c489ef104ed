"""The report's PDF through the task queue (issue 15, point 4): « Préparer le PDF » queues it,
the page shows its progress while the worker builds it, then the download link, with no
serious accessibility violation on the way."""

import datetime as dt

import pytest
from django.urls import reverse

from consortium.core.fiscal_years import fiscal_year_bounds
from consortium.core.tasks import run_worker
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
def reported(transactional_db):
    people = make_people()
    mandate = MandateFactory(department=people.expert.department, start=dt.date(2020, 4, 1))
    start, end = fiscal_year_bounds(REPORTED)
    year = FiscalYearFactory(name=REPORTED, start_date=start, end_date=end)
    TimeEntryFactory(expert=people.expert, mandate=mandate, date=start + dt.timedelta(days=7))
    ReportTextFactory(fiscal_year=year)
    return people


def test_the_pdf_is_prepared_by_the_worker_while_the_page_shows_its_progress(
    page, signed_in, reported, axe_check
):
    signed_in(page, reported.owner, next_url=reverse("reports:report_detail", args=[REPORTED]))
    card = page.locator("#report-pdf")
    card.get_by_role("button", name="Préparer le PDF").click()
    page.locator("#report-pdf progress").wait_for()
    assert "PDF en file" in page.locator("#report-pdf").inner_text()
    axe_check(page)

    assert run_worker(once=True) == 1  # the worker, here in the test's process

    download = page.locator("#report-pdf").get_by_role("link", name="Télécharger le PDF")
    download.wait_for(timeout=10_000)  # the page polls every 2 s
    axe_check(page)
    response = page.request.get(download.get_attribute("href"))
    assert response.status == 200
    assert response.body().startswith(b"%PDF")
