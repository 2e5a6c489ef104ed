"""The accounting journal of a period: issued invoices, credit notes and payments as balanced
journal entries that an accounting system imports (CSV), accounts from BillingSettings; and a
ristourne's allocation as CSV (`ristourne_csv_lines`).

One entry per document, numbered in the file (`entry`), its debits equal to its credits:

- an invoice debits receivable (its total), credits service revenue (its subtotal), debits the
  discount account (its discount) and credits GST payable and QST payable (its taxes);
- a credit note is the reverse; a ristourne's credits the ristourne account instead of revenue
  (a patronage dividend is not a sales return);
- a payment debits cash and credits receivable.

A credit note's amounts are taken as their absolute value: it reverses whatever sign it stores.
Three queries whatever the period holds (the settings, the documents, the payments).
"""

import datetime as dt
import heapq
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from consortium.billing.models import (
    BillingSettings,
    CreditReason,
    Invoice,
    InvoiceKind,
    InvoiceStatus,
    Payment,
    Ristourne,
)
from consortium.billing.taxes import HUNDRED
from consortium.core.exports import csv_line
from consortium.core.money import ZERO
from consortium.members.models import MemberCategory


@dataclass(frozen=True)
class JournalRow:
    """One line of the journal: an amount on one side of one account."""

    date: dt.date
    document: str
    account: str
    debit: Decimal
    credit: Decimal
    organisation: str
    description: str
    entry: int = 0  # the entry's number in the file, given when the journal is put together


def _side(account: str, amount: Decimal, *, debit: bool) -> tuple[str, Decimal, Decimal] | None:
    """`amount` on the debit or credit side of `account`; a negative amount on the other side;
    nothing for zero (an account line of 0,00 $ only clutters the journal)."""
    if amount == ZERO:
        return None
    if amount < ZERO:
        amount, debit = -amount, not debit
    return (account, amount, ZERO) if debit else (account, ZERO, amount)


def _document_sides(invoice: Invoice, settings: BillingSettings) -> list:
    is_credit = invoice.kind == InvoiceKind.CREDIT_NOTE
    amounts = {
        name: abs(getattr(invoice, name)) if is_credit else getattr(invoice, name)
        for name in ("subtotal", "discount", "gst", "qst", "total")
    }
    revenue = (
        settings.ristourne_account
        if invoice.credit_reason == CreditReason.RISTOURNE
        else settings.service_revenue_account
    )
    # An invoice's natural sides; a credit note's are the reverse.
    sides = [
        _side(settings.receivable_account, amounts["total"], debit=not is_credit),
        _side(revenue, amounts["subtotal"], debit=is_credit),
        _side(settings.discount_account, amounts["discount"], debit=not is_credit),
        _side(settings.gst_account, amounts["gst"], debit=is_credit),
        _side(settings.qst_account, amounts["qst"], debit=is_credit),
    ]
    return [side for side in sides if side is not None]


def _document_entries(
    documents: Iterable[Invoice], settings: BillingSettings
) -> Iterator[list[JournalRow]]:
    for invoice in documents:
        title = _("Note de crédit") if invoice.kind == InvoiceKind.CREDIT_NOTE else _("Facture")
        description = f"{title} {invoice.number} – {invoice.customer_name or invoice.organisation}"
        yield [
            JournalRow(
                invoice.issued_on,
                invoice.number,
                account,
                debit,
                credit,
                invoice.organisation.code,
                description,
            )
            for account, debit, credit in _document_sides(invoice, settings)
        ]


def _payment_entries(
    payments: Iterable[Payment], settings: BillingSettings
) -> Iterator[list[JournalRow]]:
    for payment in payments:
        invoice = payment.invoice
        description = _("Paiement de la facture %(number)s (%(method)s)") % {
            "number": invoice.number,
            "method": payment.get_method_display(),
        }
        if payment.reference:
            description += f" – {payment.reference}"
        sides = [
            _side(settings.cash_account, payment.amount, debit=True),
            _side(settings.receivable_account, payment.amount, debit=False),
        ]
        yield [
            JournalRow(
                payment.date,
                invoice.number,
                account,
                debit,
                credit,
                invoice.organisation.code,
                description,
            )
            for account, debit, credit in filter(None, sides)
        ]


def journal_rows(*, start: dt.date, end: dt.date) -> list[JournalRow]:
    """The journal of `start`..`end` (both included), entries in date order, documents before
    the payments of the same day, each entry numbered from 1."""
    settings = BillingSettings.objects.filter(pk=1).first() or BillingSettings()
    documents = (
        Invoice.objects.exclude(status=InvoiceStatus.DRAFT)
        .filter(issued_on__range=(start, end))
        .select_related("organisation")
        .order_by("issued_on", "kind", "sequence", "id")
    )
    payments = (
        Payment.objects.filter(date__range=(start, end))
        .exclude(invoice__status=InvoiceStatus.DRAFT)
        .select_related("invoice__organisation")
        .order_by("date", "id")
    )
    entries = heapq.merge(
        _document_entries(documents, settings),
        _payment_entries(payments, settings),
        key=lambda rows: rows[0].date if rows else dt.date.min,
    )
    journal = []
    number = 0
    for rows in entries:
        if not rows:
            continue
        number += 1
        journal.extend(JournalRow(**{**row.__dict__, "entry": number}) for row in rows)
    return journal


def journal_headers() -> list[str]:
    return [
        _("écriture"),
        _("date"),
        _("pièce"),
        _("compte"),
        _("débit"),
        _("crédit"),
        _("code d'organisation"),
        _("description"),
    ]


def journal_csv_lines(rows: Iterable[JournalRow]) -> Iterator[str]:
    """The journal as CSV lines (headers in the active language, amounts with two decimals and
    a point, text escaped against formulas by core.exports.csv_line)."""
    # The byte order mark lets Excel read the accents of a double-clicked file.
    yield "\ufeff" + csv_line(journal_headers())
    for row in rows:
        yield csv_line(
            [
                row.entry,
                row.date,
                row.document,
                row.account,
                row.debit,
                row.credit,
                row.organisation,
                row.description,
            ]
        )


def ristourne_headers() -> list[str]:
    return [
        _("code d'organisation"),
        _("organisation"),
        _("catégorie de membre"),
        _("affaires de l'exercice"),
        _("part (%)"),
        _("montant"),
        _("note de crédit"),
    ]


def ristourne_csv_lines(ristourne: Ristourne) -> Iterator[str]:
    """A ristourne's allocation as CSV, largest share first, in two queries: the list the board
    reads before adopting it, and the credit notes' numbers once adopted."""
    yield "\ufeff" + csv_line(ristourne_headers())
    allocations = ristourne.allocations.select_related("organisation", "credit_note").order_by(
        "-business", "organisation__code"
    )
    for allocation in allocations:
        yield csv_line(
            [
                allocation.organisation.code,
                allocation.organisation.name,
                str(MemberCategory(allocation.member_category).label),
                allocation.business,
                allocation.share * HUNDRED,
                allocation.amount,
                allocation.credit_note.number if allocation.credit_note else "",
            ]
        )
