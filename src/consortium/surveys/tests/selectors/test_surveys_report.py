"""`surveys_report(fiscal_year)`: the would-recommend and engagement rates of the year."""

from decimal import Decimal

import pytest

from consortium.surveys.selectors import surveys_report
from consortium.testing.factories import (
    EngagementResponseFactory,
    EngagementSurveyFactory,
    SatisfactionAnswerFactory,
    SatisfactionSurveyFactory,
    SurveyYearFactory,
)

pytestmark = pytest.mark.django_db


def test_the_would_recommend_rate_is_yes_answers_over_all_answers_to_one_decimal():
    survey = SatisfactionSurveyFactory()
    SatisfactionAnswerFactory.create_batch(48, survey=survey, would_recommend=True)
    SatisfactionAnswerFactory.create_batch(2, survey=survey, would_recommend=False)
    report = surveys_report("2020-2021")
    assert (report["would_recommend_pct"], report["satisfaction_respondents"]) == (
        Decimal("96.0"),
        50,
    )


def test_the_engagement_rate_is_the_mean_score_against_the_benchmark():
    survey = EngagementSurveyFactory(benchmark_pct=Decimal("76.0"))
    for score in ("90.00", "80.00", "82.50"):
        EngagementResponseFactory(survey=survey, score=Decimal(score))
    report = surveys_report("2020-2021")
    assert (
        report["engagement_pct"],
        report["engagement_benchmark_pct"],
        report["engagement_respondents"],
    ) == (Decimal("84.2"), Decimal("76.0"), 3)


def test_answers_of_another_year_are_left_out():
    other = SatisfactionSurveyFactory(fiscal_year=SurveyYearFactory(name="2019-2020"))
    SatisfactionAnswerFactory(survey=other, would_recommend=False)
    SatisfactionAnswerFactory(would_recommend=True)
    assert surveys_report("2020-2021")["would_recommend_pct"] == Decimal("100.0")


def test_a_year_without_surveys_has_no_rates():
    assert surveys_report("2020-2021") == {
        "would_recommend_pct": None,
        "satisfaction_respondents": 0,
        "engagement_pct": None,
        "engagement_benchmark_pct": None,
        "engagement_respondents": 0,
    }


def test_it_makes_two_queries_whatever_the_number_of_answers(django_assert_num_queries):
    SatisfactionAnswerFactory.create_batch(5)
    EngagementResponseFactory.create_batch(5)
    with django_assert_num_queries(2):
        surveys_report("2020-2021")
