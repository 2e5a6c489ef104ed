"""Preparing the report of the year that just closed (issue 14, points 8 and 9): a director opens
its preparation page, sees what is missing, writes the director general's message in French and
in English with a preview, prepares the report, opens it and finds no absurd figure."""

import datetime as dt
import re

import pytest
from dateutil.relativedelta import relativedelta
from django.urls import reverse
from django.utils import timezone

from consortium.core.fiscal_years import fiscal_year_bounds, fiscal_year_name_for
from consortium.reports.models import ReportPreparation, ReportText
from consortium.testing.factories import FiscalYearFactory, MandateFactory, TimeEntryFactory
from consortium.testing.people import make_people

pytestmark = pytest.mark.browser


@pytest.fixture
def closed_year(transactional_db):
    """The year that just closed, with hours and nothing else: no text, no finance, no survey."""
    people = make_people()
    closed = fiscal_year_name_for(timezone.localdate() - relativedelta(years=1))
    start, _end = fiscal_year_bounds(closed)
    FiscalYearFactory(name=closed, start_date=start)
    mandate = MandateFactory(department=people.expert.department, start=start)
    TimeEntryFactory(expert=people.expert, mandate=mandate, date=start + dt.timedelta(days=7))
    return people, closed


def test_a_director_prepares_the_year_that_just_closed(page, signed_in, closed_year, axe_check):
    people, closed = closed_year
    signed_in(page, people.director, next_url=reverse("reports:report_list"))
    with page.expect_navigation():
        page.get_by_role("link", name=f"Préparer le rapport {closed}").click()
    assert page.get_by_role("heading", name=f"Préparation du rapport {closed}").is_visible()
    finance = page.locator("#section-finances")
    assert "laissée de côté : aucune donnée" in finance.inner_text()
    assert "Aucun résultat financier de l'exercice" in finance.inner_text()
    assert (
        "Aucun sondage de satisfaction des membres"
        in page.locator("#section-services").inner_text()
    )
    axe_check(page)

    with page.expect_navigation():
        page.get_by_role(
            "link", name="saisir : Texte à écrire : mot de la direction générale"
        ).click()
    page.get_by_role("textbox", name="Titre (français)", exact=True).fill("Une année de relance")
    page.get_by_role("textbox", name="Texte (français)", exact=True).fill(
        "Nous avons tenu le cap.\n\nMerci à l'équipe."
    )
    page.get_by_role("textbox", name="Titre (anglais)", exact=True).fill("A year of recovery")
    page.get_by_role("textbox", name="Texte (anglais)", exact=True).fill(
        "We held our course.\n\nThanks to the team."
    )
    page.get_by_role("textbox", name="Fonction du signataire (français)", exact=True).fill(
        "Directrice générale"
    )
    page.get_by_role("textbox", name="Fonction du signataire (anglais)", exact=True).fill(
        "General Manager"
    )
    page.get_by_role("textbox", name="Signataire", exact=True).fill("Camille Roy")
    with page.expect_navigation():
        page.get_by_role("button", name="Aperçu du texte").click()
    preview = page.locator(".report-preview")
    assert "Merci à l'équipe." in preview.inner_text()
    assert "Thanks to the team." in preview.inner_text()
    assert not ReportText.objects.exists()  # a preview saves nothing
    axe_check(page)
    with page.expect_navigation():
        page.get_by_role("button", name="Enregistrer").click()
    assert "écrit" in page.locator(".report-texts").inner_text()

    with page.expect_navigation():
        page.get_by_role("button", name="Préparer le rapport").click()
    assert ReportPreparation.objects.filter(fiscal_year__name=closed).exists()
    report = page.locator("article.report").inner_text()
    assert "Nous avons tenu le cap." in report
    assert "Affaires financières" not in report
    for absurd in (r"diminution de 100", r"de — de", r"[-+]\d+ entreprises", r"— des répondants"):
        assert not re.search(absurd, report), absurd
    axe_check(page)


def test_the_text_form_and_the_preparation_page_fit_a_phone(
    phone_page, signed_in, closed_year, axe_check
):
    people, closed = closed_year
    signed_in(
        phone_page,
        people.communications,
        next_url=reverse("reports:report_text_edit", args=[closed, "mission"]),
    )
    width = phone_page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 390
    axe_check(phone_page)
    phone_page.goto(reverse("reports:report_preparation", args=[closed]))
    assert phone_page.evaluate("() => document.documentElement.scrollWidth") <= 390
    axe_check(phone_page)
