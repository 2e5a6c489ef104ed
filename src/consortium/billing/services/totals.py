"""A document's amounts, computed from its lines each time a draft changes."""

from consortium.billing.models import Invoice
from consortium.billing.taxes import Line, invoice_totals

TOTAL_FIELDS = ("subtotal", "discount", "taxable", "gst", "qst", "total")


def invoice_totals_refresh(invoice: Invoice) -> Invoice:
    """Recompute and save the subtotal, discount, taxable amount, GST, QST and total of a draft
    from its lines (one query to read them, one to save). The caller holds the transaction."""
    lines = invoice.lines.values_list("amount", "tax_code")
    totals = invoice_totals(
        (Line(amount, tax_code) for amount, tax_code in lines), invoice.discount_percent
    )
    for name in TOTAL_FIELDS:
        setattr(invoice, name, getattr(totals, name))
    invoice.save(update_fields=[*TOTAL_FIELDS, "updated_at"])
    return invoice
