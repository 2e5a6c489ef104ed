"""The portal's organisation pages, as a user would meet them: the owner and a colleague read
their organisation, a contact of another organisation gets 404, staff get 403, a federation's
contact reads its enterprise's overview and services but not its invoices."""

import datetime as dt
import html
from decimal import Decimal

import pytest

from consortium.testing.factories import (
    ApprovedWeekFactory,
    ExpertFactory,
    FiscalYearFactory,
    MandateFactory,
    MemberContactFactory,
    OrganisationFactory,
    ProgrammeEligibilityFactory,
    ProgrammeFactory,
    StaffRoleFactory,
    TimeEntryFactory,
    TimesheetWeekFactory,
    draft_invoice,
    issued_invoice,
)
from consortium.testing.web import signed_in, url

pytestmark = pytest.mark.django_db

TODAY = dt.date(2020, 10, 15)  # in fiscal year 2020-2021
PAGES = (
    "portal:overview",
    "portal:services",
    "portal:banks",
    "portal:invoices",
    "portal:documents",
)
OWNER_ONLY = ("portal:banks", "portal:invoices", "portal:documents")


@pytest.fixture(autouse=True)
def today(monkeypatch):
    monkeypatch.setattr("consortium.portal.views._today", lambda: TODAY)


class Scene:
    pass


@pytest.fixture
def scene():
    FiscalYearFactory(name="2019-2020")
    FiscalYearFactory(name="2020-2021")
    s = Scene()
    s.federation = OrganisationFactory(code="FED", name="Fédération des coops")
    s.enterprise = OrganisationFactory(code="ENT", name="Coop du Fjord", federation=s.federation)
    s.other = OrganisationFactory(code="AUT", name="Autre coop")
    s.owner = MemberContactFactory(organisation=s.enterprise, title="Directrice").user
    s.colleague = MemberContactFactory(organisation=s.enterprise).user
    s.federation_contact = MemberContactFactory(organisation=s.federation).user
    s.stranger = MemberContactFactory(organisation=s.other).user
    s.mandate = MandateFactory(
        organisation=s.enterprise, title="Tenue de livres", start=dt.date(2020, 4, 1)
    )
    s.expert = ExpertFactory(first_name="Émilie", last_name="Pilon")
    ApprovedWeekFactory(expert=s.expert, week_start=dt.date(2020, 6, 1))
    TimeEntryFactory(
        expert=s.expert, mandate=s.mandate, date=dt.date(2020, 6, 2), hours=Decimal("7.5")
    )
    # A week its director has not approved yet: its hours stay off the portal.
    TimesheetWeekFactory(expert=s.expert, week_start=dt.date(2020, 6, 8), status="draft")
    TimeEntryFactory(
        expert=s.expert, mandate=s.mandate, date=dt.date(2020, 6, 9), hours=Decimal("4")
    )
    s.invoice = issued_invoice(s.enterprise, amounts=(Decimal("500.00"),))
    s.draft = draft_invoice(s.enterprise, amounts=(Decimal("900.00"),))
    s.other_invoice = issued_invoice(s.other, amounts=(Decimal("300.00"),))
    programme = ProgrammeFactory(name_fr="Programme 25 heures", hours_per_organisation=25)
    ProgrammeEligibilityFactory(programme=programme, organisation=s.enterprise)
    return s


def text(response) -> str:
    return html.unescape(response.content.decode())


def get(client, user, name, *args, language="fr", **query):
    return signed_in(client, user).get(url(name, *args, language=language), query)


@pytest.mark.parametrize("name", PAGES)
def test_the_owner_and_a_colleague_read_every_page(client, scene, name):
    for user in (scene.owner, scene.colleague):
        response = get(client, user, name, "ENT")
        assert response.status_code == 200, name
        assert "Coop du Fjord" in text(response)


@pytest.mark.parametrize("name", PAGES)
def test_a_contact_of_another_organisation_gets_404(client, scene, name):
    assert get(client, scene.stranger, name, "ENT").status_code == 404


@pytest.mark.parametrize("name", PAGES)
def test_staff_get_403(client, scene, name):
    director = StaffRoleFactory(role="administrator").user
    assert get(client, director, name, "ENT").status_code == 403


@pytest.mark.parametrize("name", PAGES)
def test_an_anonymous_visitor_is_sent_to_sign_in(client, scene, name):
    response = client.get(url(name, "ENT"))
    assert response.status_code == 302 and "/compte/connexion/" in response.url


