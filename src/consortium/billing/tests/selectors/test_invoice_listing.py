import datetime as dt
from decimal import Decimal

import pytest

from consortium.billing.models import InvoiceKind
from consortium.billing.selectors.invoices import invoice_listing
from consortium.billing.services.credits import credit_note_create
from consortium.billing.services.issuing import invoice_issue
from consortium.billing.services.totals import invoice_totals_refresh
from consortium.members.models import MemberCategory
from consortium.testing.factories import (
    BillingSettingsFactory,
    DraftInvoiceFactory,
    InvoiceLineFactory,
    MandateFactory,
    MembershipFactory,
    OrganisationFactory,
)

pytestmark = pytest.mark.django_db


def _issued(organisation, amount="100.00", on=dt.date(2020, 7, 2)):
    draft = DraftInvoiceFactory(organisation=organisation)
    InvoiceLineFactory(
        invoice=draft,
        mandate=MandateFactory(code=f"M-{organisation.code}", organisation=organisation),
        hours=Decimal("2.5"),
        rate=Decimal("40.00"),
        amount=Decimal(amount),
    )
    invoice_totals_refresh(draft)
    return invoice_issue(invoice=draft, user=None, on=on)


def test_the_listing_gives_each_document_with_its_lines_and_the_payers_category():
    BillingSettingsFactory()
    member = OrganisationFactory(code="FJORD")
    MembershipFactory(
        organisation=member, category=MemberCategory.AUXILIARY, start=dt.date(2020, 7, 1)
    )
    invoice = _issued(member)
    credit_note_create(invoice=invoice, user=None, reason="cancellation", on=dt.date(2020, 8, 1))
    _issued(OrganisationFactory(code="AUTRE"), on=dt.date(2021, 4, 1))  # the next year

    rows = invoice_listing(fiscal_year="2020-2021")

    assert [row["number"] for row in rows] == ["2020-2021-0001", "NC-2020-2021-0001"]
    assert rows[0] == {
        "number": "2020-2021-0001",
        "kind": InvoiceKind.INVOICE,
        "organisation_code": "FJORD",
        "member_category": "auxiliary",
        "issued_on": "2020-07-02",
        "status": "cancelled",
        "subtotal": "100.00",
        "discount": "0.00",
        "taxable": "100.00",
        "gst": "5.00",
        "qst": "9.98",
        "total": "114.98",
        "paid": "0.00",
        "lines": [
            {
                "mandate_code": "M-FJORD",
                "description": rows[0]["lines"][0]["description"],
                "hours": "2.50",
                "rate": "40.00",
                "amount": "100.00",
                "tax_code": "taxable",
            }
        ],
    }
    assert rows[1]["kind"] == "credit_note" and rows[1]["total"] == "114.98"


def test_a_payer_without_a_membership_on_the_issue_day_is_a_non_member():
    BillingSettingsFactory()
    organisation = OrganisationFactory()
    MembershipFactory(organisation=organisation, end=dt.date(2020, 6, 30))
    _issued(organisation)

    (row,) = invoice_listing(fiscal_year="2020-2021")

    assert row["member_category"] == "non_member"


def test_the_listing_takes_three_queries_whatever_its_length(django_assert_num_queries):
    BillingSettingsFactory()
    for _ in range(4):
        organisation = OrganisationFactory()
        MembershipFactory(organisation=organisation)
        _issued(organisation)

    with django_assert_num_queries(3):
        assert len(invoice_listing(fiscal_year="2020-2021")) == 4
