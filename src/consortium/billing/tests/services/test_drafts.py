"""Finance edits a draft before issuing it; an issued invoice refuses every edit."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from consortium.billing.models import Invoice, InvoiceEntry, InvoiceLine, LineKind, TaxCode
from consortium.billing.services.drafts import (
    invoice_discount_set,
    invoice_draft_delete,
    invoice_line_add,
    invoice_line_delete,
    invoice_line_update,
    invoice_note_set,
)
from consortium.testing.factories import (
    InvoiceEntryFactory,
    MandateFactory,
    TimeEntryFactory,
    draft_invoice,
    issued_invoice,
)

pytestmark = pytest.mark.django_db


def test_editing_a_lines_text_and_tax_code_recomputes_the_taxes():
    invoice = draft_invoice(amounts=["100.00"])
    assert invoice.total == Decimal("114.98")
    line = invoice.lines.get()
    invoice_line_update(line=line, description="  Tenue de livres, juin  ", tax_code=TaxCode.EXEMPT)
    line.refresh_from_db()
    invoice.refresh_from_db()
    assert line.description == "Tenue de livres, juin"
    assert (invoice.gst, invoice.qst, invoice.total) == (Decimal("0"), Decimal("0"), Decimal("100"))


def test_an_added_line_of_hours_times_a_rate_is_their_product_to_the_cent():
    invoice = draft_invoice(amounts=["100.00"])
    line = invoice_line_add(
        invoice=invoice,
        kind=LineKind.FIXED_FEE,
        description="Formation",
        amount=None,
        hours=Decimal("1.5"),
        rate=Decimal("93.33"),
    )
    invoice.refresh_from_db()
    assert line.amount == Decimal("140.00")  # 139,995 rounded half up
    assert line.position == 1
    assert invoice.subtotal == Decimal("240.00")
    assert invoice.total == Decimal("275.94")  # 240 + 12,00 + 23,94


def test_an_added_line_whose_amount_disagrees_with_hours_times_rate_is_refused():
    invoice = draft_invoice()
    with pytest.raises(ValidationError, match="ne fait pas"):
        invoice_line_add(
            invoice=invoice,
            kind=LineKind.EXPENSE,
            description="Déplacement",
            amount=Decimal("50"),
            hours=Decimal("2"),
            rate=Decimal("30"),
        )
    assert invoice.lines.count() == 1


def test_only_fixed_fees_and_expenses_are_added_by_hand():
    with pytest.raises(ValidationError, match="forfait ou des débours"):
        invoice_line_add(
            invoice=draft_invoice(), kind=LineKind.HOURS, description="x", amount=Decimal("10")
        )


def test_an_added_line_on_a_mandate_billed_to_someone_else_is_refused():
    invoice = draft_invoice()
    with pytest.raises(ValidationError, match="n'est pas facturé"):
        invoice_line_add(
            invoice=invoice,
            kind=LineKind.EXPENSE,
            description="Kilométrage",
            amount=Decimal("42.10"),
            mandate=MandateFactory(),
        )


def test_a_ten_percent_discount_reduces_the_taxable_amount_before_the_taxes():
    invoice = draft_invoice(amounts=["100.00", "200.00", "33.33"])
    invoice_discount_set(invoice=invoice, percent=Decimal("10"))
    invoice.refresh_from_db()
    assert invoice.subtotal == Decimal("333.33")
    assert invoice.discount == Decimal("33.33")
    assert invoice.taxable == Decimal("300.00")
    assert (invoice.gst, invoice.qst, invoice.total) == (
        Decimal("15.00"),
        Decimal("29.93"),
        Decimal("344.93"),
    )


@pytest.mark.parametrize("percent", ["-1", "100.01", "12.345"])
def test_a_discount_outside_0_to_100_or_finer_than_a_hundredth_is_refused(percent):
    with pytest.raises(ValidationError, match="escompte"):
        invoice_discount_set(invoice=draft_invoice(), percent=Decimal(percent))


def test_the_note_is_saved_on_the_draft():
    invoice = invoice_note_set(invoice=draft_invoice(), note="Merci de votre confiance.")
    assert Invoice.objects.get(pk=invoice.pk).note == "Merci de votre confiance."


def test_deleting_an_hours_line_frees_its_entries_for_the_next_run():
    billed = InvoiceEntryFactory(line__amount=Decimal("700.00"))
    invoice = billed.line.invoice
    invoice_line_delete(line=billed.line)
    invoice.refresh_from_db()
    assert not InvoiceEntry.objects.filter(time_entry=billed.time_entry).exists()
    assert invoice.total == Decimal("0")


def test_deleting_a_draft_deletes_its_lines_and_frees_its_entries():
    entry = TimeEntryFactory(date=dt.date(2020, 6, 2))
    billed = InvoiceEntryFactory(time_entry=entry)
    invoice_draft_delete(invoice=billed.line.invoice)
    assert not Invoice.objects.exists()
    assert not InvoiceLine.objects.exists()
    assert not entry.invoice_entries.exists()


@pytest.mark.parametrize(
    "edit",
    [
        lambda invoice: invoice_line_update(line=invoice.lines.get(), description="Autre"),
        lambda invoice: invoice_line_add(
            invoice=invoice, kind=LineKind.EXPENSE, description="x", amount=Decimal("1")
        ),
        lambda invoice: invoice_line_delete(line=invoice.lines.get()),
        lambda invoice: invoice_discount_set(invoice=invoice, percent=Decimal("5")),
        lambda invoice: invoice_note_set(invoice=invoice, note="Autre"),
        lambda invoice: invoice_draft_delete(invoice=invoice),
    ],
    ids=["line", "add", "delete line", "discount", "note", "delete"],
)
def test_an_issued_invoice_refuses_every_edit_and_names_itself(edit):
    invoice = issued_invoice()
    with pytest.raises(ValidationError, match=f"La facture {invoice.number} est émise"):
        edit(invoice)
    invoice.refresh_from_db()
    assert invoice.total == Decimal("114.98")
    assert invoice.lines.count() == 1


def test_a_user_who_may_not_bill_is_refused_and_finance_is_not(people):
    invoice = draft_invoice()
    with pytest.raises(PermissionDenied):
        invoice_note_set(invoice=invoice, note="Autre", user=people.director)
    invoice_note_set(invoice=invoice, note="Merci", user=people.finance)
    assert Invoice.objects.get(pk=invoice.pk).note == "Merci"
