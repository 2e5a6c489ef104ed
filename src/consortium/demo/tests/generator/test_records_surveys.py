"""The demo's surveys: 96 % would recommend the centre; engagement above its benchmark."""

from decimal import Decimal

import pytest

from consortium.surveys.selectors import surveys_report

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
