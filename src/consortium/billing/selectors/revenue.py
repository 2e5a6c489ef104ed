"""Service revenue from the platform's own invoices, for the report and finance.

A fiscal year's service revenue is that of its issued documents — every invoice and credit note
that is not a draft, in the year of its number (the year it was issued in) — each counting its
subtotal less its discount, before taxes; a credit note counts against it. A cancelled invoice
still counts: the credit note that cancels it takes its amount back. A ristourne's credit notes
do not count: the patronage dividend shares the year's surplus, it does not correct a sale. The
organisation is the one billed (the payer), whose membership decides the category
(finance.selectors).

Hours billed are those of the lines that bill hours for money: a mandate's hours, a flat fee's
(when the line states them) and a programme's hours on its funder's invoice. The organisation's
own line for those covered hours (at 0 $) is left out, or the hours would count twice.
"""

from decimal import Decimal

from django.db.models import Case, DecimalField, F, QuerySet, Sum, When

from consortium.billing.models import (
    CreditReason,
    Invoice,
    InvoiceKind,
    InvoiceLine,
    InvoiceStatus,
    LineKind,
)
from consortium.core.money import MONEY, cents
from consortium.core.numbers import as_decimal

BILLED_HOURS = (LineKind.HOURS, LineKind.FIXED_FEE, LineKind.FUNDED)
_MONEY = DecimalField(**MONEY)
_HOURS = DecimalField(max_digits=9, decimal_places=2)


def issued_documents(years: list[str]) -> QuerySet[Invoice]:
    """Issued invoices and credit notes of these fiscal years (names), each annotated with `net`:
    subtotal − discount, negative for a credit note."""
    net = F("subtotal") - F("discount")
    return (
        Invoice.objects.filter(fiscal_year__name__in=years)
        .exclude(status=InvoiceStatus.DRAFT)
        .exclude(credit_reason=CreditReason.RISTOURNE)
        .annotate(
            net=Case(
                When(kind=InvoiceKind.CREDIT_NOTE, then=-net),
                default=net,
                output_field=_MONEY,
            )
        )
    )


def billed_hour_lines(years: list[str]) -> QuerySet[InvoiceLine]:
    """The lines that bill hours on the issued documents of these years, each annotated with
    `net_hours`: its hours, negative on a credit note."""
    return (
        InvoiceLine.objects.filter(
            invoice__fiscal_year__name__in=years, kind__in=BILLED_HOURS, hours__isnull=False
        )
        .exclude(invoice__status=InvoiceStatus.DRAFT)
        .exclude(invoice__credit_reason=CreditReason.RISTOURNE)
        .annotate(
            net_hours=Case(
                When(invoice__kind=InvoiceKind.CREDIT_NOTE, then=-F("hours")),
                default=F("hours"),
                output_field=_HOURS,
            )
        )
    )


def invoiced_years(years: list[str]) -> set[str]:
    """Those of these fiscal years that have an issued invoice (one query)."""
    return set(
        issued_documents(years)
        .filter(kind=InvoiceKind.INVOICE)
        .values_list("fiscal_year__name", flat=True)
        .distinct()
    )


def service_revenue_by_organisation(years: list[str]) -> dict[str, dict[int, Decimal]]:
    """Year name → organisation billed → its service revenue from issued documents, net of
    credit notes (one query). Years without documents are absent."""
    rows = (
        issued_documents(years)
        .values("fiscal_year__name", "organisation")
        .annotate(total=Sum("net"))
        .order_by()
    )
    revenue: dict[str, dict[int, Decimal]] = {}
    for row in rows:
        revenue.setdefault(row["fiscal_year__name"], {})[row["organisation"]] = cents(
            as_decimal(row["total"])
        )
    return revenue


__all__ = [
    "BILLED_HOURS",
    "billed_hour_lines",
    "invoiced_years",
    "issued_documents",
    "service_revenue_by_organisation",
]
