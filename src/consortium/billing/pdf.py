"""An invoice or a credit note as a document: the web page's body and the PDF (WeasyPrint), from
one template, `billing/invoice_document.html`, in the invoice's language. A page shows it with
`{% include "billing/invoice_document.html" with document=document %}` (`invoice_document`)
and the stylesheet `billing/invoice.css`.

What Revenu Québec requires on the document (its page "Preparing invoices", table "Justification
of ITCs and ITRs": the supporting documents a registered customer needs to claim its input tax
credits and refunds; the federal GST rule has the same list). For a sale of $150 or more, taxes
included (the table's last column; the federal regulation's 2021 thresholds are $100 and $500),
every one of these; under that, a subset of them. The document prints them all, whatever the
amount, so that no invoice ever lacks one:

- the supplier's name (the centre's legal name, as copied on the invoice when it was issued);
- the supplier's GST and QST registration numbers;
- the date of the invoice;
- the purchaser's name (the billed organisation, as copied when issued);
- the terms of payment (the number of days and the due date);
- a description of the services (a line per mandate, and the hours as an appendix);
- the total amount payable (and what is paid, and the balance due);
- the amount of each tax, with its rate: GST 5 %, QST 9.975 %, and which lines are taxed (each
  line's tax code: taxable, zero-rated, exempt).

A credit note (Revenu Québec, "Goods returned by a customer", and the federal Credit Note and
Debit Note Information Regulations) says that it is a credit note, names the supplier with its
GST and QST numbers and the customer, has its own date, gives the amount of the adjustment and
the tax credited at each rate, and refers to the invoice it corrects (its number and date); the
reason for the credit is printed too.

A draft is not a document yet: it prints "BROUILLON" across every page and no number.
"""

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from consortium.billing.models import (
    BillingSettings,
    CreditReason,
    Invoice,
    InvoiceEntry,
    InvoiceKind,
    InvoiceLine,
    TaxCode,
)
from consortium.billing.taxes import GST_RATE, HUNDRED, QST_RATE
from consortium.core import formatting
from consortium.core.documents import document_stylesheet, html_pdf
from consortium.core.languages import active_language

STYLESHEET = Path(__file__).resolve().parent / "static" / "billing" / "invoice.css"


@dataclass(frozen=True)
class Supplier:
    name: str
    address: str
    gst_number: str
    qst_number: str
    email: str = ""
    phone: str = ""


@dataclass
class DocumentLine:
    line: InvoiceLine
    tax_letter: str
    entries: list[InvoiceEntry] = field(default_factory=list)


@dataclass
class InvoiceDocument:
    """What the template prints: the stored invoice and what it takes from around it."""

    invoice: Invoice
    title: str
    supplier: Supplier
    customer_name: str
    terms: str
    lines: list[DocumentLine]
    tax_legend: list[tuple[str, str]]
    discount_label: str
    gst_label: str
    qst_label: str
    credit_reason: str

    @property
    def is_draft(self) -> bool:
        return self.invoice.is_draft

    @property
    def is_credit_note(self) -> bool:
        return self.invoice.kind == InvoiceKind.CREDIT_NOTE

    @property
    def tax_legend_text(self) -> str:
        return " · ".join(f"{letter} = {label}" for letter, label in self.tax_legend)

    @property
    def has_appendix(self) -> bool:
        return any(line.entries for line in self.lines)


# One letter is no sentence to translate: each language's letters are here (détaxé: zero-rated).
TAX_LETTERS = {
    "fr": {TaxCode.TAXABLE: "T", TaxCode.ZERO_RATED: "D", TaxCode.EXEMPT: "E"},
    "en": {TaxCode.TAXABLE: "T", TaxCode.ZERO_RATED: "Z", TaxCode.EXEMPT: "E"},
}


def tax_letters() -> dict[str, str]:
    """The one-letter tax code printed beside each line, in the active language."""
    return TAX_LETTERS[active_language()]


