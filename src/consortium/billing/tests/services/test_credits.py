import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from consortium.billing.models import CreditReason, InvoiceKind, InvoiceStatus, TaxCode
from consortium.billing.services.credits import credit_note_create
from consortium.billing.services.issuing import invoice_issue
from consortium.billing.services.payments import payment_record
from consortium.billing.services.totals import invoice_totals_refresh
from consortium.testing.factories import (
    BillingSettingsFactory,
    DraftInvoiceFactory,
    InvoiceLineFactory,
    OrganisationFactory,
)

pytestmark = pytest.mark.django_db
ISSUED = dt.date(2020, 7, 2)
CREDITED = dt.date(2020, 7, 20)


@pytest.fixture
def invoice():
    """Three lines with a 10 % discount: 1 000 + 500 + 250 = 1 750,00 $ less 175,00 $."""
    BillingSettingsFactory()
    draft = DraftInvoiceFactory(discount_percent=Decimal("10"))
    for amount in ("1000.00", "500.00", "250.00"):
        InvoiceLineFactory(invoice=draft, amount=Decimal(amount))
    invoice_totals_refresh(draft)
    return invoice_issue(invoice=draft, user=None, on=ISSUED)


def test_the_three_line_invoice_with_its_discount_is_taxed_after_it(invoice):
    assert (invoice.subtotal, invoice.discount, invoice.taxable) == (
        Decimal("1750.00"),
        Decimal("175.00"),
        Decimal("1575.00"),
    )
    assert (invoice.gst, invoice.qst, invoice.total) == (
        Decimal("78.75"),
        Decimal("157.11"),
        Decimal("1810.86"),
    )


def test_a_partial_credit_note_adjusts_the_taxes_and_lowers_the_balance(invoice):
    line = invoice.lines.get(amount=Decimal("500.00"))

    note = credit_note_create(
        invoice=invoice,
        user=None,
        reason=CreditReason.CORRECTION,
        amounts={line.pk: Decimal("100.00")},
        note="Deux heures facturées en trop.",
        on=CREDITED,
    )

    # 100,00 $ less the invoice's 10 %: 90,00 $ taxable, GST 4,50 $, QST 8,98 $.
    assert note.kind == InvoiceKind.CREDIT_NOTE and note.number == "NC-2020-2021-0001"
    assert (note.subtotal, note.discount, note.taxable, note.gst, note.qst, note.total) == (
        Decimal("100.00"),
        Decimal("10.00"),
        Decimal("90.00"),
        Decimal("4.50"),
        Decimal("8.98"),
        Decimal("103.48"),
    )
    assert note.credited_invoice == invoice and note.issued_on == CREDITED
    assert note.customer_name == invoice.customer_name
    assert note.supplier_gst_number == "123456789 RT0001"
    invoice.refresh_from_db()
    assert (invoice.status, invoice.credited, invoice.balance) == (
        InvoiceStatus.ISSUED,
        Decimal("103.48"),
        Decimal("1707.38"),
    )


def test_a_whole_credit_note_gives_back_exactly_the_invoice_and_cancels_it(invoice):
    note = credit_note_create(
        invoice=invoice, user=None, reason=CreditReason.CANCELLATION, on=CREDITED
    )

    assert (note.subtotal, note.gst, note.qst, note.total) == (
        invoice.subtotal,
        invoice.gst,
        invoice.qst,
        invoice.total,
    )
    invoice.refresh_from_db()
    assert (invoice.status, invoice.balance) == (InvoiceStatus.CANCELLED, Decimal("0.00"))


def test_crediting_more_than_a_line_has_left_is_refused(invoice):
    line = invoice.lines.get(amount=Decimal("250.00"))
    credit_note_create(
        invoice=invoice, user=None, reason="correction", amounts={line.pk: Decimal("200.00")}
    )

    with pytest.raises(ValidationError) as caught:
        credit_note_create(
            invoice=invoice, user=None, reason="correction", amounts={line.pk: Decimal("60.00")}
        )

    assert caught.value.messages == [
        f"Ligne « {line.description} » : 60.00 $ à créditer, il n'en reste que 50.00 $."
    ]


def test_what_is_left_after_a_partial_credit_can_still_be_credited_and_cancels(invoice):
    line = invoice.lines.get(amount=Decimal("1000.00"))
    credit_note_create(
        invoice=invoice, user=None, reason="correction", amounts={line.pk: Decimal("400.00")}
    )

    credit_note_create(invoice=invoice, user=None, reason="cancellation")

    invoice.refresh_from_db()
    assert invoice.status == InvoiceStatus.CANCELLED
    assert invoice.credited == invoice.total


def test_a_draft_is_not_credited():
    draft = DraftInvoiceFactory()
    InvoiceLineFactory(invoice=draft)
    with pytest.raises(ValidationError, match="Un brouillon ne se crédite pas"):
        credit_note_create(invoice=draft, user=None, reason="correction")


def test_a_cancelled_invoice_is_not_credited_again(invoice):
    credit_note_create(invoice=invoice, user=None, reason="cancellation")
    with pytest.raises(ValidationError, match="est annulée"):
        credit_note_create(invoice=invoice, user=None, reason="cancellation")


def test_a_ristourne_credits_an_organisation_without_an_invoice():
    BillingSettingsFactory()
    organisation = OrganisationFactory()

    note = credit_note_create(
        invoice=None,
        user=None,
        reason=CreditReason.RISTOURNE,
        organisation=organisation,
        amount=Decimal("350.00"),
        on=CREDITED,
    )

    assert note.credited_invoice is None and note.number == "NC-2020-2021-0001"
    assert (note.total, note.lines.get().tax_code) == (Decimal("350.00"), TaxCode.EXEMPT)


def test_a_credit_note_after_a_payment_leaves_the_invoice_paid(invoice):
    payment_record(invoice=invoice, date=CREDITED, amount=Decimal("1707.38"), method="transfer")
    line = invoice.lines.get(amount=Decimal("500.00"))

    credit_note_create(
        invoice=invoice, user=None, reason="correction", amounts={line.pk: Decimal("100.00")}
    )

    invoice.refresh_from_db()
    assert (invoice.status, invoice.balance) == (InvoiceStatus.PAID, Decimal("0.00"))


def test_credit_notes_are_each_taxed_on_their_own_amounts():
    BillingSettingsFactory()
    draft = DraftInvoiceFactory()
    first = InvoiceLineFactory(invoice=draft, amount=Decimal("0.10"))
    InvoiceLineFactory(invoice=draft, amount=Decimal("0.10"))
    invoice_totals_refresh(draft)  # 0,20 $: GST 0,01 $, QST 0,02 $ (0,01995): 0,23 $
    invoice = invoice_issue(invoice=draft, user=None, on=ISSUED)
    credit_note_create(
        invoice=invoice, user=None, reason="correction", amounts={first.pk: Decimal("0.10")}
    )

    last = credit_note_create(invoice=invoice, user=None, reason="cancellation")

    # 0,10 $: GST 0,01 $ (0,005), QST 0,01 $ (0,009975); twice, a cent more than the invoice.
    assert (last.gst, last.qst, last.total) == (Decimal("0.01"), Decimal("0.01"), Decimal("0.12"))
    invoice.refresh_from_db()
    assert (invoice.status, invoice.balance) == (InvoiceStatus.CANCELLED, Decimal("-0.01"))
