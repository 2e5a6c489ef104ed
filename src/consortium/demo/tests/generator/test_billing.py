"""The demo's billing (on the shared demo): invoices from April 2019 to the month before last,
numbered without gaps, taxed to the cent, paid or late, the payers members."""

import datetime as dt
from decimal import Decimal

import pytest
from django.db.models import Max, Q

from consortium.billing.models import (
    BillingSettings,
    Invoice,
    InvoiceCounter,
    InvoiceKind,
    InvoiceStatus,
    Programme,
    Rate,
)
from consortium.billing.taxes import GST_RATE, QST_RATE
from consortium.core.money import cents
from consortium.demo.generator.billing.plan import billing_end
from consortium.mandates.models import Mandate, MandateType
from consortium.timesheets.models import TimeEntry

pytestmark = pytest.mark.django_db


def test_every_hour_is_invoiced_up_to_the_month_before_last_and_none_after(demo):
    end = billing_end(demo["built_on"])
    assert not TimeEntry.objects.filter(date__lte=end, invoice_entries__isnull=True).exists()
    assert not TimeEntry.objects.filter(date__gt=end, invoice_entries__isnull=False).exists()
    assert TimeEntry.objects.filter(date__gt=end).exists()  # last month's, for finance to draft


def test_each_series_is_numbered_without_gaps_and_its_counter_ends_on_the_last(demo):
    issued = Invoice.objects.exclude(status=InvoiceStatus.DRAFT)
    for counter in InvoiceCounter.objects.all():
        series = issued.filter(fiscal_year=counter.fiscal_year, kind=counter.kind)
        sequences = sorted(series.values_list("sequence", flat=True))
        assert sequences == list(range(1, counter.last + 1))
    first = issued.filter(kind=InvoiceKind.INVOICE, fiscal_year__name="2020-2021", sequence=1)
    assert first.get().number == "2020-2021-0001"
    assert issued.filter(kind=InvoiceKind.CREDIT_NOTE, number__startswith="NC-").exists()


def test_taxes_are_five_and_9_975_percent_of_the_taxable_amount_to_the_cent(demo):
    for taxable, gst, qst, total, subtotal, discount in Invoice.objects.values_list(
        "taxable", "gst", "qst", "total", "subtotal", "discount"
    ):
        assert gst == cents(taxable * GST_RATE)
        assert qst == cents(taxable * QST_RATE)
        assert total == subtotal - discount + gst + qst


def test_most_invoices_are_paid_and_a_few_are_late(demo):
    statuses = Invoice.objects.filter(kind=InvoiceKind.INVOICE)
    assert statuses.filter(status=InvoiceStatus.PAID).count() > 0.9 * statuses.count()
    late = statuses.filter(
        status__in=[InvoiceStatus.ISSUED, InvoiceStatus.PARTLY_PAID],
        due_on__lt=demo["built_on"] - dt.timedelta(days=90),
    )
    assert late.exists()


def test_the_centre_has_its_settings_rates_and_programmes(demo):
    settings = BillingSettings.objects.get()
    assert settings.legal_name and settings.gst_number and settings.qst_number
    assert Rate.objects.filter(valid_from=dt.date(2021, 4, 1)).exists()
    assert Rate.objects.exclude(mandate_type=None).exists()
    assert Rate.objects.exclude(expert_role="").exists()
    names = set(Programme.objects.values_list("name_fr", flat=True))
    assert names == {"Obtenez 25 h de soutien gratuit", "Accélération-Relance 360°"}
    assert Invoice.objects.exclude(programme=None).exists()


def test_internal_time_has_its_own_types_never_billed(demo):
    internal = MandateType.objects.filter(billable=False)
    assert set(internal.values_list("code", flat=True)) == {"CONGE", "FORMINT", "CRISE"}
    assert not Invoice.objects.filter(lines__mandate__mandate_type__in=internal).exists()


def test_federations_and_sponsors_pay_for_non_members(demo):
    paid_by_another = Mandate.objects.exclude(billed_organisation=None)
    assert paid_by_another.exists()
    assert not paid_by_another.filter(billed_organisation__memberships=None).exists()
    fully_managed = Mandate.objects.exclude(fixed_fee=None)
    assert fully_managed.filter(mandate_type__code="GD").count() == fully_managed.count() > 0


def test_the_latest_invoices_bill_the_month_before_last(demo):
    latest = Invoice.objects.filter(kind=InvoiceKind.INVOICE).aggregate(Max("period_end"))
    assert latest["period_end__max"] == billing_end(demo["built_on"])
    assert not Invoice.objects.filter(~Q(paid=0), kind=InvoiceKind.CREDIT_NOTE).exists()
    assert Decimal(demo["invoices"]) == Invoice.objects.filter(kind=InvoiceKind.INVOICE).count()
