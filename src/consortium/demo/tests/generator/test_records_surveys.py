"""The demo's surveys: 96 % would recommend the centre; engagement above its benchmark; this
year's surveys open, the satisfaction one answered by MPEESAD."""

from decimal import Decimal

import pytest

from consortium.surveys.models import Response, Survey
from consortium.surveys.selectors import survey_results, surveys_report

pytestmark = pytest.mark.django_db


def test_48_of_50_member_organisations_would_recommend_the_centre(demo):
    report = surveys_report("2020-2021")
    assert (report["would_recommend_pct"], report["satisfaction_respondents"]) == (
        Decimal("96.0"),
        50,
    )


def test_the_engagement_rate_compares_favourably_with_similar_organisations(demo):
    report = surveys_report("2020-2021")
    assert (report["engagement_pct"], report["engagement_benchmark_pct"]) == (
        Decimal("84.0"),
        Decimal("76.0"),
    )
    assert report["engagement_respondents"] > 0


@pytest.mark.parametrize("year", ["2019-2020", "2021-2022"])
def test_the_years_around_have_both_surveys(demo, year):
    report = surveys_report(year)
    assert report["would_recommend_pct"] > 90
    assert report["engagement_pct"] > report["engagement_benchmark_pct"]


def test_the_satisfaction_answers_give_an_nps_too(demo):
    report = surveys_report("2020-2021")
    assert report["nps_respondents"] == 50
    assert -100 <= report["nps"] <= 100


def test_the_engagement_results_show_every_department_but_one_under_5(demo):
    survey = Survey.objects.get(fiscal_year__name="2020-2021", kind="engagement")
    groups = survey_results(survey).groups
    suppressed = [group.name for group in groups if group.suppressed]
    assert suppressed == ["Formation"]
    assert all(group.respondents >= 5 for group in groups if not group.suppressed)


def test_this_years_satisfaction_survey_is_open_and_answered_by_the_demo_member(demo):
    survey = Survey.objects.get(kind="satisfaction", status="open")
    assert Response.objects.filter(survey=survey, organisation__code="MPEESAD").exists()
    assert Survey.objects.filter(kind="engagement", audience="staff", status="open").exists()
