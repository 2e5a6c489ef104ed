"""Migration 0003: the answers given before the engine become engine responses, and the
report's figures stay the same."""

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from consortium.surveys.selectors import surveys_report

BEFORE = [("surveys", "0002_survey_engine")]
AFTER = [("surveys", "0004_delete_the_old_models")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_old_answers_and_scores_give_the_same_figures():
    old = _migrate(BEFORE)
    year = old.get_model("core", "FiscalYear").objects.create(
        name="2020-2021", start_date=dt.date(2020, 4, 1), end_date=dt.date(2021, 3, 31)
    )
    Organisation = old.get_model("members", "Organisation")
    survey = old.get_model("surveys", "SatisfactionSurvey").objects.create(
        fiscal_year=year, title="Sondage 2020-2021", sent_on=dt.date(2021, 2, 15)
    )
    for index, yes in enumerate([True, True, True, False]):
        organisation = Organisation.objects.create(code=f"ORG{index}", name=f"Org {index}")
        old.get_model("surveys", "SatisfactionAnswer").objects.create(
            survey=survey, organisation=organisation, would_recommend=yes
        )
    engagement = old.get_model("surveys", "EngagementSurvey").objects.create(
        fiscal_year=year, title="Engagement", benchmark_pct=Decimal("76.0")
    )
    for score in ("90.00", "80.00", "82.50", "85.00", "83.50"):
        old.get_model("surveys", "EngagementResponse").objects.create(
            survey=engagement, score=Decimal(score)
        )
    try:
        new = _migrate(AFTER)
        surveys = new.get_model("surveys", "Survey").objects.order_by("kind")
        assert [(s.kind, s.audience, s.status, s.title_fr) for s in surveys] == [
            ("engagement", "staff", "closed", "Engagement"),
            ("satisfaction", "members", "closed", "Sondage 2020-2021"),
        ]
        report = surveys_report("2020-2021")
        assert (
            report["would_recommend_pct"],
            report["satisfaction_respondents"],
            report["engagement_pct"],
            report["engagement_benchmark_pct"],
            report["engagement_respondents"],
        ) == (Decimal("75.0"), 4, Decimal("84.2"), Decimal("76.0"), 5)
    finally:
        _migrate(AFTER)
