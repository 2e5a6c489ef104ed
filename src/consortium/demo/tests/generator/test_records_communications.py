"""The demo's communications carry the figures of the 2020-2021 report."""

import datetime as dt
from decimal import Decimal

import pytest

from consortium.communications.selectors import communications_report
from consortium.core.fiscal_years import Period, fiscal_year_period

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def report(demo, django_db_blocker):
    with django_db_blocker.unblock():
        return communications_report(fiscal_year_period("2020-2021"))


def _channel(report: dict, code: str) -> dict:
    return next(row for row in report["channels"] if row["channel"] == code)


def test_linkedin_has_780_followers_up_226_or_40_8_percent_with_122_posts(report):
    linkedin = _channel(report, "linkedin")
    assert (linkedin["followers"], linkedin["gain"], linkedin["gain_pct"], linkedin["posts"]) == (
        780,
        226,
        Decimal("40.8"),
        122,
    )


def test_facebook_has_447_followers_up_223_with_90_posts_and_10_campaigns(report):
    facebook = _channel(report, "facebook")
    assert (
        facebook["followers"],
        facebook["gain"],
        facebook["posts"],
        facebook["campaigns"],
        facebook["impressions"],
    ) == (447, 223, 90, 10, 126_200)


def test_the_facebook_page_grew_only_after_its_relaunch_in_october_2020(demo):
    before_relaunch = communications_report(Period(dt.date(2020, 4, 1), dt.date(2020, 9, 30)))
    assert _channel(before_relaunch, "facebook")["gain"] == 0


def test_22_newsletters_5_press_releases_and_22_expert_columns(report):
    publications = report["publications"]
    assert (
        publications["newsletter"],
        publications["press_release"],
        publications["expert_column"],
    ) == (22, 5, 22)


def test_the_pdsa_ran_3_campaigns_on_google_facebook_and_linkedin_for_over_82_000_impressions(
    report,
):
    pdsa = next(row for row in report["programmes"] if row["programme"] == "PDSA")
    assert (pdsa["campaigns"], sorted(pdsa["channels"])) == (
        3,
        ["Facebook", "Google Ads", "LinkedIn"],
    )
    assert pdsa["impressions"] == 82_150


def test_google_ads_made_29_900_impressions(report):
    assert _channel(report, "google_ads")["impressions"] == 29_900


def test_the_webinar_of_november_18_2020_had_14_registrations(report):
    assert [(e["title"], e["date"], e["registrations"]) for e in report["events"]] == [
        ("Service à la clientèle et grands changements", dt.date(2020, 11, 18), 14)
    ]


def test_the_press_review_holds_the_three_articles_of_the_report(report):
    assert [(p["title"], p["outlet"], p["date"]) for p in report["press"]] == [
        (
            "Le modèle coopératif : une réponse aux nouveaux enjeux économiques",
            "Gestion HEC Montréal",
            dt.date(2020, 9, 16),
        ),
        (
            "Soutenir le développement des entreprises collectives",
            "Les coops de l'information",
            dt.date(2020, 10, 9),
        ),
        (
            "A New Offer of Specialized Support for More than 1,500 Ontario Co-ops",
            "Intrado GlobeNewswire",
            dt.date(2021, 2, 18),
        ),
    ]


@pytest.mark.parametrize("year", ["2019-2020", "2021-2022"])
def test_the_years_around_have_followers_posts_and_newsletters_too(demo, year):
    report = communications_report(fiscal_year_period(year))
    linkedin = _channel(report, "linkedin")
    assert linkedin["gain"] > 0
    assert linkedin["posts"] > 50
    assert report["publications"]["newsletter"] >= 10
