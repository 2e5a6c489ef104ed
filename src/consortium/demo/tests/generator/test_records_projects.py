"""The demo's structuring projects, read through the report's selector (demo built once)."""

import pytest
from django.utils import translation

from consortium.core.fiscal_years import fiscal_year_period
from consortium.projects.selectors import projects_report

pytestmark = pytest.mark.django_db


def test_the_three_projects_of_the_report_run_in_2020_2021(demo):
    titles = [project["title"] for project in projects_report(fiscal_year_period("2020-2021"))]
    assert len(titles) == 3
    assert "Optimisation des épargnes (20-21)" in titles


def test_the_work_family_balance_project_has_its_two_volets_of_five_deliverables(demo):
    [project] = [
        project
        for project in projects_report(fiscal_year_period("2020-2021"))
        if project["funder"] == "Ministère de la Famille (MFA)"
    ]
    assert [phase["title"] for phase in project["phases"]] == [
        "Volet 1 – Interne Consortium",
        "Volet 2 – Membres du Consortium",
    ]
    assert [len(phase["deliverables"]) for phase in project["phases"]] == [5, 5]


def test_every_project_is_described_in_french_and_in_english(demo):
    french = projects_report(fiscal_year_period("2020-2021"))
    with translation.override("en"):
        english = projects_report(fiscal_year_period("2020-2021"))
    for fr, en in zip(french, english, strict=True):
        assert fr["description"] and en["description"]
        assert fr["description"] != en["description"]
        assert fr["amount"] > 0


def test_every_project_has_a_checklist_owners_expenses_and_approved_hours(demo):
    from consortium.projects.models import StructuringProject
    from consortium.projects.selectors import project_figures

    figures = [project_figures(p) for p in StructuringProject.objects.order_by("code")]
    assert len(figures) == 4  # the three of the report, and one running now
    for figure in figures:
        assert len(figure.checklist) == 3
        assert all(d.owner and d.due_date for d in figure.deliverables)
        assert 0 < figure.spent < figure.project.amount
        assert figure.planned_hours > 0
    # The one running now is charged hours of weeks already approved.
    [current] = [f for f in figures if f.project.code == "NUM-COOP"]
    assert current.links and current.actual_hours > 0
