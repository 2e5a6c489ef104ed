"""The invoice PDF prints every mention Revenu Québec requires, its lines, taxes and totals, in
the invoice's language, the hours as an appendix; a draft says so and has no number."""

import datetime as dt
from decimal import Decimal

import pytest

from consortium.billing.pdf import invoice_document, invoice_pdf
from consortium.testing.documents import pdf_pages
from consortium.testing.factories import (
    BillingSettingsFactory,
    CreditNoteFactory,
    DraftInvoiceFactory,
    ExpertFactory,
    InvoiceEntryFactory,
    InvoiceLineFactory,
    MandateFactory,
    OrganisationFactory,
    TimeEntryFactory,
    issue_for_tests,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def organisation():
    return OrganisationFactory(code="COOPNORD", name="Coopérative du Nord")


def make_invoice(organisation, language="fr"):
    BillingSettingsFactory()
    draft = DraftInvoiceFactory(
        organisation=organisation, discount_percent=Decimal("10"), language=language
    )
    mandate = MandateFactory(code="M-CPT-01", organisation=organisation)
    line = InvoiceLineFactory(
        invoice=draft,
        mandate=mandate,
        description="Tenue de livres",
        hours=Decimal("8.00"),
        rate=Decimal("95.00"),
        amount=Decimal("760.00"),
    )
    InvoiceLineFactory(
        invoice=draft,
        kind="expense",
        description="Frais de déplacement",
        hours=None,
        rate=None,
        amount=Decimal("40.00"),
        tax_code="zero_rated",
    )
    expert = ExpertFactory(first_name="Léa", last_name="Tremblay")
    for day, hours in ((2, "5.00"), (3, "3.00")):
        entry = TimeEntryFactory(
            expert=expert,
            mandate=mandate,
            date=dt.date(2020, 6, day),
            hours=Decimal(hours),
            description=f"Saisie du {day} juin",
        )
        InvoiceEntryFactory(line=line, time_entry=entry)
    return issue_for_tests(draft, on=dt.date(2020, 6, 30))


@pytest.fixture
def invoice(organisation):
    return make_invoice(organisation)


def test_an_issued_invoice_prints_every_mention_revenu_quebec_requires(invoice):
    # 760 + 40 = 800; 10 % off: 80; taxable 760 − 76 = 684; GST 34,20; QST 68,23;
    # total 800 − 80 + 34,20 + 68,23 = 822,43.
    text = " ".join(pdf_pages(invoice_pdf(invoice)))
    assert "Consortium de services partagés coop" in text
    assert "123456789 RT0001" in text
    assert "1234567890 TQ0001" in text
    assert "Facture" in text
    assert "2020-2021-0001" in text
    assert "30 juin 2020" in text
    assert "Coopérative du Nord" in text
    assert "Payable dans les 30 jours, au plus tard le 30 juillet 2020." in text
    assert "Tenue de livres" in text and "M-CPT-01" in text
    assert "8 h" in text and "95,00 $" in text and "760,00 $" in text
    for figure in ("800,00 $", "−80,00 $", "684,00 $", "34,20 $", "68,23 $", "822,43 $"):
        assert figure in text
    assert "TPS (5 %)" in text
    assert "TVQ (9,975 %)" in text
    assert "Escompte (10 %)" in text
    assert "Solde dû" in text


def test_the_hours_are_an_appendix_grouped_by_line(invoice):
    pages = pdf_pages(invoice_pdf(invoice))
    appendix = pages[-1]
    assert "Annexe : détail des heures" in appendix
    assert "M-CPT-01 – Tenue de livres" in appendix
    assert (
        "2020-06-02" in appendix and "Léa Tremblay" in appendix and "Saisie du 2 juin" in appendix
    )


def test_an_english_invoice_reads_in_english(organisation):
    invoice = make_invoice(organisation, language="en")
    text = " ".join(pdf_pages(invoice_pdf(invoice)))
    assert "Invoice" in text
    assert "GST (5%)" in text
    assert "QST (9.975%)" in text
    assert "$822.43" in text
    assert "June 30, 2020" in text


def test_a_draft_says_brouillon_and_has_no_number(organisation):
    BillingSettingsFactory()
    draft = DraftInvoiceFactory(organisation=organisation)
    InvoiceLineFactory(invoice=draft, amount=Decimal("100.00"))
    text = " ".join(pdf_pages(invoice_pdf(draft)))
    assert "BROUILLON" in text
    assert "2020-2021-" not in text


def test_a_credit_note_names_the_invoice_it_corrects_and_its_reason(invoice):
    note = CreditNoteFactory(
        organisation=invoice.organisation, credited_invoice=invoice, credit_reason="correction"
    )
    InvoiceLineFactory(
        invoice=note,
        description="Heures facturées en trop",
        hours=Decimal("1"),
        rate=Decimal("140"),
        amount=Decimal("140.00"),
    )
    note = issue_for_tests(note, on=dt.date(2020, 7, 10))
    text = " ".join(pdf_pages(invoice_pdf(note)))
    assert "Note de crédit" in text
    assert "NC-2020-2021-0001" in text
    assert "se rapporte à la facture n° 2020-2021-0001 du 30 juin 2020" in text
    assert "Motif : correction" in text
    # 140,00 $: GST 7,00 $, QST 13,97 $, 160,97 $ credited.
    for figure in ("140,00 $", "7,00 $", "13,97 $", "160,97 $"):
        assert figure in text
    assert "Solde dû" not in text


def test_a_long_invoice_runs_over_three_pages(organisation):
    BillingSettingsFactory()
    draft = DraftInvoiceFactory(organisation=organisation)
    mandate = MandateFactory(organisation=organisation)
    line = InvoiceLineFactory(invoice=draft, mandate=mandate, hours=Decimal("120"))
    expert = ExpertFactory()
    for index in range(120):
        entry = TimeEntryFactory(
            expert=expert,
            mandate=mandate,
            date=dt.date(2020, 4, 1) + dt.timedelta(days=index),
            hours=Decimal("1.00"),
            description=f"Travail numéro {index}",
        )
        InvoiceEntryFactory(line=line, time_entry=entry)
    invoice = issue_for_tests(draft, on=dt.date(2020, 8, 31))
    pages = pdf_pages(invoice_pdf(invoice))
    assert len(pages) >= 3
    assert "Travail numéro 119" in pages[-1]
    assert "2020-2021-0001" in pages[-1]  # every page names the invoice


def test_the_document_is_read_in_a_constant_number_of_queries(invoice, django_assert_num_queries):
    with django_assert_num_queries(4):
        document = invoice_document(invoice)
    assert len(document.lines) == 2


def test_the_page_body_holds_no_inline_style_or_script_for_the_strict_csp(invoice):
    from django.template.loader import render_to_string

    html = render_to_string(
        "billing/invoice_document.html", {"document": invoice_document(invoice)}
    )
    assert "2020-2021-0001" in html
    assert "style=" not in html and "<style" not in html
    assert "<script" not in html and "onclick" not in html


def test_an_english_credit_note_reads_in_english_with_its_tax_letters(organisation):
    invoice = make_invoice(organisation, language="en")
    note = CreditNoteFactory(organisation=organisation, credited_invoice=invoice, language="en")
    InvoiceLineFactory(
        invoice=note, amount=Decimal("40.00"), tax_code="zero_rated", description="Travel"
    )
    note = issue_for_tests(note, on=dt.date(2020, 7, 10))
    text = " ".join(pdf_pages(invoice_pdf(note)))
    assert "Credit note" in text
    assert "This credit note relates to invoice No. 2020-2021-0001 of June 30, 2020." in text
    assert "Reason: correction" in text
    assert "Z = zero-rated" in text
    assert "$40.00" in text


def test_an_invoice_drafted_and_issued_by_the_services_prints_its_hours(finance):
    from consortium.billing.models import Invoice
    from consortium.billing.services.drafting import invoices_draft
    from consortium.billing.services.issuing import invoice_issue
    from consortium.testing.factories import ApprovedWeekFactory, MembershipFactory, RateFactory

    BillingSettingsFactory()
    member = OrganisationFactory(code="FJORD", name="Coopérative du Fjord")
    MembershipFactory(organisation=member, category="user")
    RateFactory(member_category="user", hourly_rate=Decimal("100.00"))
    expert = ExpertFactory(first_name="Léa", last_name="Tremblay")
    ApprovedWeekFactory(expert=expert, week_start=dt.date(2020, 6, 1))
    mandate = MandateFactory(code="M-1", title="Tenue de livres", organisation=member)
    for day, hours in ((1, "3.00"), (2, "7.00")):
        TimeEntryFactory(
            expert=expert,
            mandate=mandate,
            date=dt.date(2020, 6, day),
            hours=Decimal(hours),
            description=f"Conciliation du {day} juin",
        )
    invoices_draft(through=dt.date(2020, 6, 30))
    invoice = invoice_issue(invoice=Invoice.objects.get(), user=finance, on=dt.date(2020, 7, 2))
    pages = pdf_pages(invoice_pdf(invoice))
    text = " ".join(pages)
    assert invoice.number in text and "Coopérative du Fjord" in text
    assert "M-1" in text and "10 h" in text and "100,00 $" in text
    for figure in ("1 000,00 $", "50,00 $", "99,75 $", "1 149,75 $"):
        assert figure in text
    assert "Conciliation du 1 juin" in pages[-1] and "Léa Tremblay" in pages[-1]


def test_every_page_of_a_draft_says_brouillon(organisation):
    BillingSettingsFactory()
    draft = DraftInvoiceFactory(organisation=organisation)
    mandate = MandateFactory(organisation=organisation)
    line = InvoiceLineFactory(invoice=draft, mandate=mandate, hours=Decimal("80"))
    expert = ExpertFactory()
    for index in range(80):
        entry = TimeEntryFactory(
            expert=expert,
            mandate=mandate,
            date=dt.date(2020, 4, 1) + dt.timedelta(days=index),
            hours=Decimal("1.00"),
        )
        InvoiceEntryFactory(line=line, time_entry=entry)
    pages = pdf_pages(invoice_pdf(draft))
    assert len(pages) >= 2
    assert all("BROUILLON" in page for page in pages)
