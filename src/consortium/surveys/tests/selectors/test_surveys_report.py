"""`surveys_report(fiscal_year)`: the would-recommend rate, the NPS and the engagement rate of
the year, read from the answers."""

from decimal import Decimal

import pytest

from consortium.surveys.selectors import surveys_report
from consortium.testing.factories import (
    EngagementResponseFactory,
    EngagementSurveyFactory,
    ResponseFactory,
    SatisfactionResponseFactory,
    SatisfactionSurveyFactory,
    SurveyYearFactory,
)

pytestmark = pytest.mark.django_db


def test_the_would_recommend_rate_is_yes_answers_over_all_answers_to_one_decimal():
    SatisfactionResponseFactory.create_batch(48, would_recommend=True)
    SatisfactionResponseFactory.create_batch(2, would_recommend=False)
    report = surveys_report("2020-2021")
    assert (report["would_recommend_pct"], report["satisfaction_respondents"]) == (
        Decimal("96.0"),
        50,
    )


def test_the_nps_comes_from_the_0_to_10_answers():
    for value in range(11):
        SatisfactionResponseFactory(likelihood=value)
    report = surveys_report("2020-2021")
    assert (report["nps"], report["nps_respondents"]) == (Decimal("-45.5"), 11)


def test_the_engagement_rate_is_the_share_of_favourable_items_against_the_benchmark():
    EngagementSurveyFactory(benchmark_pct=Decimal("76.0"))
    # 5 people, 3 items each: 15 items, 2 « ne s'applique pas », 11 favourable of 13 → 84,6 %
    for scores in ([5, 4, 4], [4, 4, "na"], [5, 5, 5], [2, 4, 3], [4, "na", 4]):
        EngagementResponseFactory(scores=scores)
    report = surveys_report("2020-2021")
    assert (
        report["engagement_pct"],
        report["engagement_benchmark_pct"],
        report["engagement_respondents"],
    ) == (Decimal("84.6"), Decimal("76.0"), 5)


def test_fewer_than_5_respondents_give_no_engagement_rate():
    for _person in range(4):
        EngagementResponseFactory(scores=[5, 5, 5])
    report = surveys_report("2020-2021")
    assert (report["engagement_pct"], report["engagement_respondents"]) == (None, 4)


def test_a_survey_carried_over_from_before_the_engine_gives_its_mean_score():
    survey = EngagementSurveyFactory(benchmark_pct=Decimal("76.0"))
    for score in ("90.00", "80.00", "82.50", "85.00", "83.50"):
        ResponseFactory(survey=survey, organisation=None, legacy_score=Decimal(score))
    assert surveys_report("2020-2021")["engagement_pct"] == Decimal("84.2")


def test_answers_of_another_year_are_left_out():
    other = SatisfactionSurveyFactory(fiscal_year=SurveyYearFactory(name="2019-2020"))
    SatisfactionResponseFactory(survey=other, would_recommend=False)
    SatisfactionResponseFactory(would_recommend=True)
    assert surveys_report("2020-2021")["would_recommend_pct"] == Decimal("100.0")


def test_a_year_without_surveys_has_no_rates():
    assert surveys_report("2020-2021") == {
        "would_recommend_pct": None,
        "satisfaction_respondents": 0,
        "nps": None,
        "nps_respondents": 0,
        "engagement_pct": None,
        "engagement_benchmark_pct": None,
        "engagement_respondents": 0,
    }


@pytest.mark.parametrize("people", [5, 20])
def test_it_makes_two_queries_whatever_the_number_of_answers(django_assert_num_queries, people):
    SatisfactionResponseFactory.create_batch(people, likelihood=9)
    for _person in range(people):
        EngagementResponseFactory(scores=[4, 5, 3])
    with django_assert_num_queries(2):
        surveys_report("2020-2021")
