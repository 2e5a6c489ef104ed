"""The ristourne (patronage dividend): the amount the board decides for a fiscal year, shared
among the members in proportion to the business each did with the co-op that year, then, once
adopted, credited to each of them by a credit note of the ristourne kind.

Who shares: the organisations that are fully managed or user members on the year's last day,
and auxiliary members when the by-laws say so (BillingSettings.ristourne_includes_auxiliary,
copied on the ristourne when it is proposed); support members and non-members do not.

Business: the net revenue invoiced to the organisation (as the billed organisation) in the
year: the subtotal less the discount of its issued invoices, less that of its credit notes
(other than ristournes), by date of issue. An organisation whose business is nil or negative
gets nothing.

Adopted (`ristourne_adopt`), each share becomes a credit note of the ristourne kind to its
organisation (billing.services.credits: no invoice, one exempt line), and the ristourne never
changes again. Tax: a patronage dividend paid in respect of taxable supplies may be deemed a
reduction of their consideration with a tax adjustment (Excise Tax Act s. 233, Act respecting
the QST s. 453); the credit note adjusts no tax, as the co-op's accountant should confirm.

To the cent: each share is rounded down to the cent and the cents left over go, one each, to the
largest shares (ties: by organisation code), so that the allocations add up to the amount.
"""

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Case, DecimalField, F, OuterRef, Q, Subquery, Sum, Value, When
from django.db.models.functions import Abs
from django.utils import timezone
from django.utils.translation import gettext as _

from consortium.billing.models import (
    BillingSettings,
    CreditReason,
    Invoice,
    InvoiceKind,
    InvoiceStatus,
    Ristourne,
    RistourneAllocation,
    RistourneStatus,
)
from consortium.billing.services.credits import credit_note_create
from consortium.billing.services.permissions import check_may_bill
from consortium.core.models import FiscalYear
from consortium.core.money import CENT, MONEY, ZERO
from consortium.members.models import MemberCategory, Membership

SHARE_PLACES = Decimal("0.0000000001")


@dataclass(frozen=True)
class Business:
    """What one organisation did with the co-op in a year, and its category on the last day."""

    organisation_id: int
    organisation_code: str
    member_category: str
    amount: Decimal


def sharing_categories(includes_auxiliary: bool) -> list[str]:
    categories = [MemberCategory.FULLY_MANAGED, MemberCategory.USER]
    if includes_auxiliary:
        categories.append(MemberCategory.AUXILIARY)
    return [str(category) for category in categories]


def ristourne_business(*, year: FiscalYear, includes_auxiliary: bool) -> list[Business]:
    """The business of every organisation that shares in the year's ristourne, largest first,
    in one query (invoices summed in SQL, the category read by a subquery)."""
    last_day = year.end_date
    category = Membership.objects.filter(
        organisation=OuterRef("organisation"), start__lte=last_day
    ).filter(Q(end__isnull=True) | Q(end__gte=last_day))
    net = F("subtotal") - F("discount")
    rows = (
        Invoice.objects.exclude(status=InvoiceStatus.DRAFT)
        .filter(issued_on__range=(year.start_date, last_day))
        .exclude(kind=InvoiceKind.CREDIT_NOTE, credit_reason=CreditReason.RISTOURNE)
        .values("organisation", "organisation__code")
        .annotate(
            category=Subquery(category.order_by("-start").values("category")[:1]),
            business=Sum(
                Case(
                    When(kind=InvoiceKind.INVOICE, then=net),
                    default=-Abs(net),
                    output_field=DecimalField(**MONEY),
                ),
                default=Value(ZERO),
            ),
        )
        .filter(category__in=sharing_categories(includes_auxiliary))
        .order_by("-business", "organisation__code")
    )
    return [
        Business(row["organisation"], row["organisation__code"], row["category"], row["business"])
        for row in rows
        if row["business"] > ZERO
    ]


def allocate(amount: Decimal, business: list[Business]) -> list[tuple[Business, Decimal, Decimal]]:
    """(business, share, amount) for each organisation: shares of `amount` to the cent, adding up
    to it exactly, the leftover cents to the largest shares."""
    total = sum((row.amount for row in business), ZERO)
    if total <= ZERO:
        return []
    parts = [(amount * row.amount / total).quantize(CENT, rounding=ROUND_DOWN) for row in business]
    leftover = int((amount - sum(parts, ZERO)) / CENT)
    largest_first = sorted(
        range(len(business)), key=lambda i: (-business[i].amount, business[i].organisation_code)
    )
    for index in largest_first[:leftover]:
        parts[index] += CENT
    return [
        (row, (row.amount / total).quantize(SHARE_PLACES), part)
        for row, part in zip(business, parts, strict=True)
    ]


