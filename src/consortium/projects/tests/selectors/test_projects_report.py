import datetime as dt
from decimal import Decimal

import pytest
from django.utils import translation

from consortium.core.fiscal_years import Period
from consortium.projects.selectors import projects_report
from consortium.testing.factories import (
    DeliverableFactory,
    ProjectPhaseFactory,
    StructuringProjectFactory,
)

pytestmark = pytest.mark.django_db

YEAR = Period(dt.date(2020, 4, 1), dt.date(2021, 3, 31), "2020-2021")


def test_projects_running_during_the_period_are_listed_by_start():
    StructuringProjectFactory(title="Plus tard", start=dt.date(2020, 9, 1), end=None)
    StructuringProjectFactory(title="D'abord", start=dt.date(2019, 4, 1), end=dt.date(2020, 4, 1))
    StructuringProjectFactory(title="Fini", start=dt.date(2019, 4, 1), end=dt.date(2020, 3, 31))
    StructuringProjectFactory(title="Futur", start=dt.date(2021, 4, 1))
    assert [project["title"] for project in projects_report(YEAR)] == ["D'abord", "Plus tard"]


def test_a_project_carries_its_volets_and_deliverables_in_order():
    project = StructuringProjectFactory(funder="MFA", programme="CFT", amount=Decimal("62500"))
    second = ProjectPhaseFactory(project=project, order=2, title_fr="Volet 2 – Membres")
    first = ProjectPhaseFactory(project=project, order=1, title_fr="Volet 1 – Interne")
    DeliverableFactory(phase=first, order=2, title_fr="Sceau Concilivi")
    DeliverableFactory(phase=first, order=1, title_fr="Sondage interne", status="done")
    [report] = projects_report(YEAR)
    assert (report["funder"], report["programme"], report["amount"]) == (
        "MFA",
        "CFT",
        Decimal("62500.00"),
    )
    assert [phase["title"] for phase in report["phases"]] == [first.title_fr, second.title_fr]
    assert report["phases"][0]["deliverables"] == [
        {"title": "Sondage interne", "status": "done", "status_label": "réalisé"},
        {"title": "Sceau Concilivi", "status": "planned", "status_label": "prévu"},
    ]
    assert report["phases"][1]["deliverables"] == []


def test_descriptions_and_titles_follow_the_active_language():
    phase = ProjectPhaseFactory(title_fr="Formation des employés", title_en="Employee training")
    DeliverableFactory(phase=phase, title_fr="Soutien TI", title_en="IT support")
    with translation.override("en"):
        [report] = projects_report(YEAR)
    assert report["description"] == "English description."
    assert report["phases"][0]["title"] == "Employee training"
    assert report["phases"][0]["deliverables"][0]["title"] == "IT support"
    assert projects_report(YEAR)[0]["description"] == "Description en français."


def test_the_report_takes_three_queries_whatever_the_projects(django_assert_num_queries):
    for _project in range(3):
        phase = ProjectPhaseFactory()
        DeliverableFactory.create_batch(3, phase=phase)
        ProjectPhaseFactory(project=phase.project)
    with django_assert_num_queries(3):
        projects_report(YEAR)
