"""The aged balance and the statement, with every figure computed by hand."""

import datetime as dt
from decimal import Decimal

import pytest

from consortium.billing.selectors.receivables import aged_balance, statement
from consortium.testing.factories import (
    OrganisationFactory,
    PaymentFactory,
    draft_invoice,
    issued_invoice,
)

pytestmark = pytest.mark.django_db
ON = dt.date(2020, 9, 30)


def test_each_invoice_falls_in_the_bucket_of_its_age_from_the_invoice_date():
    fjord = OrganisationFactory(name="Coopérative du Fjord")
    for days in (0, 30, 31, 60, 61, 90, 91):
        issued_invoice(fjord, issued_on=ON - dt.timedelta(days=days), amounts=["100.00"])
    row = aged_balance(on=ON).rows[0]
    assert row.name == "Coopérative du Fjord"
    assert (row.days_0_30, row.days_31_60, row.days_61_90, row.over_90) == (
        Decimal("229.96"),
        Decimal("229.96"),
        Decimal("229.96"),
        Decimal("114.98"),
    )
    assert row.total == Decimal("804.86")


def test_payments_and_credit_notes_count_only_up_to_the_chosen_day():
    fjord = OrganisationFactory()
    invoice = issued_invoice(fjord, issued_on=dt.date(2020, 9, 1), amounts=["100.00"])
    PaymentFactory(invoice=invoice, date=dt.date(2020, 9, 15), amount=Decimal("14.98"))
    PaymentFactory(invoice=invoice, date=dt.date(2020, 10, 15), amount=Decimal("50.00"))
    issued_invoice(
        fjord,
        kind="credit_note",
        credited_invoice=invoice,
        credit_reason="correction",
        issued_on=dt.date(2020, 9, 20),
        amounts=["20.00"],
    )
    assert aged_balance(on=ON).rows[0].days_0_30 == Decimal("77.00")  # 114,98 − 14,98 − 23,00
    assert aged_balance(on=dt.date(2020, 9, 16)).rows[0].total == Decimal("100.00")
    assert aged_balance(on=dt.date(2020, 10, 31)).rows[0].days_31_60 == Decimal("27.00")


def test_drafts_settled_invoices_and_later_invoices_are_left_out():
    paid = issued_invoice(issued_on=dt.date(2020, 9, 1))
    PaymentFactory(invoice=paid, date=dt.date(2020, 9, 2), amount=paid.total)
    draft_invoice()
    issued_invoice(issued_on=dt.date(2020, 10, 1))
    balance = aged_balance(on=ON)
    assert balance.rows == []
    assert balance.totals["total"] == Decimal("0")


def test_the_totals_add_up_every_organisation(django_assert_num_queries):
    for name in ("A", "B", "C"):
        issued_invoice(OrganisationFactory(name=name), issued_on=dt.date(2020, 5, 1))
    with django_assert_num_queries(1):
        balance = aged_balance(on=ON)
    assert [row.name for row in balance.rows] == ["A", "B", "C"]
    assert balance.totals["over_90"] == balance.totals["total"] == Decimal("344.94")


def test_a_statement_runs_the_balance_from_what_was_owed_before_the_period():
    fjord = OrganisationFactory()
    old = issued_invoice(fjord, issued_on=dt.date(2020, 3, 15), amounts=["100.00"])
    PaymentFactory(invoice=old, date=dt.date(2020, 3, 31), amount=Decimal("100.00"))
    invoice = issued_invoice(fjord, issued_on=dt.date(2020, 4, 10), amounts=["200.00"])
    PaymentFactory(
        invoice=invoice, date=dt.date(2020, 4, 20), amount=Decimal("100.00"), reference="CHQ-12"
    )
    issued_invoice(
        fjord,
        kind="credit_note",
        credited_invoice=invoice,
        credit_reason="correction",
        issued_on=dt.date(2020, 4, 25),
        amounts=["50.00"],
    )
    issued_invoice(OrganisationFactory(), issued_on=dt.date(2020, 4, 12))
    result = statement(organisation=fjord, start=dt.date(2020, 4, 1), end=dt.date(2020, 4, 30))
    assert result.opening == Decimal("14.98")
    assert [
        (line.date.day, line.kind, line.debit, line.credit, line.balance) for line in result.lines
    ] == [
        (10, "invoice", Decimal("229.95"), Decimal("0"), Decimal("244.93")),
        (20, "payment", Decimal("0"), Decimal("100.00"), Decimal("144.93")),
        (25, "credit_note", Decimal("0"), Decimal("57.49"), Decimal("87.44")),
    ]
    assert "CHQ-12" in result.lines[1].label
    assert result.closing == Decimal("87.44")


def test_a_statement_costs_four_queries_however_many_documents(django_assert_num_queries):
    fjord = OrganisationFactory()
    for day in range(1, 6):
        invoice = issued_invoice(fjord, issued_on=dt.date(2020, 4, day))
        PaymentFactory(invoice=invoice, date=dt.date(2020, 4, day + 1))
    with django_assert_num_queries(4):
        result = statement(organisation=fjord, start=dt.date(2020, 4, 1), end=dt.date(2020, 4, 30))
    assert len(result.lines) == 10
