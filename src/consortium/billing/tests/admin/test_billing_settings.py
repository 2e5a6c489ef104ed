"""The billing settings in the administration: one row, saved through its service (a tax number
of the wrong form is refused on the form, nothing saved), never added twice nor deleted."""

import pytest
from django.core.exceptions import ValidationError

from consortium.billing.models import BillingSettings
from consortium.billing.services.settings import billing_settings_save
from consortium.core.tests.admin_pages import admin_url, page_text
from consortium.testing.factories import BillingSettingsFactory

pytestmark = pytest.mark.django_db

FORM = {
    "legal_name": "Coopérative de services partagés",
    "address": "1000, rue Sherbrooke Ouest\r\nMontréal (Québec) H3A 3G4",
    "email": "facturation@example.coop",
    "phone": "514 555-0100",
    "gst_number": "123456789rt0001",
    "qst_number": "1234567890 TQ0001",
    "payment_terms_days": "30",
    "receivable_account": "1100",
    "service_revenue_account": "4100",
    "discount_account": "4190",
    "gst_account": "2310",
    "qst_account": "2320",
    "cash_account": "1010",
    "ristourne_account": "4195",
}


def test_the_list_opens_the_form_that_creates_the_one_row(admin_client):
    response = admin_client.get(admin_url("billing_billingsettings_changelist"))
    assert response.status_code == 302
    assert response["Location"] == admin_url("billing_billingsettings_add")


def test_finance_fills_the_settings_and_the_numbers_are_tidied(admin_client):
    response = admin_client.post(admin_url("billing_billingsettings_add"), FORM)
    assert response.status_code == 302
    settings = BillingSettings.objects.get()
    assert settings.pk == 1
    assert settings.gst_number == "123456789RT0001"
    assert settings.legal_name == "Coopérative de services partagés"


def test_a_tax_number_of_the_wrong_form_is_refused_on_the_form(admin_client):
    BillingSettingsFactory()
    url = admin_url("billing_billingsettings_change", 1)
    response = admin_client.post(url, {**FORM, "qst_number": "12345"})
    assert response.status_code == 200
    assert "Le numéro de TVQ a la forme 1234567890 TQ0001." in response.content.decode()
    assert BillingSettings.objects.get().qst_number == "1234567890 TQ0001"


def test_the_one_row_is_changed_in_place(admin_client):
    BillingSettingsFactory()
    response = admin_client.post(
        admin_url("billing_billingsettings_change", 1), {**FORM, "cash_account": "1020"}
    )
    assert response.status_code == 302
    assert BillingSettings.objects.get().cash_account == "1020"
    assert admin_client.get(admin_url("billing_billingsettings_changelist"))["Location"] == (
        admin_url("billing_billingsettings_change", 1)
    )


def test_the_row_is_neither_added_twice_nor_deleted(admin_client):
    BillingSettingsFactory()
    assert admin_client.get(admin_url("billing_billingsettings_add")).status_code == 403
    assert admin_client.get(admin_url("billing_billingsettings_delete", 1)).status_code == 403


def test_the_form_reads_in_french_and_in_english(admin_client):
    BillingSettingsFactory()
    assert "Comptes du journal comptable" in page_text(
        admin_client, "billing_billingsettings_change", 1
    )
    assert "Accounts of the accounting journal" in page_text(
        admin_client, "billing_billingsettings_change", 1, language="en"
    )


def test_the_service_refuses_a_gst_number_naming_the_field(db):
    with pytest.raises(ValidationError) as refused:
        billing_settings_save(**{**FORM, "gst_number": "RT0001"})
    assert refused.value.message_dict == {
        "gst_number": ["Le numéro de TPS a la forme 123456789 RT0001."]
    }
    assert not BillingSettings.objects.exists()


def test_a_ristourne_and_its_shares_are_read_in_the_admin_never_changed(admin_client, finance):
    import datetime as dt
    from decimal import Decimal

    from consortium.billing.services.ristournes import ristourne_propose
    from consortium.testing.factories import (
        DraftInvoiceFactory,
        FiscalYearFactory,
        InvoiceLineFactory,
        MembershipFactory,
        OrganisationFactory,
        issue_for_tests,
    )

    BillingSettingsFactory()
    FiscalYearFactory(name="2020-2021")
    organisation = OrganisationFactory(code="GRAND", name="Coopérative Grand")
    MembershipFactory(organisation=organisation)
    draft = DraftInvoiceFactory(organisation=organisation)
    InvoiceLineFactory(invoice=draft)
    issue_for_tests(draft, on=dt.date(2020, 9, 1))
    ristourne = ristourne_propose(fiscal_year="2020-2021", amount=Decimal("12.34"), user=finance)
    page = page_text(admin_client, "billing_ristourne_change", ristourne.pk)
    assert "Coopérative Grand" in page and "12,34" in page
    assert "2020-2021" in page_text(admin_client, "billing_ristourne_changelist")
    response = admin_client.post(
        admin_url("billing_ristourne_change", ristourne.pk), {"amount": "99.00"}
    )
    assert response.status_code == 403
