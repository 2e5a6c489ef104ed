"""Writes to surveys: one survey of each kind a year, one answer per organisation."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from consortium.surveys.models import EngagementResponse
from consortium.surveys.services import (
    engagement_responses_record,
    engagement_survey_create,
    satisfaction_answer_record,
    satisfaction_survey_ensure,
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


def test_a_score_above_100_refuses_the_whole_batch():
    survey = EngagementSurveyFactory()
    with pytest.raises(ValidationError):
        engagement_responses_record(survey=survey, scores=[Decimal("80"), Decimal("101")])
    assert not EngagementResponse.objects.exists()
