"""Writes to members: organisations, their federation and their memberships.

Every write runs in a transaction and calls `full_clean()`: the model checks the NEQ, the
region, federation cycles and overlapping memberships. The days of a locked period keep their
memberships: whom the centre counted as a member, and in which category, on those days.
"""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from consortium.core.locks import ONE_DAY, first_lock_touching, lock_name
from consortium.core.services import row_save
from consortium.members.models import CANADA, LegalForm, Membership, Organisation, Province


@transaction.atomic
def organisation_upsert(
    *,
    code: str,
    name: str,
    legal_form: str = LegalForm.OTHER,
    neq: str = "",
    region: str = "",
    federation: Organisation | None = None,
    province: str | None = None,
    country: str | None = None,
) -> tuple[Organisation, bool]:
    """Create the organisation with this code, or replace what its row holds; says if created.
    `province` and `country` None keep what the row holds (Quebec, Canada for a new one)."""
    organisation = Organisation.objects.select_for_update().filter(code=code).first()
    created = organisation is None
    if organisation is None:
        organisation = Organisation(code=code)
    organisation.name = name
    organisation.legal_form = legal_form
    organisation.neq = neq
    organisation.region = region
    organisation.federation = federation
    if province is not None:
        organisation.province = province
    if country is not None:
        organisation.country = country
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
    language: str = "fr",
    is_prospect: bool = False,
    province: str = Province.QC,
    country: str = CANADA,
) -> Organisation:
    """Add an organisation; refused if its code is taken. `language`: of its invoices;
    `is_prospect`: met in business development, not yet served. The region and the NEQ only
    for an organisation of Quebec."""
    return row_save(
        Organisation(),
        code=code,
        name=name,
        legal_form=legal_form,
        neq=neq,
        region=region,
        federation=federation,
        language=language,
        is_prospect=is_prospect,
        province=province,
        country=country,
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
    language: str | None = None,
    is_prospect: bool | None = None,
    province: str | None = None,
    country: str | None = None,
) -> Organisation:
    """Replace what an organisation's row holds; its federation may not lead back to it.
    `language` (of its invoices), `is_prospect`, `province`, `country`: None keeps them."""
    row = Organisation.objects.select_for_update().get(pk=organisation.pk)
    return row_save(
        row,
        code=code,
        name=name,
        legal_form=legal_form,
        neq=neq,
        region=region,
        federation=federation,
        language=language or row.language,
        is_prospect=row.is_prospect if is_prospect is None else is_prospect,
        province=row.province if province is None else province,
        country=country or row.country,
    )


@transaction.atomic
def organisation_delete(*, organisation: Organisation) -> None:
    """Delete an organisation and its memberships; refused if one of them has a day in a locked
    period (the member counts of that period would move).

    Its mandates, and through them its hours, are the database's to protect (`PROTECT`): an
    organisation with a mandate is never deleted.
    """
    organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
    memberships = Membership.objects.select_for_update().filter(organisation=organisation)
    lock = first_lock_touching([(row.start, row.end) for row in memberships])
    if lock is not None:
        raise ValidationError(
            _(
                "%(period)s est verrouillé : l'organisation %(code)s y était membre et ne peut "
                "plus être supprimée."
            )
            % {"period": lock_name(lock), "code": organisation.code}
        )
    organisation.delete()


Span = tuple[dt.date, dt.date | None]  # first day, last day (None: open)


def _changed_days(old: Span | None, new: Span | None, *, whole: bool) -> list[Span]:
    """The days on which a membership going from `old` to `new` (None: none) changes whether, or
    how, the organisation counts as a member. `whole`: its organisation or category changes, so
    every day of both counts."""
    if old is None or new is None or whole:
        return [span for span in (old, new) if span is not None]
    (old_start, old_end), (new_start, new_end) = old, new
    changed = []
    if old_start != new_start:
        changed.append((min(old_start, new_start), max(old_start, new_start) - ONE_DAY))
    if old_end != new_end:
        ends = [day for day in (old_end, new_end) if day is not None]
        changed.append((min(ends) + ONE_DAY, None if len(ends) == 1 else max(ends)))
    return changed


def membership_lock_check(
    old: Membership | None, *, organisation_id: int | None, category: str, span: Span
) -> None:
    """Refuse a membership change that touches a day of a locked period: the member counts and
    the figures by member category of that closed period would move. `old`: the membership as
    stored (None: a new one); `span`: its new days."""
    whole = old is not None and (old.organisation_id, old.category) != (organisation_id, category)
    old_span = (old.start, old.end) if old is not None else None
    days = _changed_days(old_span, span, whole=whole)
    lock = first_lock_touching(days) if days else None
    if lock is None:
        return
    if old is None or old.start != span[0]:
        field = "start"
    elif old.end != span[1]:
        field = "end"
    else:
        field = "category" if old.category != category else "organisation"
    raise ValidationError(
        {
            field: _(
                "%(period)s est verrouillé : les adhésions de ses jours ne peuvent plus changer "
                "(dates, catégorie ou organisation)."
            )
            % {"period": lock_name(lock)}
        }
    )


def _membership_save(
    membership: Membership,
    *,
    organisation: Organisation,
    category: str,
    start: dt.date,
    end: dt.date | None,
) -> Membership:
    stored = Membership.objects.get(pk=membership.pk) if membership.pk is not None else None
    membership_lock_check(
        stored, organisation_id=organisation.pk, category=category, span=(start, end)
    )
    return row_save(membership, organisation=organisation, category=category, start=start, end=end)


@transaction.atomic
def membership_create(
    *, organisation: Organisation, category: str, start: dt.date, end: dt.date | None = None
) -> Membership:
    """Add a membership; refused if it overlaps another of the same organisation or a locked
    period."""
    return _membership_save(
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
    """Change a membership; refused if it would overlap another of the same organisation, or
    change the days of a locked period."""
    return _membership_save(
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
    membership = _membership_save(
        membership, organisation=organisation, category=category, start=start, end=end
    )
    return membership, created


@transaction.atomic
def membership_delete(*, membership: Membership) -> None:
    """Delete a membership; refused if one of its days lies in a locked period."""
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    lock = first_lock_touching([(membership.start, membership.end)])
    if lock is not None:
        raise ValidationError(
            _(
                "%(period)s est verrouillé : l'adhésion du %(start)s y compte des jours et ne "
                "peut plus être supprimée."
            )
            % {"period": lock_name(lock), "start": membership.start.isoformat()}
        )
    membership.delete()


@transaction.atomic
def membership_end(*, membership: Membership, end: dt.date) -> Membership:
    """End a membership on `end`, its last day."""
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    return _membership_save(
        membership,
        organisation=membership.organisation,
        category=membership.category,
        start=membership.start,
        end=end,
    )
