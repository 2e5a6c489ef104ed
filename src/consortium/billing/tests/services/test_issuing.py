import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from consortium.billing.models import BillingSettings, Invoice, InvoiceCounter, InvoiceStatus
from consortium.billing.services.issuing import invoice_issue, invoices_issue
from consortium.billing.services.totals import invoice_totals_refresh
from consortium.testing.factories import (
    BillingSettingsFactory,
    DraftInvoiceFactory,
    InvoiceLineFactory,
    OrganisationFactory,
)

pytestmark = pytest.mark.django_db
ISSUE_DAY = dt.date(2020, 7, 2)


def _draft(amount="100.00", **values):
    invoice = DraftInvoiceFactory(**values)
    InvoiceLineFactory(invoice=invoice, amount=Decimal(amount))
    return invoice_totals_refresh(invoice)


@pytest.fixture
def settings_row():
    return BillingSettingsFactory()


def test_issuing_gives_the_years_next_number_dates_and_copied_names(settings_row, finance):
    organisation = OrganisationFactory(name="Coopérative du Fjord")
    invoice = invoice_issue(invoice=_draft(organisation=organisation), user=finance, on=ISSUE_DAY)

    assert invoice.number == "2020-2021-0001"
    assert invoice.status == InvoiceStatus.ISSUED
    assert (invoice.issued_on, invoice.due_on) == (ISSUE_DAY, dt.date(2020, 8, 1))
    assert invoice.fiscal_year.name == "2020-2021"
    assert invoice.issued_by == finance
    assert invoice.customer_name == "Coopérative du Fjord"
    assert (invoice.supplier_name, invoice.supplier_gst_number, invoice.supplier_qst_number) == (
        "Consortium de services partagés coop",
        "123456789 RT0001",
        "1234567890 TQ0001",
    )
    assert invoice.total == Decimal("114.98")


def test_numbers_follow_each_other_and_restart_with_the_fiscal_year(settings_row):
    numbers = [
        invoice_issue(invoice=_draft(), user=None, on=day).number
        for day in (dt.date(2021, 3, 30), dt.date(2021, 3, 31), dt.date(2021, 4, 1))
    ]
    assert numbers == ["2020-2021-0001", "2020-2021-0002", "2021-2022-0001"]


def test_an_issued_invoice_is_not_issued_again(settings_row):
    invoice = invoice_issue(invoice=_draft(), user=None, on=ISSUE_DAY)
    with pytest.raises(ValidationError, match="La facture 2020-2021-0001 est déjà émise"):
        invoice_issue(invoice=invoice, user=None, on=ISSUE_DAY)


def test_a_draft_without_a_line_is_refused(settings_row):
    with pytest.raises(ValidationError, match="Un brouillon sans ligne ne peut être émis"):
        invoice_issue(invoice=DraftInvoiceFactory(), user=None, on=ISSUE_DAY)
    assert not InvoiceCounter.objects.exists()


def test_issuing_without_the_centres_tax_numbers_says_what_to_fill_and_where():
    BillingSettings.objects.create(pk=1, legal_name="Consortium", address="Montréal")
    draft = _draft()

    with pytest.raises(ValidationError) as caught:
        invoice_issue(invoice=draft, user=None, on=ISSUE_DAY)

    assert caught.value.messages == [
        "Impossible d'émettre : remplissez numéro de TPS, numéro de TVQ dans l'administration, "
        "« Paramètres de facturation »."
    ]
    draft.refresh_from_db()
    assert draft.is_draft and draft.number == ""


def test_only_finance_and_administrators_issue(settings_row, owner, administrator):
    with pytest.raises(PermissionDenied):
        invoice_issue(invoice=_draft(), user=owner, on=ISSUE_DAY)
    assert invoice_issue(invoice=_draft(), user=administrator, on=ISSUE_DAY).number


def test_issuing_many_issues_the_good_ones_and_names_the_refused(settings_row):
    good, empty = _draft(), DraftInvoiceFactory()

    with pytest.raises(ValidationError) as caught:
        invoices_issue(invoices=[good, empty], user=None, on=ISSUE_DAY)

    assert caught.value.messages == [
        f"Brouillon n° {empty.pk} : Un brouillon sans ligne ne peut être émis."
    ]
    assert Invoice.objects.get(pk=good.pk).number == "2020-2021-0001"


@pytest.mark.parametrize(
    ("amount", "gst", "qst", "total"),
    [
        ("100.00", "5.00", "9.98", "114.98"),
        ("140.00", "7.00", "13.97", "160.97"),
        ("8180.00", "409.00", "815.96", "9404.96"),
    ],
)
def test_an_issued_invoice_keeps_its_taxes_to_the_cent(settings_row, amount, gst, qst, total):
    invoice = invoice_issue(invoice=_draft(amount), user=None, on=ISSUE_DAY)

    invoice.refresh_from_db()
    assert (invoice.gst, invoice.qst, invoice.total) == (Decimal(gst), Decimal(qst), Decimal(total))
