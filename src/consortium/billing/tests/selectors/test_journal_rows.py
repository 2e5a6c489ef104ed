"""The accounting journal: each issued invoice, credit note and payment of the period is one
balanced entry on the accounts of the billing settings; drafts and other periods stay out."""

import datetime as dt
from collections import defaultdict
from decimal import Decimal

import pytest

from consortium.billing.exports import journal_csv_lines, journal_rows
from consortium.testing.factories import (
    BillingSettingsFactory,
    CreditNoteFactory,
    DraftInvoiceFactory,
    InvoiceLineFactory,
    OrganisationFactory,
    PaymentFactory,
    issue_for_tests,
)

pytestmark = pytest.mark.django_db

JUNE = {"start": dt.date(2020, 6, 1), "end": dt.date(2020, 6, 30)}


def invoice_of(amount: str, *, on=dt.date(2020, 6, 10), organisation=None, **fields):
    draft = DraftInvoiceFactory(organisation=organisation or OrganisationFactory(), **fields)
    InvoiceLineFactory(invoice=draft, hours=None, rate=None, amount=Decimal(amount))
    return issue_for_tests(draft, on=on)


def sides(rows) -> list[tuple[str, str, str]]:
    return [(row.account, f"{row.debit:.2f}", f"{row.credit:.2f}") for row in rows]


@pytest.fixture(autouse=True)
def settings_row():
    return BillingSettingsFactory()


def test_an_invoice_debits_receivable_and_credits_revenue_and_both_taxes():
    invoice = invoice_of("100.00")
    rows = journal_rows(**JUNE)
    assert sides(rows) == [
        ("1100", "114.98", "0.00"),
        ("4100", "0.00", "100.00"),
        ("2310", "0.00", "5.00"),
        ("2320", "0.00", "9.98"),
    ]
    assert {row.document for row in rows} == {invoice.number}
    assert {row.date for row in rows} == {dt.date(2020, 6, 10)}
    assert {row.organisation for row in rows} == {invoice.organisation.code}


def test_a_discount_is_debited_to_its_own_account():
    invoice_of("1000.00", discount_percent=Decimal("10"))
    # 1 000 − 100 = 900 taxable: GST 45,00, QST 89,78, total 1 034,78.
    assert sides(journal_rows(**JUNE)) == [
        ("1100", "1034.78", "0.00"),
        ("4100", "0.00", "1000.00"),
        ("4190", "100.00", "0.00"),
        ("2310", "0.00", "45.00"),
        ("2320", "0.00", "89.78"),
    ]


def test_a_credit_note_reverses_its_invoice_and_a_payment_moves_receivable_to_cash():
    invoice = invoice_of("140.00", on=dt.date(2020, 5, 20))
    note = CreditNoteFactory(organisation=invoice.organisation, credited_invoice=invoice)
    InvoiceLineFactory(invoice=note, hours=None, rate=None, amount=Decimal("140.00"))
    issue_for_tests(note, on=dt.date(2020, 6, 5))
    PaymentFactory(invoice=invoice, date=dt.date(2020, 6, 2), amount=Decimal("60.00"))
    rows = journal_rows(**JUNE)
    assert [(row.entry, *side) for row, side in zip(rows, sides(rows), strict=True)] == [
        (1, "1010", "60.00", "0.00"),
        (1, "1100", "0.00", "60.00"),
        (2, "1100", "0.00", "160.97"),
        (2, "4100", "140.00", "0.00"),
        (2, "2310", "7.00", "0.00"),
        (2, "2320", "13.97", "0.00"),
    ]


def test_a_ristourne_credit_note_is_debited_to_the_ristourne_account():
    invoice = invoice_of("500.00", on=dt.date(2020, 5, 20))
    note = CreditNoteFactory(
        organisation=invoice.organisation, credited_invoice=invoice, credit_reason="ristourne"
    )
    InvoiceLineFactory(
        invoice=note, hours=None, rate=None, amount=Decimal("50.00"), tax_code="exempt"
    )
    issue_for_tests(note, on=dt.date(2020, 6, 30))
    assert sides(journal_rows(**JUNE)) == [("1100", "0.00", "50.00"), ("4195", "50.00", "0.00")]


