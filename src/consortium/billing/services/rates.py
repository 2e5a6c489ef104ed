"""Writes to the rate table: add, change, remove a rate, and the import's upsert.

Two rates of one member category, mandate type and expert role (empty: any) never overlap in
time, so that `billing.rates.RateBook` finds at most one rate at each step of its order. The
service refuses with the other rate's dates; database triggers (billing/rate_overlap_sql.py)
make the rule hold for every other writer too.

Changing or removing a rate never changes an invoice already drafted or issued: an invoice line
stores the rate and the amount it was made with, not a link to the table. A new rate applies to
the hours of the next invoice run dated from its first day.
"""

import datetime as dt
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from consortium.billing.models import Rate
from consortium.mandates.models import MandateType


def rate_overlap_check(rate: Rate) -> None:
    """Refuse `rate` if another rate of its category, type and role overlaps it in time."""
    others = Rate.objects.filter(
        member_category=rate.member_category,
        mandate_type_id=rate.mandate_type_id,
        expert_role=rate.expert_role,
        valid_from__lte=rate.valid_until or dt.date.max,
    ).exclude(valid_until__lt=rate.valid_from)
    if rate.pk is not None:
        others = others.exclude(pk=rate.pk)
    other = others.order_by("valid_from").first()
    if other is None:
        return
    if other.valid_until is None:
        dates = _("en vigueur depuis le %(start)s") % {"start": other.valid_from.isoformat()}
    else:
        dates = _("en vigueur du %(start)s au %(end)s") % {
            "start": other.valid_from.isoformat(),
            "end": other.valid_until.isoformat(),
        }
    raise ValidationError(
        {
            "valid_from": _(
                "Un autre tarif de cette catégorie, de ce type de mandat et de ce rôle est "
                "%(dates)s (%(rate)s $/h) : deux tarifs de même portée ne peuvent se chevaucher."
            )
            % {"dates": dates, "rate": other.hourly_rate}
        }
    )


def _rate_save(rate: Rate, **values) -> Rate:
    for name, value in values.items():
        setattr(rate, name, value)
    # The row's own rules first (a rate ending before it starts), then the rule across rows.
    rate.full_clean()
    rate_overlap_check(rate)
    rate.save()
    return rate


@transaction.atomic
def rate_create(
    *,
    member_category: str,
    hourly_rate: Decimal,
    valid_from: dt.date,
    valid_until: dt.date | None = None,
    mandate_type: MandateType | None = None,
    expert_role: str = "",
) -> Rate:
    """Add a rate; refused if one of the same category, type and role overlaps it in time."""
    return _rate_save(
        Rate(),
        member_category=member_category,
        mandate_type=mandate_type,
        expert_role=expert_role,
        hourly_rate=hourly_rate,
        valid_from=valid_from,
        valid_until=valid_until,
    )


@transaction.atomic
def rate_update(
    *,
    rate: Rate,
    member_category: str,
    hourly_rate: Decimal,
    valid_from: dt.date,
    valid_until: dt.date | None = None,
    mandate_type: MandateType | None = None,
    expert_role: str = "",
) -> Rate:
    """Change a rate. Invoices already made keep the rate they were made with (their lines
    store it): the change prices the hours of the next invoice run only."""
    return _rate_save(
        Rate.objects.select_for_update().get(pk=rate.pk),
        member_category=member_category,
        mandate_type=mandate_type,
        expert_role=expert_role,
        hourly_rate=hourly_rate,
        valid_from=valid_from,
        valid_until=valid_until,
    )


@transaction.atomic
def rate_delete(*, rate: Rate) -> None:
    """Remove a rate; invoices already made keep the amounts it gave them."""
    Rate.objects.filter(pk=rate.pk).delete()


def rate_find(
    *, member_category: str, mandate_type: MandateType | None, expert_role: str, valid_from
) -> Rate | None:
    """The rate an import row names: its category, type, role and first day are its key."""
    return Rate.objects.filter(
        member_category=member_category,
        mandate_type=mandate_type,
        expert_role=expert_role,
        valid_from=valid_from,
    ).first()


@transaction.atomic
def rate_upsert(
    *,
    member_category: str,
    hourly_rate: Decimal,
    valid_from: dt.date,
    valid_until: dt.date | None = None,
    mandate_type: MandateType | None = None,
    expert_role: str = "",
) -> tuple[Rate, bool]:
    """Create the rate of this category, type, role and first day, or change its amount and
    last day (a re-import of the same file changes nothing); says if it was created."""
    found = rate_find(
        member_category=member_category,
        mandate_type=mandate_type,
        expert_role=expert_role,
        valid_from=valid_from,
    )
    values = {
        "member_category": member_category,
        "mandate_type": mandate_type,
        "expert_role": expert_role,
        "hourly_rate": hourly_rate,
        "valid_from": valid_from,
        "valid_until": valid_until,
    }
    if found is None:
        return rate_create(**values), True
    return rate_update(rate=found, **values), False
