"""Writes to communications. Every write runs in a transaction and calls `full_clean()`."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from consortium.communications.models import (
    AdCampaign,
    Event,
    EventKind,
    FollowerSnapshot,
    PressCoverage,
    Publication,
    Registration,
)
from consortium.core.fiscal_years import month_period
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
    slug: str,
    date: dt.date,
    kind: str = EventKind.WEBINAR,
    place: str = "",
    online: bool = False,
    capacity: int | None = None,
    registration_open: bool = False,
    description: str = "",
) -> Event:
    """Record an event; its public page lives at /evenements/<slug>/."""
    return row_save(
        Event(),
        title=title,
        slug=slug,
        date=date,
        kind=kind,
        place=place.strip(),
        online=online,
        capacity=capacity,
        registration_open=registration_open,
        description=description,
    )


@transaction.atomic
def event_update(
    *,
    event: Event,
    title: str,
    slug: str,
    date: dt.date,
    kind: str = EventKind.WEBINAR,
    place: str = "",
    online: bool = False,
    capacity: int | None = None,
    registration_open: bool = False,
    description: str = "",
) -> Event:
    return row_save(
        Event.objects.select_for_update().get(pk=event.pk),
        title=title,
        slug=slug,
        date=date,
        kind=kind,
        place=place.strip(),
        online=online,
        capacity=capacity,
        registration_open=registration_open,
        description=description,
    )


@transaction.atomic
def registration_create(
    *, event: Event, name: str, email: str, organisation: str = ""
) -> Registration:
    """Sign someone up: only while registration is open, within the capacity, once per e-mail.

    The event's row is locked first, so two people taking the last seat together cannot both
    get it.
    """
    event = Event.objects.select_for_update().get(pk=event.pk)
    if not event.registration_open:
        raise ValidationError(_("Les inscriptions à cet événement sont fermées."))
    if event.capacity is not None and event.sign_ups.count() >= event.capacity:
        raise ValidationError(_("Cet événement est complet."))
    return row_save(
        Registration(),
        event=event,
        name=name.strip(),
        email=email.strip().lower(),
        organisation=organisation.strip(),
    )


@transaction.atomic
def follower_month_record(
    *, month: dt.date, followers: dict[str, int | None]
) -> list[FollowerSnapshot]:
    """Record one month's followers, channel by channel, as the count of its last day.

    A channel left empty is left alone; a count already taken in that month is replaced, so
    correcting a month is recording it again.
    """
    last_day = month_period(month.year, month.month).end
    saved = []
    for channel, count in followers.items():
        if count is None:
            continue
        snapshot = (
            FollowerSnapshot.objects.select_for_update()
            .filter(channel=channel, date__year=month.year, date__month=month.month)
            .order_by("-date")
            .first()
        )
        saved.append(
            row_save(
                snapshot or FollowerSnapshot(), channel=channel, date=last_day, followers=count
            )
        )
    return saved


@transaction.atomic
def communications_records_delete() -> int:
    """Delete every communications record (the demo rebuilds them); returns how many."""
    deleted = 0
    for model in (Registration, FollowerSnapshot, Publication, AdCampaign, PressCoverage, Event):
        count, _by_model = model.objects.all().delete()
        deleted += count
    return deleted
