"""What the communications models refuse, in the user's words."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from consortium.communications.models import AdCampaign, Publication
from consortium.communications.services import (
    ad_campaign_create,
    follower_snapshot_create,
    follower_snapshot_update,
    publication_create,
)
from consortium.testing.factories import FollowerSnapshotFactory

pytestmark = pytest.mark.django_db


def test_a_post_without_a_channel_is_refused():
    with pytest.raises(ValidationError) as refused:
        publication_create(kind="post", date=dt.date(2020, 6, 1), title="Bonjour")
    assert refused.value.message_dict["channel"] == [
        "Une publication sur un réseau social a un canal."
    ]


def test_the_database_also_refuses_a_post_without_a_channel():
    with pytest.raises(IntegrityError):
        Publication.objects.create(kind="post", channel="", date=dt.date(2020, 6, 1), title="x")


def test_a_newsletter_needs_no_channel():
    publication = publication_create(kind="newsletter", date=dt.date(2020, 6, 1), title="Juin")
    assert publication.get_kind_display() == "infolettre"


def test_a_campaign_ending_before_it_starts_is_refused():
    with pytest.raises(ValidationError) as refused:
        ad_campaign_create(
            channel="facebook",
            name="À l'envers",
            start=dt.date(2020, 10, 1),
            end=dt.date(2020, 9, 1),
        )
    assert "Une campagne ne peut finir avant de commencer." in refused.value.messages
    assert not AdCampaign.objects.exists()


def test_a_channels_count_is_corrected_in_place():
    snapshot = follower_snapshot_create(
        channel="linkedin", date=dt.date(2021, 3, 31), followers=700
    )
    follower_snapshot_update(
        snapshot=snapshot, channel="linkedin", date=dt.date(2021, 3, 31), followers=780
    )
    snapshot.refresh_from_db()
    assert snapshot.followers == 780


def test_two_counts_of_one_channel_on_one_day_are_refused_by_the_database():
    FollowerSnapshotFactory(channel="linkedin", date=dt.date(2021, 3, 31))
    with pytest.raises(IntegrityError):
        FollowerSnapshotFactory(channel="linkedin", date=dt.date(2021, 3, 31))


def test_an_unknown_channel_is_refused():
    with pytest.raises(ValidationError) as refused:
        follower_snapshot_create(channel="myspace", date=dt.date(2021, 3, 31), followers=1)
    assert "channel" in refused.value.message_dict
