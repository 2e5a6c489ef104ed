"""`communications_report(period)`: the communications page of the activity report."""

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import translation

from consortium.communications.selectors import communications_report
from consortium.core.fiscal_years import Period
from consortium.testing.factories import (
    AdCampaignFactory,
    EventFactory,
    FollowerSnapshotFactory,
    PressCoverageFactory,
    PublicationFactory,
    RegistrationFactory,
)

pytestmark = pytest.mark.django_db

YEAR = Period(dt.date(2020, 4, 1), dt.date(2021, 3, 31), "2020-2021")


def _channel(report: dict, code: str) -> dict:
    return next(row for row in report["channels"] if row["channel"] == code)


def test_followers_are_the_last_count_of_the_period_and_the_gain_is_over_the_last_one_before():
    FollowerSnapshotFactory(channel="linkedin", date=dt.date(2020, 1, 31), followers=500)
    FollowerSnapshotFactory(channel="linkedin", date=dt.date(2020, 3, 31), followers=554)
    FollowerSnapshotFactory(channel="linkedin", date=dt.date(2021, 3, 31), followers=780)
    FollowerSnapshotFactory(channel="linkedin", date=dt.date(2021, 4, 30), followers=800)
    linkedin = _channel(communications_report(YEAR), "linkedin")
    assert (linkedin["followers"], linkedin["gain"], linkedin["gain_pct"]) == (
        780,
        226,
        Decimal("40.8"),
    )


def test_a_channel_counted_only_during_the_period_gains_all_its_followers_without_a_percentage():
    FollowerSnapshotFactory(channel="instagram", date=dt.date(2020, 10, 31), followers=120)
    instagram = _channel(communications_report(YEAR), "instagram")
    assert (instagram["followers"], instagram["gain"], instagram["gain_pct"]) == (120, 120, None)


def test_posts_and_campaigns_are_counted_by_channel_within_the_period():
    PublicationFactory.create_batch(3, channel="facebook", date=dt.date(2020, 11, 1))
    PublicationFactory(channel="facebook", date=dt.date(2020, 3, 31))
    AdCampaignFactory(channel="facebook", start=dt.date(2020, 10, 1), impressions=1000)
    AdCampaignFactory(channel="facebook", start=dt.date(2021, 3, 20), impressions=2500)
    AdCampaignFactory(channel="facebook", start=dt.date(2021, 4, 1), impressions=9999)
    facebook = _channel(communications_report(YEAR), "facebook")
    assert (facebook["posts"], facebook["campaigns"], facebook["impressions"]) == (3, 2, 3500)
    assert facebook["label"] == "Facebook"


def test_a_channel_without_data_is_left_out_and_channels_follow_their_usual_order():
    AdCampaignFactory(channel="google_ads", start=dt.date(2021, 2, 1))
    PublicationFactory(channel="linkedin", date=dt.date(2020, 5, 1))
    report = communications_report(YEAR)
    assert [row["channel"] for row in report["channels"]] == ["linkedin", "google_ads"]


def test_publications_are_counted_by_kind_with_zero_for_kinds_not_published():
    PublicationFactory.create_batch(2, kind="newsletter", channel="newsletter")
    PublicationFactory(kind="press_release", channel="")
    PublicationFactory(kind="expert_column", channel="website", date=dt.date(2019, 6, 1))
    assert communications_report(YEAR)["publications"] == {
        "post": 0,
        "newsletter": 2,
        "press_release": 1,
        "expert_column": 0,
    }


def test_campaigns_of_a_programme_are_summed_with_the_channels_they_ran_on():
    AdCampaignFactory(channel="google_ads", programme="PDSA", impressions=29_900)
    AdCampaignFactory(channel="facebook", programme="PDSA", impressions=31_400)
    AdCampaignFactory(channel="linkedin", programme="PDSA", impressions=20_850)
    AdCampaignFactory(channel="facebook", programme="", impressions=5_000)
    assert communications_report(YEAR)["programmes"] == [
        {
            "programme": "PDSA",
            "campaigns": 3,
            "impressions": 82_150,
            "channels": ["LinkedIn", "Facebook", "Google Ads"],
        }
    ]


def test_events_and_press_coverage_are_those_dated_in_the_period_in_order():
    webinar = EventFactory(title="Webinaire", date=dt.date(2020, 11, 18))
    RegistrationFactory.create_batch(14, event=webinar)
    EventFactory(title="Trop tôt", date=dt.date(2020, 3, 1))
    PressCoverageFactory(title="B", outlet="Gestion HEC Montréal", date=dt.date(2020, 10, 9))
    PressCoverageFactory(title="A", outlet="Le Devoir", date=dt.date(2020, 9, 16))
    report = communications_report(YEAR)
    assert [(e["title"], e["date"], e["registrations"]) for e in report["events"]] == [
        ("Webinaire", dt.date(2020, 11, 18), 14)
    ]
    assert [(p["title"], p["outlet"], p["date"]) for p in report["press"]] == [
        ("A", "Le Devoir", dt.date(2020, 9, 16)),
        ("B", "Gestion HEC Montréal", dt.date(2020, 10, 9)),
    ]


def test_labels_are_given_in_the_language_active_when_the_report_is_made():
    PublicationFactory(channel="website", kind="post")
    with translation.override("en"):
        english = _channel(communications_report(YEAR), "website")["label"]
        expected = translation.gettext("site Web")
    assert english == expected
    assert _channel(communications_report(YEAR), "website")["label"] == "site Web"


def test_it_makes_five_queries_whatever_the_number_of_records(django_assert_num_queries):
    for channel in ("linkedin", "facebook", "instagram"):
        FollowerSnapshotFactory(channel=channel, date=dt.date(2020, 3, 31))
        FollowerSnapshotFactory(channel=channel, date=dt.date(2020, 12, 31))
        PublicationFactory.create_batch(3, channel=channel)
        AdCampaignFactory.create_batch(2, channel=channel, programme=channel.upper())
    EventFactory.create_batch(3)
    PressCoverageFactory.create_batch(3)
    with django_assert_num_queries(5):
        communications_report(YEAR)


def test_an_empty_period_gives_zeros_and_empty_lists():
    assert communications_report(YEAR) == {
        "channels": [],
        "publications": {"post": 0, "newsletter": 0, "press_release": 0, "expert_column": 0},
        "programmes": [],
        "events": [],
        "press": [],
    }
