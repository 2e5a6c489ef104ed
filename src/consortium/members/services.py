"""Writes to members: organisations, their federation and their memberships.

Every write runs in a transaction and calls `full_clean()`: the model checks the NEQ, the
region, federation cycles and overlapping memberships.
"""

import datetime as dt

from django.db import transaction

from consortium.core.services import row_save
from consortium.members.models import LegalForm, Membership, Organisation


@transaction.atomic
def organisation_upsert(
    *,
    code: str,
    name: str,
    legal_form: str = LegalForm.OTHER,
    neq: str = "",
    region: str = "",
    federation: Organisation | None = None,
) -> tuple[Organisation, bool]:
    """Create the organisation with this code, or replace what its row holds; says if created."""
    organisation = Organisation.objects.select_for_update().filter(code=code).first()
    created = organisation is None
    if organisation is None:
        organisation = Organisation(code=code)
    organisation.name = name
    organisation.legal_form = legal_form
    organisation.neq = neq
    organisation.region = region
    organisation.federation = federation
    organisation.full_clean()
    organisation.save()
    return organisation, created


@transaction.atomic
def organisation_create(
    *,
    code: str,
    name: str,
    legal_form: str = LegalForm.OTHER,
    neq: str = "",
    region: str = "",
    federation: Organisation | None = None,
) -> Organisation:
    """Add an organisation; refused if its code is taken."""
    return row_save(
        Organisation(),
        code=code,
        name=name,
        legal_form=legal_form,
        neq=neq,
        region=region,
        federation=federation,
    )


@transaction.atomic
def organisation_update(
    *,
    organisation: Organisation,
    code: str,
    name: str,
    legal_form: str = LegalForm.OTHER,
    neq: str = "",
    region: str = "",
    federation: Organisation | None = None,
) -> Organisation:
    """Replace what an organisation's row holds; its federation may not lead back to it."""
    return row_save(
        Organisation.objects.select_for_update().get(pk=organisation.pk),
        code=code,
        name=name,
        legal_form=legal_form,
        neq=neq,
        region=region,
        federation=federation,
    )


@transaction.atomic
def membership_create(
    *, organisation: Organisation, category: str, start: dt.date, end: dt.date | None = None
) -> Membership:
    """Add a membership; refused if it overlaps another of the same organisation."""
    return row_save(
        Membership(), organisation=organisation, category=category, start=start, end=end
    )


@transaction.atomic
def membership_update(
    *,
    membership: Membership,
    organisation: Organisation,
    category: str,
    start: dt.date,
    end: dt.date | None = None,
) -> Membership:
    """Change a membership; refused if it would overlap another of the same organisation."""
    return row_save(
        Membership.objects.select_for_update().get(pk=membership.pk),
        organisation=organisation,
        category=category,
        start=start,
        end=end,
    )


@transaction.atomic
def membership_record(
    *,
    organisation: Organisation,
    category: str,
    start: dt.date,
    end: dt.date | None = None,
) -> tuple[Membership, bool]:
    """Record the membership that starts on `start` (created, or its category and end replaced).

    A membership is known by its organisation and first day; it may not overlap another of the
    same organisation.
    """
    membership = (
        Membership.objects.select_for_update()
        .filter(organisation=organisation, start=start)
        .first()
    )
    created = membership is None
    if membership is None:
        membership = Membership(organisation=organisation, start=start)
    membership.category = category
    membership.end = end
    membership.full_clean()
    membership.save()
    return membership, created


@transaction.atomic
def membership_end(*, membership: Membership, end: dt.date) -> Membership:
    """End a membership on `end`, its last day."""
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    membership.end = end
    membership.full_clean()
    membership.save()
    return membership
