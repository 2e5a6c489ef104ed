"""finance_report from the platform's invoices: a year that has issued invoices takes its service
revenue from them, net of credit notes; a year without, from the imported actual amounts."""

import datetime as dt
from decimal import Decimal

import pytest

from consortium.finance.selectors import finance_report
from consortium.members.models import MemberCategory
from consortium.testing.factories import (
    AccountFactory,
    ActualAmountFactory,
    DraftInvoiceFactory,
    FiscalYearFactory,
    InvoiceLineFactory,
    MembershipFactory,
    OrganisationFactory,
    issued_document,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def years():
    return {name: FiscalYearFactory(name=name) for name in ("2019-2020", "2020-2021", "2021-2022")}


@pytest.fixture
def service():
    return AccountFactory(code="4100", service_revenue=True)


def member(category: str, start=dt.date(2015, 1, 1)):
    organisation = OrganisationFactory()
    MembershipFactory(organisation=organisation, category=category, start=start)
    return organisation


def test_a_year_with_invoices_takes_its_service_revenue_from_them_not_from_actuals(years, service):
    subsidy = AccountFactory(code="4300", revenue=True)
    user = member(MemberCategory.USER)
    ActualAmountFactory(
        account=service, fiscal_year=years["2020-2021"], organisation=user, amount=Decimal("999")
    )
    ActualAmountFactory(account=subsidy, fiscal_year=years["2020-2021"], amount=Decimal("300"))
    issued_document(user, years["2020-2021"], [("hours", "10", "1000.00")])

    report = finance_report("2020-2021")

    assert report["revenue_by_category"][MemberCategory.USER]["current"] == Decimal("1000.00")
    assert report["table"][0]["actual"] == Decimal("1300.00")


def test_credit_notes_reduce_and_drafts_do_not_count(years, service):
    user = member(MemberCategory.USER)
    issued_document(user, years["2019-2020"], [("hours", "10", "1000.00")])
    invoice = issued_document(user, years["2020-2021"], [("hours", "10", "1000.00")])
    issued_document(user, years["2020-2021"], [("hours", "2", "200.00")], credited=invoice)
    draft = DraftInvoiceFactory(organisation=user)
    InvoiceLineFactory(invoice=draft, amount=Decimal("5000"))

    report = finance_report("2020-2021")

    assert report["revenue_by_category"][MemberCategory.USER]["current"] == Decimal("800.00")
    assert report["price_volume"][MemberCategory.USER]["hours"] == Decimal("8.00")


def test_a_discount_is_taken_off_and_taxes_are_not_revenue(years, service):
    user = member(MemberCategory.USER)
    issued_document(user, years["2020-2021"], [("hours", "10", "1000.00")], discount_percent=10)

    report = finance_report("2020-2021")

    assert report["revenue_by_category"][MemberCategory.USER]["current"] == Decimal("900.00")


def test_a_year_before_the_platform_billed_keeps_its_actual_amounts(years, service):
    user, auxiliary = member(MemberCategory.USER), member(MemberCategory.AUXILIARY)
    for organisation in (user, auxiliary):
        ActualAmountFactory(
            account=service,
            fiscal_year=years["2019-2020"],
            organisation=organisation,
            amount=Decimal("1000"),
        )
    issued_document(user, years["2020-2021"], [("hours", "10", "1100.00")])
    issued_document(OrganisationFactory(), years["2020-2021"], [("hours", "1", "100.00")])

    report = finance_report("2020-2021")

    user_revenue = report["revenue_by_category"][MemberCategory.USER]
    assert (user_revenue["prior"], user_revenue["current"]) == (Decimal("1000"), Decimal("1100"))
    assert report["table"][0]["prior_actual"] == Decimal("2000")
    assert report["table"][0]["actual"] == Decimal("1200.00")
    assert report["member_business_pct"] == Decimal("91.7")
    assert (report["organisations_billed_prior"], report["organisations_billed"]) == (2, 2)
    assert report["price_volume"][MemberCategory.USER] is None
    assert report["other_members_price_volume"] is None


def test_the_payer_s_category_counts_and_every_invoiced_organisation_is_billed(years, service):
    federation = member(MemberCategory.AUXILIARY)
    issued_document(federation, years["2019-2020"], [("hours", "10", "1000.00")])
    issued_document(federation, years["2020-2021"], [("funded", "10", "1000.00")])
    issued_document(member(MemberCategory.USER), years["2020-2021"], [("hours", "5", "500.00")])

    report = finance_report("2020-2021")

    assert report["revenue_by_category"][MemberCategory.AUXILIARY]["growth_pct"] == Decimal("0.0")
    assert report["member_business_pct"] == Decimal("100.0")
    assert report["diversification"] == 1


def test_the_change_splits_into_volume_and_price(years, service):
    auxiliary = member(MemberCategory.AUXILIARY)
    # 2019-2020: 100 h for 10 000 $ (100 $/h); 2020-2021: 150 h for 16 500 $ (110 $/h).
    issued_document(auxiliary, years["2019-2020"], [("hours", "100", "10000.00")])
    issued_document(
        auxiliary,
        years["2020-2021"],
        [("hours", "150", "15000.00"), ("fixed_fee", None, "1500.00"), ("covered", "25", "0")],
    )

    split = finance_report("2020-2021")["price_volume"][MemberCategory.AUXILIARY]

    assert split == {
        "hours": Decimal("150.00"),
        "prior_hours": Decimal("100.00"),
        "average_rate": Decimal("110.00"),
        "prior_average_rate": Decimal("100.00"),
        "volume_effect": Decimal("5000.00"),  # 50 h × 100 $/h
        "price_effect": Decimal("1500.00"),  # 10 $/h × 150 h
    }


def test_the_other_members_split_sums_their_categories(years, service):
    user, auxiliary = member(MemberCategory.USER), member(MemberCategory.AUXILIARY)
    fully_managed = member(MemberCategory.FULLY_MANAGED)
    issued_document(user, years["2019-2020"], [("hours", "100", "10000.00")])
    issued_document(user, years["2020-2021"], [("hours", "100", "12000.00")])  # price: +2 000
    issued_document(auxiliary, years["2019-2020"], [("hours", "10", "1000.00")])
    issued_document(auxiliary, years["2020-2021"], [("hours", "15", "1500.00")])  # volume: +500
    issued_document(fully_managed, years["2019-2020"], [("hours", "10", "1000.00")])
    issued_document(fully_managed, years["2020-2021"], [("hours", "90", "9000.00")])

    report = finance_report("2020-2021")

    assert report["other_members_price_volume"] == {
        "volume_effect": Decimal("500.00"),
        "price_effect": Decimal("2000.00"),
    }