def _percent_label(value: Decimal) -> str:
    """5 %, 9,975 %, 12,5 %: as many decimals as the rate has."""
    value = value.normalize()
    decimals = max(0, -value.as_tuple().exponent)
    return formatting.percent(value, decimals)


def _supplier(invoice: Invoice, settings: BillingSettings) -> Supplier:
    # An issued document keeps the identity it was issued with; a draft shows today's.
    if invoice.is_draft:
        return Supplier(
            settings.legal_name,
            settings.address,
            settings.gst_number,
            settings.qst_number,
            settings.email,
            settings.phone,
        )
    return Supplier(
        invoice.supplier_name,
        invoice.supplier_address,
        invoice.supplier_gst_number,
        invoice.supplier_qst_number,
        settings.email,
        settings.phone,
    )


def _terms(invoice: Invoice, settings: BillingSettings) -> str:
    if invoice.kind == InvoiceKind.CREDIT_NOTE:
        return ""
    if invoice.issued_on and invoice.due_on:
        days = (invoice.due_on - invoice.issued_on).days
        return _("Payable dans les %(days)s jours, au plus tard le %(due)s.") % {
            "days": days,
            "due": formatting.long_date(invoice.due_on),
        }
    return _("Payable dans les %(days)s jours suivant la date de la facture.") % {
        "days": settings.payment_terms_days
    }


def _title(invoice: Invoice) -> str:
    if invoice.kind == InvoiceKind.CREDIT_NOTE:
        return _("Note de crédit")
    return _("Facture")


def invoice_document(invoice: Invoice) -> InvoiceDocument:
    """The document's content, in the active language, in four queries whatever its size: the
    settings, the invoice and who it names, its lines and their mandates, the hours they bill."""
    settings = BillingSettings.objects.filter(pk=1).first() or BillingSettings()
    invoice = Invoice.objects.select_related("organisation", "credited_invoice").get(pk=invoice.pk)
    letters = tax_letters()
    lines = {
        line.pk: DocumentLine(line, letters.get(line.tax_code, ""))
        for line in InvoiceLine.objects.filter(invoice=invoice).select_related("mandate")
    }
    entries = (
        InvoiceEntry.objects.filter(line__invoice=invoice)
        .select_related("time_entry__expert")
        .order_by("line__position", "line_id", "time_entry__date", "time_entry__expert__last_name")
    )
    for entry in entries:
        lines[entry.line_id].entries.append(entry)
    discount = invoice.discount_percent.normalize() if invoice.discount_percent else None
    return InvoiceDocument(
        invoice=invoice,
        title=_title(invoice),
        supplier=_supplier(invoice, settings),
        customer_name=invoice.customer_name or invoice.organisation.name,
        terms=_terms(invoice, settings),
        lines=list(lines.values()),
        tax_legend=[(letters[code], label) for code, label in TaxCode.choices],
        discount_label=(
            _("Escompte (%(rate)s)") % {"rate": _percent_label(discount)}
            if discount
            else _("Escompte")
        ),
        gst_label=_("TPS (%(rate)s)") % {"rate": _percent_label(GST_RATE * HUNDRED)},
        qst_label=_("TVQ (%(rate)s)") % {"rate": _percent_label(QST_RATE * HUNDRED)},
        credit_reason=(
            str(CreditReason(invoice.credit_reason).label) if invoice.credit_reason else ""
        ),
    )


def invoice_html(invoice: Invoice) -> str:
    """The document as a standalone HTML page (the PDF's source), in the invoice's language."""
    with translation.override(invoice.language or "fr"):
        document = invoice_document(invoice)
        return render_to_string(
            "billing/invoice_pdf.html",
            {"document": document, "stylesheet": document_stylesheet(STYLESHEET)},
        )


def invoice_pdf(invoice: Invoice) -> bytes:
    """The invoice or credit note as a PDF, in its language, the hours as an appendix."""
    return html_pdf(invoice_html(invoice), STYLESHEET.parent)