def _fiscal_year(fiscal_year: FiscalYear | str) -> FiscalYear:
    if isinstance(fiscal_year, FiscalYear):
        return fiscal_year
    year = FiscalYear.objects.filter(name=fiscal_year).first()
    if year is None:
        raise ValidationError(
            {"fiscal_year": _("L'exercice %(year)s n'existe pas.") % {"year": fiscal_year}}
        )
    return year


@transaction.atomic
def ristourne_propose(*, fiscal_year: FiscalYear | str, amount: Decimal, user=None) -> Ristourne:
    """Propose (or propose again, with another amount or corrected invoices) the ristourne of
    `fiscal_year`: its allocation to each member, to the cent. An adopted one never changes."""
    check_may_bill(user)
    year = _fiscal_year(fiscal_year)
    if amount is None or amount <= ZERO or amount != amount.quantize(CENT):
        raise ValidationError(
            {"amount": _("Le montant de la ristourne est un montant positif, au cent près.")}
        )
    # Two proposals of one year wait for each other on the year's row (there may be no
    # ristourne row yet to lock).
    FiscalYear.objects.select_for_update().filter(pk=year.pk).first()
    ristourne = Ristourne.objects.filter(fiscal_year=year).first()
    if ristourne is not None and ristourne.is_adopted:
        raise ValidationError(
            _("La ristourne de l'exercice %(year)s est adoptée : elle ne change plus.")
            % {"year": year.name}
        )
    settings = BillingSettings.objects.filter(pk=1).first() or BillingSettings()
    ristourne = ristourne or Ristourne(fiscal_year=year)
    ristourne.amount = amount
    ristourne.includes_auxiliary = settings.ristourne_includes_auxiliary
    ristourne.proposed_by = user
    allocations = allocate(
        amount, ristourne_business(year=year, includes_auxiliary=ristourne.includes_auxiliary)
    )
    if not allocations:
        raise ValidationError(
            _(
                "Aucun membre n'a fait affaire avec la coopérative en %(year)s : il n'y a rien "
                "à répartir."
            )
            % {"year": year.name}
        )
    ristourne.full_clean()
    ristourne.save()
    ristourne.allocations.all().delete()
    rows = [
        RistourneAllocation(
            ristourne=ristourne,
            organisation_id=business.organisation_id,
            member_category=business.member_category,
            business=business.amount,
            share=share,
            amount=part,
        )
        for business, share, part in allocations
    ]
    for row in rows:
        # The uniqueness and constraints are the database's: one query per row is not needed.
        row.full_clean(exclude=["ristourne", "organisation"], validate_constraints=False)
    RistourneAllocation.objects.bulk_create(rows)
    return ristourne


def ristourne_adopt(*, ristourne: Ristourne, user=None, on: dt.date | None = None) -> Ristourne:
    """Adopt a proposed ristourne on `on` (the board's decision; default: today): one credit
    note of the ristourne kind per organisation with a share, issued that day, all or nothing."""
    check_may_bill(user)
    on = on or timezone.localdate()
    with transaction.atomic():
        ristourne = (
            Ristourne.objects.select_for_update().select_related("fiscal_year").get(pk=ristourne.pk)
        )
        if ristourne.is_adopted:
            raise ValidationError(
                _("La ristourne de l'exercice %(year)s est déjà adoptée.")
                % {"year": ristourne.fiscal_year.name}
            )
        if on <= ristourne.fiscal_year.end_date:
            raise ValidationError(
                {
                    "adopted_on": _(
                        "Une ristourne s'adopte après la fin de son exercice (%(end)s)."
                    )
                    % {"end": ristourne.fiscal_year.end_date.isoformat()}
                }
            )
        description = _("Ristourne de l'exercice %(year)s") % {"year": ristourne.fiscal_year.name}
        allocations = ristourne.allocations.select_related("organisation").filter(amount__gt=0)
        for allocation in allocations:
            allocation.credit_note = credit_note_create(
                invoice=None,
                user=user,
                reason=CreditReason.RISTOURNE,
                organisation=allocation.organisation,
                amount=allocation.amount,
                description=description,
                on=on,
            )
            allocation.save(update_fields=["credit_note"])
        ristourne.status = RistourneStatus.ADOPTED
        ristourne.adopted_on = on
        ristourne.adopted_by = user
        ristourne.full_clean()
        ristourne.save()
    return ristourne
