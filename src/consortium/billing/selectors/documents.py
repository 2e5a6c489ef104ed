"""The workspace's reads of invoices and credit notes: the filtered list with its totals, and
one document with everything its page shows, each in a fixed number of queries."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Case, Count, DecimalField, F, Prefetch, QuerySet, Sum, Value, When
from django.db.models.functions import Coalesce

from consortium.billing.models import (
    Invoice,
    InvoiceEntry,
    InvoiceKind,
    InvoiceLine,
    InvoiceStatus,
    Payment,
)
from consortium.core.money import MONEY, ZERO

_MONEY = DecimalField(**MONEY)


def _signed(field: str) -> Case:
    """A document's amount as it weighs on what is owed: a credit note's takes off."""
    return Case(
        When(kind=InvoiceKind.CREDIT_NOTE, then=-F(field)),
        default=F(field),
        output_field=_MONEY,
    )


def invoice_list_rows(invoices: QuerySet[Invoice]) -> QuerySet[Invoice]:
    """The rows of the list: each document with its organisation and the invoice it credits."""
    return invoices.select_related("organisation", "fiscal_year", "credited_invoice")


@dataclass(frozen=True)
class ListTotals:
    count: int
    subtotal: Decimal  # net of discounts and credit notes, before taxes
    gst: Decimal
    qst: Decimal
    total: Decimal
    paid: Decimal


def invoice_list_totals(invoices: QuerySet[Invoice]) -> ListTotals:
    """The filtered documents' amounts, credit notes taken off, in one query."""
    sums = {
        name: Coalesce(Sum(expression), Value(ZERO), output_field=_MONEY)
        for name, expression in (
            ("subtotal", _signed("subtotal") - _signed("discount")),
            ("gst", _signed("gst")),
            ("qst", _signed("qst")),
            ("total", _signed("total")),
            ("paid", F("paid")),
        )
    }
    row = invoices.order_by().aggregate(count=Count("pk"), **sums)
    return ListTotals(**row)


def invoices_with_detail() -> QuerySet[Invoice]:
    """Documents with everything the invoice page shows: lines and their backup detail (entries
    with their expert), payments and credit notes. Hand it to `access.invoice_for_read` as
    `among=`: the page then costs five queries, whatever the number of lines or entries."""
    entries = InvoiceEntry.objects.select_related("time_entry", "time_entry__expert").order_by(
        "time_entry__date", "time_entry__expert__last_name", "time_entry_id"
    )
    lines = InvoiceLine.objects.select_related("mandate", "served_organisation").prefetch_related(
        Prefetch("entries", queryset=entries)
    )
    return Invoice.objects.select_related(
        "organisation", "fiscal_year", "credited_invoice", "issued_by"
    ).prefetch_related(
        Prefetch("lines", queryset=lines),
        Prefetch("payments", queryset=Payment.objects.order_by("date", "pk")),
        Prefetch(
            "credit_notes",
            queryset=Invoice.objects.exclude(status=InvoiceStatus.DRAFT).order_by(
                "issued_on", "pk"
            ),
        ),
    )


def line_amounts_left(invoice: Invoice) -> dict[int, Decimal]:
    """What each line of an issued invoice has left to credit, before taxes: its amount less
    the credit notes' lines that credit it. One query."""
    credited = Coalesce(Sum("credits__amount"), Value(ZERO), output_field=_MONEY)
    return {
        line_id: amount - taken
        for line_id, amount, taken in invoice.lines.order_by()
        .annotate(taken=credited)
        .values_list("pk", "amount", "taken")
    }
