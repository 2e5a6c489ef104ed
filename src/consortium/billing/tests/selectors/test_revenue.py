"""Service revenue from issued invoices: what finance and the report count for a year."""

from decimal import Decimal

import pytest

from consortium.billing.selectors.revenue import invoiced_years, service_revenue_by_organisation
from consortium.testing.factories import (
    DraftInvoiceFactory,
    FiscalYearFactory,
    InvoiceLineFactory,
    OrganisationFactory,
    issued_document,
)

pytestmark = pytest.mark.django_db


def test_revenue_by_organisation_is_net_of_credit_notes_discounts_and_taxes():
    year = FiscalYearFactory(name="2020-2021")
    payer, other = OrganisationFactory(), OrganisationFactory()
    invoice = issued_document(payer, year, [("hours", "10", "1000.00"), ("expense", None, "40")])
    issued_document(payer, year, [("hours", "1", "100.00")], credited=invoice)
    issued_document(other, year, [("hours", "5", "500.00")], discount_percent=10)

    assert invoice.total == Decimal("1195.74")  # taxes are not revenue
    assert service_revenue_by_organisation(["2020-2021"]) == {
        "2020-2021": {payer.pk: Decimal("940.00"), other.pk: Decimal("450.00")}
    }


def test_drafts_and_other_years_do_not_count():
    year, before = FiscalYearFactory(name="2020-2021"), FiscalYearFactory(name="2019-2020")
    payer = OrganisationFactory()
    InvoiceLineFactory(invoice=DraftInvoiceFactory(organisation=payer), amount=Decimal("300"))
    issued_document(payer, before, [("hours", "1", "100.00")])

    assert service_revenue_by_organisation([year.name]) == {}
    assert invoiced_years([year.name, before.name]) == {before.name}


def test_a_ristourne_s_credit_notes_share_the_surplus_and_leave_revenue_as_it_was():
    year = FiscalYearFactory(name="2020-2021")
    member = OrganisationFactory()
    invoice = issued_document(member, year, [("hours", "10", "1000.00")])
    issued_document(
        member, year, [("credit", None, "50.00")], credited=invoice, credit_reason="ristourne"
    )

    assert service_revenue_by_organisation([year.name]) == {
        year.name: {member.pk: Decimal("1000.00")}
    }
