from decimal import Decimal

import pytest

from consortium.core.tests.admin_pages import (
    admin_url,
    changelist_rows,
    page_text,
    queries_to_render,
)
from consortium.testing.factories import (
    EngagementResponseFactory,
    EngagementSurveyFactory,
    SatisfactionAnswerFactory,
    SatisfactionSurveyFactory,
)

pytestmark = pytest.mark.django_db


def test_the_satisfaction_survey_list_counts_answers_and_yeses(admin_client):
    survey = SatisfactionSurveyFactory()
    SatisfactionAnswerFactory.create_batch(3, survey=survey, would_recommend=True)
    SatisfactionAnswerFactory(survey=survey, would_recommend=False)
    rows = changelist_rows(admin_client, "surveys_satisfactionsurvey_changelist")
    assert [(s.answer_count, s.yes_count) for s in rows] == [(4, 3)]
    assert "Recommanderaient" in page_text(admin_client, "surveys_satisfactionsurvey_changelist")


def test_the_engagement_survey_list_shows_the_mean_score(admin_client):
    survey = EngagementSurveyFactory()
    EngagementResponseFactory(survey=survey, score=Decimal("80"))
    EngagementResponseFactory(survey=survey, score=Decimal("90"))
    assert "85.0" in page_text(admin_client, "surveys_engagementsurvey_changelist")


def test_the_answer_search_finds_an_organisation_by_name(admin_client):
    SatisfactionAnswerFactory(organisation__name="Coopérative de santé Alpha")
    SatisfactionAnswerFactory(organisation__name="Mutuelle Bêta")
    rows = changelist_rows(admin_client, "surveys_satisfactionanswer_changelist", "?q=alpha")
    assert [answer.organisation.name for answer in rows] == ["Coopérative de santé Alpha"]


@pytest.mark.parametrize(
    "view",
    [
        "surveys_satisfactionsurvey_changelist",
        "surveys_satisfactionanswer_changelist",
        "surveys_engagementsurvey_changelist",
        "surveys_engagementresponse_changelist",
    ],
)
def test_every_list_opens_in_english(admin_client, view):
    assert "Filter" in page_text(admin_client, view, language="en")


def test_the_answer_list_takes_the_same_queries_for_many_rows(admin_client):
    survey = SatisfactionSurveyFactory()
    SatisfactionAnswerFactory(survey=survey)
    url = admin_url("surveys_satisfactionanswer_changelist")
    few = queries_to_render(admin_client, url)
    SatisfactionAnswerFactory.create_batch(15, survey=survey)
    assert queries_to_render(admin_client, url) == few