def test_a_federation_contact_reads_its_enterprise_overview_and_services_only(client, scene):
    for name in ("portal:overview", "portal:services"):
        response = get(client, scene.federation_contact, name, "ENT")
        assert response.status_code == 200
        assert "lecture seule" in text(response)
    for name in OWNER_ONLY:
        assert get(client, scene.federation_contact, name, "ENT").status_code == 404
    number = scene.invoice.number
    pdf = get(client, scene.federation_contact, "portal:invoice_pdf", "ENT", number)
    assert pdf.status_code == 404
    overview = text(get(client, scene.federation_contact, "portal:overview", "ENT"))
    assert "Solde dû" not in overview


def test_home_goes_straight_to_the_one_organisation(client, scene):
    response = get(client, scene.owner, "portal:home")
    assert response.url == url("portal:overview", "ENT")


def test_home_lists_several_organisations_and_a_federation_enterprises_apart(client, scene):
    MemberContactFactory(user=scene.federation_contact, organisation=scene.other)
    response = get(client, scene.federation_contact, "portal:home")
    page = text(response)
    assert response.status_code == 200
    assert "Les organisations que vous représentez" in page
    assert "Fédération des coops" in page and "Autre coop" in page
    assert "Les entreprises de vos regroupements" in page and "Coop du Fjord" in page
    # The switcher names the organisations they represent, not the enterprises.
    overview = text(get(client, scene.federation_contact, "portal:overview", "FED"))
    assert "Changer d'organisation" in overview and "Autre coop" in overview


def test_the_overview_shows_balance_open_mandates_banks_and_latest_invoices(client, scene):
    page = text(get(client, scene.owner, "portal:overview", "ENT"))
    assert "Solde dû" in page and "574,88\u00a0$" in page
    assert "Tenue de livres" in page and "7,5" in page
    assert "Programme 25 heures" in page
    assert scene.invoice.number in page
    assert "{# tool cards" not in page


def test_services_show_approved_hours_by_month_with_the_experts(client, scene):
    response = get(client, scene.owner, "portal:services", "ENT", exercice="2020-2021")
    page = text(response)
    assert "Tenue de livres" in page and "Émilie Pilon" in page
    assert "7,5" in page
    assert "11,5" not in page  # the week not approved yet is left out
    assert "2020-2021" in page


def test_an_unknown_fiscal_year_is_named_in_a_french_error(client, scene):
    page = text(get(client, scene.owner, "portal:services", "ENT", exercice="1999-3000"))
    assert "Exercice : « 1999-3000 » n'est pas un exercice proposé" in page


def test_banks_show_granted_used_and_balance(client, scene):
    page = text(get(client, scene.owner, "portal:banks", "ENT"))
    assert "Programme 25 heures" in page and "25" in page and "2021-03-31" in page


def test_invoices_list_issued_documents_never_drafts_nor_another_organisation(client, scene):
    page = text(get(client, scene.owner, "portal:invoices", "ENT"))
    assert scene.invoice.number in page
    assert "900,00" not in page
    assert scene.other_invoice.number not in page or scene.other_invoice.number == (
        scene.invoice.number
    )
    assert "Solde dû" in page


def test_the_pdf_of_an_invoice_and_404s_for_a_draft_or_another_organisation(client, scene):
    response = get(client, scene.owner, "portal:invoice_pdf", "ENT", scene.invoice.number)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    # Another organisation's number under this organisation, or under its own code: 404.
    other = scene.other_invoice
    assert get(client, scene.owner, "portal:invoice_pdf", "AUT", other.number).status_code == 404
    assert get(client, scene.stranger, "portal:invoice_pdf", "ENT", other.number).status_code == (
        404
    )
    assert get(client, scene.owner, "portal:invoice_pdf", "ENT", "brouillon").status_code == 404


def test_documents_list_the_invoice_pdfs(client, scene):
    page = text(get(client, scene.owner, "portal:documents", "ENT"))
    assert f"Facture {scene.invoice.number}" in page
    assert url("portal:invoice_pdf", "ENT", scene.invoice.number) in page


def test_a_page_in_english(client, scene):
    response = get(client, scene.owner, "portal:overview", "ENT", language="en")
    page = text(response)
    assert response.status_code == 200
    assert '<html lang="en">' in page
    assert "Balance due" in page and "Overview" in page
