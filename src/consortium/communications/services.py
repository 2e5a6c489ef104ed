"""Writes to communications. Every write runs in a transaction and calls `full_clean()`."""

import datetime as dt

from django.db import transaction

from consortium.communications.models import (
    AdCampaign,
    Event,
    EventKind,
    FollowerSnapshot,
    PressCoverage,
    Publication,
)


@transaction.atomic
def follower_snapshot_record(
    *, channel: str, date: dt.date, followers: int
) -> tuple[FollowerSnapshot, bool]:
    """Record a channel's followers on a day, replacing that day's count; says if created."""
    snapshot = (
        FollowerSnapshot.objects.select_for_update().filter(channel=channel, date=date).first()
    )
    created = snapshot is None
    if snapshot is None:
        snapshot = FollowerSnapshot(channel=channel, date=date)
    snapshot.followers = followers
    snapshot.full_clean()
    snapshot.save()
    return snapshot, created


@transaction.atomic
def publication_record(
    *, kind: str, date: dt.date, title: str, channel: str = "", url: str = ""
) -> Publication:
    publication = Publication(kind=kind, channel=channel, date=date, title=title, url=url)
    publication.full_clean()
    publication.save()
    return publication


@transaction.atomic
def ad_campaign_record(
    *,
    channel: str,
    name: str,
    start: dt.date,
    end: dt.date,
    impressions: int = 0,
    programme: str = "",
) -> AdCampaign:
    campaign = AdCampaign(
        channel=channel,
        programme=programme.strip(),
        name=name,
        start=start,
        end=end,
        impressions=impressions,
    )
    campaign.full_clean()
    campaign.save()
    return campaign


@transaction.atomic
def press_coverage_record(
    *, title: str, outlet: str, date: dt.date, url: str = ""
) -> PressCoverage:
    coverage = PressCoverage(title=title, outlet=outlet, date=date, url=url)
    coverage.full_clean()
    coverage.save()
    return coverage


@transaction.atomic
def event_record(
    *,
    title: str,
    date: dt.date,
    kind: str = EventKind.WEBINAR,
    registrations: int = 0,
    description: str = "",
) -> Event:
    event = Event(
        title=title, date=date, kind=kind, registrations=registrations, description=description
    )
    event.full_clean()
    event.save()
    return event


@transaction.atomic
def communications_records_delete() -> int:
    """Delete every communications record (the demo rebuilds them); returns how many."""
    deleted = 0
    for model in (FollowerSnapshot, Publication, AdCampaign, PressCoverage, Event):
        count, _by_model = model.objects.all().delete()
        deleted += count
    return deleted
