"""Issue 13, point 7, in Chromium: the director's dashboard answers first (the organisations
served most and the under-used experts above the fold at 1366 × 900), its utilisation table by
expert sorts and filters, and a chart's row leads to the filtered list of mandates."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from consortium.testing.factories import (
    DepartmentFactory,
    ExpertFactory,
    MandateFactory,
    OrganisationFactory,
    TimeEntryFactory,
)
from consortium.testing.people import make_people

pytestmark = pytest.mark.browser
LAPTOP = {"width": 1366, "height": 900}
YEAR = "2020-2021"


def _centre():
    """A centre of 32 experts in two departments, most of them barely used; the training
    department's busy ones serve one organisation most."""
    people = make_people()
    accounting = people.expert.department
    training = DepartmentFactory(code="FOR", name_fr="Formation")
    busy = OrganisationFactory(name="Coop Très Servie")
    other = OrganisationFactory(name="Coop Peu Servie")
    mandates = {
        accounting: MandateFactory(organisation=other, department=accounting),
        training: MandateFactory(organisation=busy, department=training),
    }
    for number in range(30):
        department = accounting if number % 2 else training
        expert = ExpertFactory(department=department, last_name=f"Expert{number:02d}")
        # A few days of work from April 2020 for most; a busy year for every sixth (in training).
        days = 365 if number % 6 == 0 else 3 + number
        for offset in range(days):
            day = dt.date(2020, 4, 1) + dt.timedelta(days=offset)
            if day.weekday() < 5:
                TimeEntryFactory(
                    expert=expert, mandate=mandates[department], date=day, hours=Decimal("7")
                )
    return people, training


def test_the_director_reads_the_answers_first_sorts_filters_and_follows_a_chart(
    page, signed_in, axe_check
):
    people, training = _centre()
    page.set_viewport_size(LAPTOP)
    signed_in(page, people.director)
    page.goto(reverse("dashboards:dashboard") + f"?exercice={YEAR}")

    # The two answers are above the fold.
    for title in ("Organisations les plus servies", "Experts sous-utilisés"):
        box = page.get_by_role("heading", name=title).bounding_box()
        assert box is not None and box["y"] + box["height"] <= LAPTOP["height"], title
    first_organisation = page.locator("#organisations-title ~ .table-wrap tbody th").first
    assert first_organisation.inner_text() == "Coop Très Servie"
    assert first_organisation.bounding_box()["y"] < LAPTOP["height"]
    under_used = page.locator("#under-used-title ~ .table-wrap tbody tr")
    assert under_used.count() == 5
    see_all = page.get_by_role("link", name="Voir tous les experts sous 60 %")
    assert see_all.bounding_box()["y"] < LAPTOP["height"]
    # The table of every expert waits, collapsed, below the answers.
    experts_table = page.locator("#utilisation-experts-table")
    assert not experts_table.is_visible()
    axe_check(page)

    # Sorting: the lowest rate first, then the highest.
    page.get_by_text("Par expert (").click()
    page.locator("#utilisation-experts-table").get_by_role("link", name="Taux").click()
    page.wait_for_url("**sort=taux*")
    rates = _rates(page)
    assert len(rates) == 32 and rates == sorted(rates)
    page.locator("#utilisation-experts-table").get_by_role("link", name="Taux").click()
    page.wait_for_url("**sort=-taux*")
    assert _rates(page) == sorted(rates, reverse=True)

    # Filtering: the training department's experts under 60 %.
    page.get_by_label("Département", exact=True).last.select_option(str(training.pk))
    page.get_by_label("Seuil").select_option("sous")
    page.get_by_role("button", name="Filtrer").click()
    page.wait_for_url("**seuil=sous*")
    rows = experts_table.locator("tbody tr")
    assert 0 < rows.count() < 15
    assert all(rate < 60 for rate in _rates(page))
    assert set(experts_table.locator("tbody tr td:nth-child(2)").all_inner_texts()) == {"Formation"}
    axe_check(page)

    # A chart takes its card's width; its row leads to the list of mandates, filtered by it.
    page.goto(reverse("dashboards:dashboard") + f"?exercice={YEAR}")
    for figure in page.locator("figure.chart").all():
        chart, card = figure.locator("svg").bounding_box(), figure.bounding_box()
        assert abs(chart["width"] - card["width"]) < 2, (chart, card)
    page.locator("#departments-title ~ .table-wrap").get_by_role("link", name="Formation").click()
    page.wait_for_url(f"**department={training.pk}*")
    main = page.get_by_role("main").inner_text()
    assert "Coop Très Servie" in main and "Coop Peu Servie" not in main


def _rates(page) -> list[float]:
    texts = page.locator("#utilisation-experts-table tbody td:last-child").all_inner_texts()
    return [
        float(text.replace("\u202f", "").replace("\xa0", "").replace("%", "").replace(",", "."))
        for text in texts
    ]