def test_every_entry_balances():
    organisation = OrganisationFactory()
    for amount, discount in (("99.99", "0"), ("8180.00", "0"), ("333.33", "12.5")):
        invoice = invoice_of(amount, organisation=organisation, discount_percent=Decimal(discount))
        PaymentFactory(invoice=invoice, date=dt.date(2020, 6, 20), amount=Decimal("10.01"))
    totals = defaultdict(lambda: [Decimal(0), Decimal(0)])
    rows = journal_rows(**JUNE)
    for row in rows:
        totals[row.entry][0] += row.debit
        totals[row.entry][1] += row.credit
    assert len(totals) == 6
    assert all(debit == credit for debit, credit in totals.values())


def test_drafts_and_documents_of_other_periods_stay_out():
    InvoiceLineFactory(invoice=DraftInvoiceFactory(), amount=Decimal("100.00"))
    invoice_of("100.00", on=dt.date(2020, 7, 1))
    invoice_of("100.00", on=dt.date(2020, 5, 31))
    assert journal_rows(**JUNE) == []


def test_the_accounts_are_those_of_the_settings(settings_row):
    settings_row.receivable_account = "11-000"
    settings_row.save()
    invoice_of("100.00")
    assert journal_rows(**JUNE)[0].account == "11-000"


def test_the_journal_is_read_in_three_queries_whatever_the_period_holds(
    django_assert_num_queries,
):
    organisation = OrganisationFactory()
    for day in range(1, 6):
        invoice = invoice_of("100.00", on=dt.date(2020, 6, day), organisation=organisation)
        PaymentFactory(invoice=invoice, date=dt.date(2020, 6, 20), amount=Decimal("50.00"))
    with django_assert_num_queries(3):
        rows = journal_rows(**JUNE)
    assert len(rows) == 5 * 4 + 5 * 2


def test_the_csv_has_its_headers_and_escapes_what_a_spreadsheet_would_run(settings_row):
    settings_row.gst_account = "=HYPERLINK(1)"
    settings_row.save()
    invoice_of("100.00", organisation=OrganisationFactory(name="Coop, « Nord »"))
    lines = list(journal_csv_lines(journal_rows(**JUNE)))
    assert lines[0] == (
        "\ufeffécriture,date,pièce,compte,débit,crédit,code d'organisation,description\r\n"
    )
    assert lines[1].startswith("1,2020-06-10,2020-2021-0001,1100,114.98,0.00,")
    assert lines[1].endswith(',"Facture 2020-2021-0001 – Coop, « Nord »"\r\n')
    assert ",'=HYPERLINK(1),0.00,5.00," in lines[3]


def test_documents_made_by_the_services_give_a_journal_whose_receivable_is_the_balance(finance):
    from consortium.billing.services.credits import credit_note_create
    from consortium.billing.services.issuing import invoice_issue
    from consortium.billing.services.payments import payment_record
    from consortium.billing.services.totals import invoice_totals_refresh

    draft = DraftInvoiceFactory(discount_percent=Decimal("10"))
    for amount, tax_code in (("1000.00", "taxable"), ("250.00", "taxable"), ("40.00", "exempt")):
        InvoiceLineFactory(invoice=draft, amount=Decimal(amount), tax_code=tax_code)
    invoice_totals_refresh(draft)
    invoice = invoice_issue(invoice=draft, user=finance, on=dt.date(2020, 6, 3))
    first_line = invoice.lines.order_by("position", "id").first()
    credit_note_create(
        invoice=invoice,
        user=finance,
        reason="correction",
        amounts={first_line.pk: Decimal("100.00")},
        on=dt.date(2020, 6, 10),
    )
    payment_record(
        invoice=invoice,
        date=dt.date(2020, 6, 20),
        amount=Decimal("500.00"),
        method="cheque",
        user=finance,
    )
    invoice.refresh_from_db()
    rows = journal_rows(**JUNE)
    receivable = sum(row.debit - row.credit for row in rows if row.account == "1100")
    assert receivable == invoice.balance
    assert sum(row.debit for row in rows) == sum(row.credit for row in rows)
    assert [row.description for row in rows if row.account == "1010"] == [
        f"Paiement de la facture {invoice.number} (chèque)"
    ]
