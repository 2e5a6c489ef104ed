import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from consortium.billing.models import InvoiceStatus
from consortium.billing.services.credits import credit_note_create
from consortium.billing.services.issuing import invoice_issue
from consortium.billing.services.payments import payment_record
from consortium.billing.services.totals import invoice_totals_refresh
from consortium.testing.factories import (
    BillingSettingsFactory,
    DraftInvoiceFactory,
    InvoiceLineFactory,
)

pytestmark = pytest.mark.django_db
PAID_ON = dt.date(2020, 7, 15)


def _draft():
    draft = DraftInvoiceFactory()
    InvoiceLineFactory(invoice=draft, amount=Decimal("100.00"))
    return invoice_totals_refresh(draft)


@pytest.fixture
def invoice():
    BillingSettingsFactory()
    return invoice_issue(invoice=_draft(), user=None, on=dt.date(2020, 7, 2))  # 114,98 $


def _pay(invoice, amount, **options):
    return payment_record(
        invoice=invoice, date=PAID_ON, amount=Decimal(amount), method="cheque", **options
    )


def test_payments_make_an_invoice_partly_paid_then_paid(invoice, finance):
    _pay(invoice, "100.00", user=finance, reference="CHQ 1042")
    invoice.refresh_from_db()
    assert (invoice.status, invoice.paid, invoice.balance) == (
        InvoiceStatus.PARTLY_PAID,
        Decimal("100.00"),
        Decimal("14.98"),
    )

    payment = _pay(invoice, "14.98")

    invoice.refresh_from_db()
    assert (invoice.status, invoice.balance) == (InvoiceStatus.PAID, Decimal("0.00"))
    assert payment.invoice == invoice


def test_paying_more_than_the_balance_is_refused(invoice):
    with pytest.raises(ValidationError) as caught:
        _pay(invoice, "115.00")
    assert caught.value.messages == [
        "115.00 $ dépasse le solde de la facture 2020-2021-0001 (114.98 $)."
    ]


def test_the_balance_counts_credit_notes(invoice):
    line = invoice.lines.get()
    credit_note_create(
        invoice=invoice, user=None, reason="correction", amounts={line.pk: Decimal("50.00")}
    )  # 57,49 $ credited
    with pytest.raises(ValidationError, match=r"\(57.49 \$\)"):
        _pay(invoice, "60.00")
    _pay(invoice, "57.49")
    invoice.refresh_from_db()
    assert invoice.status == InvoiceStatus.PAID


def test_a_draft_or_a_cancelled_invoice_takes_no_payment(invoice):
    with pytest.raises(ValidationError, match="Un brouillon ne reçoit pas de paiement"):
        _pay(_draft(), "10.00")
    credit_note_create(invoice=invoice, user=None, reason="cancellation")
    with pytest.raises(ValidationError, match="est annulée"):
        _pay(invoice, "10.00")


def test_only_finance_records_payments(invoice, owner):
    with pytest.raises(PermissionDenied):
        _pay(invoice, "10.00", user=owner)
