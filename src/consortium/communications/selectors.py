"""The communications figures of a period, as the activity report prints them.

`communications_report` makes five queries whatever the number of records: followers, publications,
campaigns, events and press coverage.
"""

import datetime as dt
from collections import defaultdict

from django.db.models import Count, Max, Min, OuterRef, Q, QuerySet, Subquery, Sum

from consortium.communications.models import (
    AdCampaign,
    Channel,
    Event,
    FollowerSnapshot,
    PressCoverage,
    Publication,
    PublicationKind,
)
from consortium.core.fiscal_years import Period, fiscal_year_months
from consortium.core.numbers import percentage

CHANNEL_ORDER = {choice.value: position for position, choice in enumerate(Channel)}


def channel_followers(period: Period) -> dict[str, tuple[int | None, int | None]]:
    """Each channel's followers at the period's start (last count before its first day) and at
    its end (last count on or before its last day), None where no count was taken."""

    def last_count(**dates) -> Subquery:
        return Subquery(
            FollowerSnapshot.objects.filter(channel=OuterRef("channel"), **dates)
            .order_by("-date")
            .values("followers")[:1]
        )

    rows = (
        FollowerSnapshot.objects.filter(date__lte=period.end)
        .order_by()
        .values("channel")
        .distinct()
        .annotate(
            at_start=last_count(date__lt=period.start),
            at_end=last_count(date__lte=period.end),
        )
    )
    return {row["channel"]: (row["at_start"], row["at_end"]) for row in rows}


def communications_report(period: Period) -> dict:
    """Followers, posts and campaigns by channel; publications by kind; campaigns by programme;
    the events and the press coverage dated in the period.

    A channel's gain is its followers at the end less those at the start; a channel without a
    count before the period started from zero (its gain is all its followers) and has no
    percentage. Campaigns belong to the period in which they start.
    """
    followers = channel_followers(period)
    in_period = Q(date__gte=period.start, date__lte=period.end)

    publications = {kind.value: 0 for kind in PublicationKind}
    posts: dict[str, int] = defaultdict(int)
    for row in (
        Publication.objects.filter(in_period)
        .order_by()
        .values("kind", "channel")
        .annotate(count=Count("pk"))
    ):
        publications[row["kind"]] += row["count"]
        if row["kind"] == PublicationKind.POST:
            posts[row["channel"]] += row["count"]

    campaigns: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    programmes: dict[str, dict] = {}
    for row in (
        AdCampaign.objects.filter(start__gte=period.start, start__lte=period.end)
        .order_by()
        .values("channel", "programme")
        .annotate(count=Count("pk"), impressions=Sum("impressions"))
    ):
        totals = campaigns[row["channel"]]
        totals[0] += row["count"]
        totals[1] += row["impressions"] or 0
        if row["programme"]:
            programme = programmes.setdefault(
                row["programme"],
                {"programme": row["programme"], "campaigns": 0, "impressions": 0, "channels": []},
            )
            programme["campaigns"] += row["count"]
            programme["impressions"] += row["impressions"] or 0
            programme["channels"].append(row["channel"])

    channels = []
    for code in sorted({*followers, *posts, *campaigns}, key=CHANNEL_ORDER.__getitem__):
        at_start, at_end = followers.get(code, (None, None))
        gain = (at_end or 0) - (at_start or 0)
        count, impressions = campaigns.get(code, (0, 0))
        channels.append(
            {
                "channel": code,
                "label": str(Channel(code).label),
                "followers": at_end or 0,
                "followers_at_start": at_start,
                "gain": gain,
                "gain_pct": percentage(gain, at_start),
                "posts": posts.get(code, 0),
                "campaigns": count,
                "impressions": impressions,
            }
        )
    for programme in programmes.values():
        programme["channels"] = [
            str(Channel(code).label)
            for code in sorted(programme["channels"], key=CHANNEL_ORDER.__getitem__)
        ]

    return {
        "channels": channels,
        "publications": publications,
        "programmes": sorted(programmes.values(), key=lambda p: p["programme"]),
        "events": list(
            Event.objects.filter(in_period)
            .order_by("date", "title")
            .annotate(registrations=Count("sign_ups"))
            .values("title", "date", "kind", "registrations")
        ),
        "press": list(
            PressCoverage.objects.filter(in_period)
            .order_by("date", "title")
            .values("title", "outlet", "date", "url")
        ),
    }


def follower_table(period: Period) -> dict:
    """The month × channel table of a fiscal year: each month's count (the last one taken in the
    month), its gain over the count before it, and each channel's gain over the year.

    Two queries: the year's counts, and each channel's counts at the year's start and end.
    """
    months = fiscal_year_months(period)
    ends = channel_followers(period)
    counts: dict[tuple[str, str], int] = {}
    for row in (
        FollowerSnapshot.objects.filter(date__gte=period.start, date__lte=period.end)
        .order_by("date")
        .values("channel", "date", "followers")
    ):
        counts[(row["channel"], f"{row['date']:%Y-%m}")] = row["followers"]
    channels = sorted(ends, key=CHANNEL_ORDER.__getitem__)
    previous = {code: ends[code][0] for code in channels}
    rows = []
    for month in months:
        cells = []
        for code in channels:
            count = counts.get((code, month.label))
            gain = None
            if count is not None:
                gain = count - previous[code] if previous[code] is not None else None
                previous[code] = count
            cells.append({"channel": code, "followers": count, "gain": gain})
        rows.append({"month": month, "cells": cells})
    totals = []
    for code in channels:
        at_start, at_end = ends[code]
        totals.append(
            {
                "channel": code,
                "label": str(Channel(code).label),
                "at_start": at_start,
                "at_end": at_end,
                "gain": (at_end or 0) - (at_start or 0),
            }
        )
    return {"channels": totals, "rows": rows}


def events_with_counts() -> QuerySet[Event]:
    """Every event, newest first, with its number of sign-ups: one query."""
    return Event.objects.annotate(registration_count=Count("sign_ups")).order_by("-date", "title")


def registration_rows(event: Event):
    """The sign-ups of an event for its list and its CSV, first come first: one query."""
    return event.sign_ups.order_by("created_at", "pk").values(
        "name", "email", "organisation", "created_at"
    )


def follower_years() -> tuple[dt.date | None, dt.date | None]:
    """The first and last day with a follower count: one query."""
    bounds = FollowerSnapshot.objects.aggregate(first=Min("date"), last=Max("date"))
    return bounds["first"], bounds["last"]
