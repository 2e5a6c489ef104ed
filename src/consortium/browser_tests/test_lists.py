"""Issue 13.9 and 13.10 in Chromium: French search and sort, and lists people can scan (about 20
rows visible at 1366 × 900, codes and dates on one line, rows per page, the active filters as
removable chips, no "---------", the mandates' default view, every year with data)."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from consortium.core.fiscal_years import fiscal_year_name_for
from consortium.testing.factories import MandateFactory, MandateTypeFactory, OrganisationFactory
from consortium.testing.people import make_people

pytestmark = pytest.mark.browser
LONG_TITLE = "Accompagnement de la direction générale dans la révision de sa planification"


def _mandates(department) -> None:
    today = timezone.localdate()
    cooperative = OrganisationFactory(code="COOP", name="Coopérative forestière d'Élan")
    school = OrganisationFactory(code="ECOLE", name="École de musique du Bas-Saint-Laurent")
    kind = MandateTypeFactory()
    for index in range(45):
        MandateFactory(
            code=f"M-2026-{index:04d}",
            title=LONG_TITLE,
            organisation=cooperative if index % 2 else school,
            department=department,
            mandate_type=kind,
            start=today - dt.timedelta(days=index),
        )
    MandateFactory(
        code="M-FINI", department=department, start=today, status="closed", organisation=school
    )
    MandateFactory(code="M-2016", department=department, start=dt.date(2016, 5, 2))


def _rows_in_view(page) -> int:
    return page.evaluate(
        """() => [...document.querySelectorAll('table.data tbody tr')].filter(row => {
            const box = row.getBoundingClientRect();
            return box.top >= 0 && box.bottom <= window.innerHeight;
        }).length"""
    )


def test_the_mandate_list_is_scanned_filtered_and_searched_in_french(page, signed_in, axe_check):
    people = make_people()
    _mandates(people.expert.department)
    page.set_viewport_size({"width": 1366, "height": 900})
    signed_in(page, people.director)
    page.goto(reverse("mandates:mandate_list"))

    # The default view: the current fiscal year's mandates in progress, said by two chips.
    chips = page.get_by_role("list", name="Filtres actifs")
    current = fiscal_year_name_for(timezone.localdate())
    assert f"Actif pendant l'exercice : {current}" in chips.inner_text()
    assert "Statut : en cours" in chips.inner_text()
    assert "M-FINI" not in page.get_by_role("table").inner_text()
    # No "---------" anywhere; the year filter offers every year with mandates.
    assert "---------" not in page.locator("form.filters").inner_text()
    years = page.get_by_label("Actif pendant l'exercice").locator("option").all_inner_texts()
    assert years[1] == current and years[-1] == "2016-2017"
    axe_check(page)

    # About 20 rows in view at 1366 × 900 once the table is reached; codes and dates never wrap.
    page.locator("table.data").scroll_into_view_if_needed()
    page.evaluate("() => document.querySelector('table.data').scrollIntoView()")
    in_view = _rows_in_view(page)
    assert in_view >= 20
    # And the whole width of the list on a 1280 px screen, without scrolling sideways.
    page.set_viewport_size({"width": 1280, "height": 900})
    overflow = page.locator(".table-wrap").evaluate("wrap => wrap.scrollWidth - wrap.clientWidth")
    assert overflow <= 0
    page.set_viewport_size({"width": 1366, "height": 900})
    for cell in ("tbody th", "tbody td:nth-child(6)"):
        box = page.locator(f"table.data {cell}").first
        height = box.evaluate("cell => cell.getBoundingClientRect().height")
        line = box.evaluate("cell => parseFloat(getComputedStyle(cell).lineHeight)")
        assert height < 2 * line + 12, cell

    # Rows per page.
    assert page.locator("table.data tbody tr").count() == 46  # M-2016 has not ended
    page.get_by_role("link", name="Lignes par page : 25").click()
    page.wait_for_url("**lignes=25**")
    assert page.locator("table.data tbody tr").count() == 25

    # A chip takes its filter off: the closed mandate appears.
    page.get_by_role("link", name="Retirer le filtre Statut : en cours").click()
    page.wait_for_url(lambda address: "status=" in address)
    assert "Statut" not in page.get_by_role("list", name="Filtres actifs").inner_text()
    page.get_by_label("Recherche").fill("ecole")
    with page.expect_navigation():
        page.get_by_role("button", name="Filtrer").click()
    assert "M-FINI" in page.get_by_role("table").inner_text()
    assert "Recherche : ecole" in page.get_by_role("list", name="Filtres actifs").inner_text()
    assert "24 mandats" in page.get_by_role("status").inner_text()
    page.get_by_label("Recherche").fill("COOPERATIVE elan")
    with page.expect_navigation():
        page.get_by_role("button", name="Filtrer").click()
    assert "22 mandats" in page.get_by_role("status").inner_text()


def test_organisations_sort_as_french_readers_expect(page, signed_in):
    people = make_people()
    for code, name in [("ZEN", "Zénith"), ("ECO", "École des arts"), ("EAU", "eau vive")]:
        OrganisationFactory(code=code, name=name)
    OrganisationFactory(code="ABC", name="Abitibi bois")
    signed_in(page, people.director)
    page.goto(reverse("members:organisation_list") + "?q=ecole")
    assert page.get_by_role("rowheader").all_inner_texts() == ["École des arts"]
    page.goto(reverse("members:organisation_list"))
    names = page.get_by_role("rowheader").all_inner_texts()
    assert names == ["Abitibi bois", "eau vive", "École des arts", "Zénith"]
