"""Writes to surveys: one survey of each kind a year, one answer per organisation."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from consortium.surveys.models import EngagementResponse
from consortium.surveys.services import (
    engagement_response_create,
    engagement_response_update,
    engagement_survey_create,
    engagement_survey_update,
    satisfaction_answer_create,
    satisfaction_answer_record,
    satisfaction_answer_update,
    satisfaction_survey_create,
    satisfaction_survey_ensure,
    satisfaction_survey_update,
)
from consortium.testing.factories import (
    EngagementSurveyFactory,
    OrganisationFactory,
    SurveyYearFactory,
)

pytestmark = pytest.mark.django_db


def test_the_years_satisfaction_survey_is_created_once_and_named_after_the_year():
    year = SurveyYearFactory()
    survey, created = satisfaction_survey_ensure(fiscal_year=year)
    again, created_again = satisfaction_survey_ensure(fiscal_year=year)
    assert (created, created_again, again.pk) == (True, False, survey.pk)
    assert survey.title == "Sondage de satisfaction 2020-2021"


def test_an_organisation_answering_again_replaces_its_answer():
    survey, _created = satisfaction_survey_ensure(fiscal_year=SurveyYearFactory())
    organisation = OrganisationFactory()
    satisfaction_answer_record(survey=survey, organisation=organisation, would_recommend=False)
    answer, created = satisfaction_answer_record(
        survey=survey, organisation=organisation, would_recommend=True
    )
    assert (created, answer.would_recommend, survey.answers.count()) == (False, True, 1)


def test_a_second_engagement_survey_in_a_year_is_refused():
    EngagementSurveyFactory()
    with pytest.raises(ValidationError) as refused:
        engagement_survey_create(fiscal_year=SurveyYearFactory(), title="Encore")
    assert "Cet exercice a déjà son sondage d'engagement." in refused.value.messages


def test_a_score_above_100_is_refused():
    survey = EngagementSurveyFactory()
    engagement_response_create(survey=survey, score=Decimal("80"))
    with pytest.raises(ValidationError):
        engagement_response_create(survey=survey, score=Decimal("101"))
    assert list(EngagementResponse.objects.values_list("score", flat=True)) == [Decimal("80")]


def test_a_score_is_corrected_in_place():
    response = engagement_response_create(survey=EngagementSurveyFactory(), score=Decimal("80"))
    engagement_response_update(response=response, survey=response.survey, score=Decimal("85"))
    response.refresh_from_db()
    assert response.score == Decimal("85")


def test_an_organisation_answers_a_survey_once():
    survey, _created = satisfaction_survey_ensure(fiscal_year=SurveyYearFactory())
    organisation = OrganisationFactory()
    satisfaction_answer_create(survey=survey, organisation=organisation, would_recommend=True)
    with pytest.raises(ValidationError):
        satisfaction_answer_create(survey=survey, organisation=organisation, would_recommend=False)
    assert list(survey.answers.values_list("would_recommend", flat=True)) == [True]


def test_a_second_satisfaction_survey_in_a_year_is_refused():
    year = SurveyYearFactory()
    satisfaction_survey_create(fiscal_year=year, title="Sondage")
    with pytest.raises(ValidationError):
        satisfaction_survey_create(fiscal_year=year, title="Encore")


def test_a_survey_is_renamed_and_an_answer_changed_in_place():
    survey = satisfaction_survey_create(fiscal_year=SurveyYearFactory(), title="Sondage")
    satisfaction_survey_update(survey=survey, fiscal_year=survey.fiscal_year, title="Sondage 2020")
    answer = satisfaction_answer_create(
        survey=survey, organisation=OrganisationFactory(), would_recommend=False
    )
    satisfaction_answer_update(
        answer=answer, survey=survey, organisation=answer.organisation, would_recommend=True
    )
    survey.refresh_from_db()
    assert survey.title == "Sondage 2020"
    assert list(survey.answers.values_list("would_recommend", flat=True)) == [True]


def test_an_engagement_surveys_benchmark_is_corrected():
    survey = EngagementSurveyFactory()
    engagement_survey_update(
        survey=survey,
        fiscal_year=survey.fiscal_year,
        title=survey.title,
        benchmark_pct=Decimal("72.5"),
    )
    survey.refresh_from_db()
    assert survey.benchmark_pct == Decimal("72.5")
