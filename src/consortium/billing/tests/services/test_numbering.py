import datetime as dt
from decimal import Decimal

import pytest
from django.db import transaction

from consortium.billing.models import Invoice, InvoiceKind
from consortium.billing.numbering import number_take
from consortium.billing.services.issuing import invoice_issue
from consortium.billing.services.totals import invoice_totals_refresh
from consortium.core.models import FiscalYear
from consortium.testing.concurrency import run_together
from consortium.testing.factories import (
    BillingSettingsFactory,
    DraftInvoiceFactory,
    InvoiceLineFactory,
)

DAY = dt.date(2020, 7, 2)


class Rollback(Exception):
    pass


@pytest.mark.django_db
def test_invoices_and_credit_notes_have_their_own_series():
    with transaction.atomic():
        year, sequence, number = number_take(kind=InvoiceKind.INVOICE, on=DAY)
        assert (year.name, sequence, number) == ("2020-2021", 1, "2020-2021-0001")
        assert number_take(kind=InvoiceKind.CREDIT_NOTE, on=DAY)[2] == "NC-2020-2021-0001"
        assert number_take(kind=InvoiceKind.INVOICE, on=DAY)[2] == "2020-2021-0002"
    assert FiscalYear.objects.get().start_date == dt.date(2020, 4, 1)


@pytest.mark.django_db
def test_a_rolled_back_issue_leaves_no_gap():
    with pytest.raises(Rollback), transaction.atomic():
        number_take(kind=InvoiceKind.INVOICE, on=DAY)
        raise Rollback

    with transaction.atomic():
        assert number_take(kind=InvoiceKind.INVOICE, on=DAY)[2] == "2020-2021-0001"


@pytest.mark.django_db(transaction=True)
def test_a_number_is_taken_only_inside_the_issuing_transaction():
    with pytest.raises(RuntimeError):
        number_take(kind=InvoiceKind.INVOICE, on=DAY)


def _draft():
    invoice = DraftInvoiceFactory()
    InvoiceLineFactory(invoice=invoice, amount=Decimal("100.00"))
    return invoice_totals_refresh(invoice)


def test_two_issuers_at_once_never_take_one_number(concurrent_db):
    BillingSettingsFactory()
    drafts = [_draft() for _ in range(4)]

    outcomes = run_together(
        *(lambda draft=draft: invoice_issue(invoice=draft, user=None, on=DAY) for draft in drafts)
    )

    assert not [outcome for outcome in outcomes if isinstance(outcome, BaseException)]
    numbers = sorted(Invoice.objects.values_list("number", flat=True))
    assert numbers == [f"2020-2021-000{n}" for n in range(1, 5)]
