"""The rate table, the programmes and the invoices in the administration."""

import datetime as dt
from decimal import Decimal

import pytest

from consortium.billing.models import Invoice, Programme, Rate
from consortium.core.tests.admin_pages import admin_url, changelist_rows, page_text
from consortium.testing.factories import (
    MandateTypeFactory,
    OrganisationFactory,
    ProgrammeFactory,
    RateFactory,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("view", "french", "english"),
    [
        ("billing_rate_changelist", "Catégorie de membre", "Member category"),
        ("billing_rate_add", "Taux horaire", "Hourly rate"),
        ("billing_programme_changelist", "Bailleur de fonds", "Funder"),
        ("billing_programme_add", "Heures accordées par organisation", "Hours granted per"),
        ("billing_invoice_changelist", "facture à afficher", "invoice to view"),
    ],
)
def test_the_pages_speak_the_language_of_the_address(admin_client, view, french, english):
    RateFactory()
    ProgrammeFactory()
    assert french in page_text(admin_client, view)
    assert english in page_text(admin_client, view, language="en")


def test_an_overlapping_rate_is_refused_on_the_form_naming_the_other_rates_dates(admin_client):
    RateFactory(member_category="user", valid_from=dt.date(2020, 4, 1), valid_until=None)
    response = admin_client.post(
        admin_url("billing_rate_add"),
        {
            "member_category": "user",
            "mandate_type": "",
            "expert_role": "",
            "hourly_rate": "90.00",
            "valid_from": "2021-04-01",
            "valid_until": "",
        },
    )
    assert response.status_code == 200
    assert "en vigueur depuis le 2020-04-01" in response.content.decode()
    assert Rate.objects.count() == 1


def test_a_rate_is_added_and_removed_through_the_admin(admin_client):
    response = admin_client.post(
        admin_url("billing_rate_add"),
        {"member_category": "auxiliary", "hourly_rate": "72.50", "valid_from": "2020-04-01"},
    )
    assert response.status_code == 302
    rate = Rate.objects.get()
    assert rate.hourly_rate == Decimal("72.50")
    response = admin_client.post(admin_url("billing_rate_delete", rate.pk), {"post": "yes"})
    assert response.status_code == 302
    assert not Rate.objects.exists()


def test_a_programme_is_added_with_its_eligible_organisations(admin_client):
    funder = OrganisationFactory(code="VILLE")
    coop = OrganisationFactory(code="COOP1")
    support = MandateTypeFactory(code="SOUT")
    response = admin_client.post(
        admin_url("billing_programme_add"),
        {
            "code": "25H",
            "name_fr": "Obtenez 25 h de soutien gratuit",
            "name_en": "",
            "funder": funder.pk,
            "hours_per_organisation": "25",
            "start": "2020-04-01",
            "end": "2021-03-31",
            "mandate_types": [support.pk],
            "rule_region": "",
            "rule_legal_form": "",
            "rule_member_category": "",
            "eligibilities-TOTAL_FORMS": "1",
            "eligibilities-INITIAL_FORMS": "0",
            "eligibilities-0-organisation": coop.pk,
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    programme = Programme.objects.get()
    assert list(programme.mandate_types.all()) == [support]
    assert list(programme.eligibilities.values_list("organisation__code", flat=True)) == ["COOP1"]


def test_a_programme_without_a_covered_type_is_refused_on_the_form(admin_client):
    response = admin_client.post(
        admin_url("billing_programme_add"),
        {
            "code": "25H",
            "name_fr": "Vingt-cinq heures",
            "funder": OrganisationFactory().pk,
            "hours_per_organisation": "25",
            "start": "2020-04-01",
            "end": "2021-03-31",
            "eligibilities-TOTAL_FORMS": "0",
            "eligibilities-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 200
    assert not Programme.objects.exists()


def test_the_programme_list_filters_by_funder(admin_client):
    city = OrganisationFactory(code="VILLE")
    ProgrammeFactory(code="A", funder=city)
    ProgrammeFactory(code="B")
    rows = changelist_rows(
        admin_client, "billing_programme_changelist", f"?funder__id__exact={city.pk}"
    )
    assert [programme.code for programme in rows] == ["A"]


def test_the_programme_page_shows_its_eligible_organisations(admin_client):
    programme = ProgrammeFactory()
    programme.eligibilities.create(organisation=OrganisationFactory(name="Coop du Plateau"))
    assert "Coop du Plateau" in page_text(admin_client, "billing_programme_change", programme.pk)


def test_invoices_are_listed_read_only_and_found_by_number_or_organisation(admin_client):
    organisation = OrganisationFactory(code="COOP1", name="Coop du Plateau")
    Invoice.objects.create(organisation=organisation, note="brouillon")
    Invoice.objects.create(organisation=OrganisationFactory(code="AUTRE"))
    assert len(changelist_rows(admin_client, "billing_invoice_changelist", "?q=Plateau")) == 1
    assert len(changelist_rows(admin_client, "billing_invoice_changelist", "?q=COOP1")) == 1
    assert admin_client.get(admin_url("billing_invoice_add")).status_code == 403


def test_the_mandate_type_list_shows_whether_each_is_billable(admin_client):
    MandateTypeFactory(code="CONGE", billable=False)
    rows = changelist_rows(admin_client, "mandates_mandatetype_changelist", "?billable__exact=0")
    assert [mandate_type.code for mandate_type in rows] == ["CONGE"]
    assert "Facturable" in page_text(admin_client, "mandates_mandatetype_changelist")
