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
from consortium.core.services import row_save


@transaction.atomic
def follower_snapshot_create(*, channel: str, date: dt.date, followers: int) -> FollowerSnapshot:
    """Record a channel's followers on a day; refused if that day already has its count."""
    return row_save(FollowerSnapshot(), channel=channel, date=date, followers=followers)


@transaction.atomic
def follower_snapshot_update(
    *, snapshot: FollowerSnapshot, channel: str, date: dt.date, followers: int
) -> FollowerSnapshot:
    return row_save(
        FollowerSnapshot.objects.select_for_update().get(pk=snapshot.pk),
        channel=channel,
        date=date,
        followers=followers,
    )


@transaction.atomic
def publication_create(
    *, kind: str, date: dt.date, title: str, channel: str = "", url: str = ""
) -> Publication:
    """Record a publication; a post on a social network names its channel."""
    return row_save(Publication(), kind=kind, channel=channel, date=date, title=title, url=url)


@transaction.atomic
def publication_update(
    *,
    publication: Publication,
    kind: str,
    date: dt.date,
    title: str,
    channel: str = "",
    url: str = "",
) -> Publication:
    return row_save(
        Publication.objects.select_for_update().get(pk=publication.pk),
        kind=kind,
        channel=channel,
        date=date,
        title=title,
        url=url,
    )


@transaction.atomic
def ad_campaign_create(
    *,
    channel: str,
    name: str,
    start: dt.date,
    end: dt.date,
    impressions: int = 0,
    programme: str = "",
) -> AdCampaign:
    """Record a campaign; it may not end before it starts."""
    return row_save(
        AdCampaign(),
        channel=channel,
        programme=programme.strip(),
        name=name,
        start=start,
        end=end,
        impressions=impressions,
    )


@transaction.atomic
def ad_campaign_update(
    *,
    campaign: AdCampaign,
    channel: str,
    name: str,
    start: dt.date,
    end: dt.date,
    impressions: int = 0,
    programme: str = "",
) -> AdCampaign:
    return row_save(
        AdCampaign.objects.select_for_update().get(pk=campaign.pk),
        channel=channel,
        programme=programme.strip(),
        name=name,
        start=start,
        end=end,
        impressions=impressions,
    )


@transaction.atomic
def press_coverage_create(
    *, title: str, outlet: str, date: dt.date, url: str = ""
) -> PressCoverage:
    return row_save(PressCoverage(), title=title, outlet=outlet, date=date, url=url)


@transaction.atomic
def press_coverage_update(
    *, coverage: PressCoverage, title: str, outlet: str, date: dt.date, url: str = ""
) -> PressCoverage:
    return row_save(
        PressCoverage.objects.select_for_update().get(pk=coverage.pk),
        title=title,
        outlet=outlet,
        date=date,
        url=url,
    )


@transaction.atomic
def event_create(
    *,
    title: str,
    date: dt.date,
    kind: str = EventKind.WEBINAR,
    registrations: int = 0,
    description: str = "",
) -> Event:
    return row_save(
        Event(),
        title=title,
        date=date,
        kind=kind,
        registrations=registrations,
        description=description,
    )


@transaction.atomic
def event_update(
    *,
    event: Event,
    title: str,
    date: dt.date,
    kind: str = EventKind.WEBINAR,
    registrations: int = 0,
    description: str = "",
) -> Event:
    return row_save(
        Event.objects.select_for_update().get(pk=event.pk),
        title=title,
        date=date,
        kind=kind,
        registrations=registrations,
        description=description,
    )


@transaction.atomic
def communications_records_delete() -> int:
    """Delete every communications record (the demo rebuilds them); returns how many."""
    deleted = 0
    for model in (FollowerSnapshot, Publication, AdCampaign, PressCoverage, Event):
        count, _by_model = model.objects.all().delete()
        deleted += count
    return deleted
