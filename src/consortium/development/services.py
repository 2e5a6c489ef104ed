"""Writes to business development: activities (with the organisations met) and partnerships."""

import datetime as dt
from collections.abc import Iterable

from django.db import transaction

from consortium.core.services import row_save
from consortium.development.models import DevelopmentActivity, Partnership
from consortium.members.models import Organisation


@transaction.atomic
def development_activity_upsert(
    *,
    kind: str,
    date: dt.date,
    title: str,
    organisations: Iterable[Organisation] = (),
    notes: str = "",
) -> tuple[DevelopmentActivity, bool]:
    """Record the activity of this kind, day and title (created, or its organisations met and
    notes replaced); says if created."""
    activity = (
        DevelopmentActivity.objects.select_for_update()
        .filter(kind=kind, date=date, title=title)
        .first()
    )
    created = activity is None
    if activity is None:
        activity = DevelopmentActivity(kind=kind, date=date, title=title)
    activity.notes = notes
    activity.full_clean()
    activity.save()
    activity.organisations_met.set(list(organisations))
    return activity, created


@transaction.atomic
def partnership_record(
    *,
    organisation: Organisation,
    title: str,
    start: dt.date,
    end: dt.date | None = None,
    description: str = "",
) -> Partnership:
    partnership = Partnership(
        organisation=organisation, title=title, start=start, end=end, description=description
    )
    partnership.full_clean()
    partnership.save()
    return partnership


@transaction.atomic
def partnership_update(
    *,
    partnership: Partnership,
    organisation: Organisation,
    title: str,
    start: dt.date,
    end: dt.date | None = None,
    description: str = "",
) -> Partnership:
    """Change a partnership (its last day included); it may not end before it starts."""
    return row_save(
        Partnership.objects.select_for_update().get(pk=partnership.pk),
        organisation=organisation,
        title=title,
        start=start,
        end=end,
        description=description,
    )


@transaction.atomic
def development_activity_create(
    *,
    kind: str,
    date: dt.date,
    title: str,
    organisations_met: Iterable[Organisation] = (),
    notes: str = "",
) -> DevelopmentActivity:
    """Record an activity and the organisations met; refused if the same kind, day and title
    is already recorded."""
    return row_save(
        DevelopmentActivity(),
        kind=kind,
        date=date,
        title=title,
        organisations_met=organisations_met,
        notes=notes,
    )


@transaction.atomic
def development_activity_update(
    *,
    activity: DevelopmentActivity,
    kind: str,
    date: dt.date,
    title: str,
    organisations_met: Iterable[Organisation] = (),
    notes: str = "",
) -> DevelopmentActivity:
    return row_save(
        DevelopmentActivity.objects.select_for_update().get(pk=activity.pk),
        kind=kind,
        date=date,
        title=title,
        organisations_met=organisations_met,
        notes=notes,
    )
