"""From the plan's result to an adopted policy: draft it in the language picked, edit a section
(HTMX swaps the section alone), adopt it; the adopted version's page and PDF, for the
organisation's contacts only; staff read them in the workspace."""

import datetime as dt
import html

import pytest

from consortium.testing.documents import pdf_pages
from consortium.testing.factories import (
    MemberContactFactory,
    OrganisationFactory,
    StaffRoleFactory,
)
from consortium.testing.web import signed_in, url
from consortium.treasury.models import InvestmentPolicy
from consortium.treasury.selectors import document_links
from consortium.treasury.services import investment_policy_adopt, investment_policy_draft
from consortium.treasury.tests.world import seasonal_plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def organisation():
    return OrganisationFactory(code="COOPNORD", name="Coopérative du Nord")


@pytest.fixture
def owner(organisation):
    return MemberContactFactory(organisation=organisation).user


def adopted_policy(organisation, language="fr"):
    plan = seasonal_plan(organisation)
    draft = investment_policy_draft(
        organisation=organisation, by=None, language=language, plan=plan
    )
    return investment_policy_adopt(policy=draft, by=None, adopted_on=dt.date(2026, 5, 14))


def test_the_contact_drafts_edits_and_adopts_a_policy(client, organisation, owner):
    seasonal_plan(organisation)
    signed_in(client, owner)
    response = client.post(url("treasury_portal:policy_draft", "COOPNORD"), {"language": "fr"})
    assert response.url == url("treasury_portal:policy_edit", "COOPNORD")
    page = client.get(response.url)
    assert "Placements autorisés" in page.text
    assert "placement présumé sûr (art. 1339 C.c.Q.)" in html.unescape(page.text)
    response = client.post(
        url("treasury_portal:policy_section", "COOPNORD", "review"),
        {"review-paragraphs": "Révision chaque printemps.\r\n\r\nEt après chaque AGA."},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    assert 'id="section-review"' in response.text
    assert "Section enregistrée." in response.text
    assert "<html" not in response.text
    response = client.post(
        url("treasury_portal:policy_adopt", "COOPNORD"), {"adopted_on": "2026-05-14"}
    )
    assert response.url == url("treasury_portal:policy_detail", "COOPNORD", 1)
    policy = InvestmentPolicy.objects.get()
    assert policy.adopted_by == owner
    assert policy.version == 1
    page = client.get(response.url)
    assert "Version 1, adoptée le 14 mai 2026" in html.unescape(page.text)
    assert "Et après chaque AGA." in page.text


def test_an_empty_section_is_refused_with_its_field_named(client, organisation, owner):
    plan = seasonal_plan(organisation)
    investment_policy_draft(organisation=organisation, by=None, language="fr", plan=plan)
    signed_in(client, owner)
    response = client.post(
        url("treasury_portal:policy_section", "COOPNORD", "review"), {"review-paragraphs": ""}
    )
    assert response.status_code == 400
    assert "Ce champ est obligatoire." in response.text


def test_the_policy_is_drafted_in_english_when_asked(client, organisation, owner):
    seasonal_plan(organisation)
    signed_in(client, owner)
    client.post(url("treasury_portal:policy_draft", "COOPNORD"), {"language": "en"})
    page = client.get(url("treasury_portal:policy_edit", "COOPNORD"))
    assert "Permitted investments" in page.text
    assert "presumed sound investment (art. 1339 C.C.Q.)" in page.text


def test_the_adopted_policy_is_a_pdf_with_the_organisations_name(client, organisation, owner):
    adopted_policy(organisation)
    signed_in(client, owner)
    response = client.get(url("treasury_portal:policy_pdf", "COOPNORD", 1))
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    text = " ".join(pdf_pages(response.content))
    assert "Coopérative du Nord" in text
    assert "Politique de placement" in text
    assert "placement présumé sûr (art. 1339 C.c.Q.)" in text


def test_another_organisations_contact_gets_a_404_on_its_policies(client, organisation):
    adopted_policy(organisation)
    signed_in(client, MemberContactFactory().user)
    assert client.get(url("treasury_portal:policy_detail", "COOPNORD", 1)).status_code == 404
    assert client.get(url("treasury_portal:policy_pdf", "COOPNORD", 1)).status_code == 404
    response = client.post(url("treasury_portal:policy_draft", "COOPNORD"), {"language": "fr"})
    assert response.status_code == 404


def test_a_colleague_reads_the_adopted_policy(client, organisation):
    adopted_policy(organisation)
    signed_in(client, MemberContactFactory(organisation=organisation).user)
    assert client.get(url("treasury_portal:policy_detail", "COOPNORD", 1)).status_code == 200


def test_the_portal_lists_the_adopted_policies_pdfs(organisation):
    adopted_policy(organisation)
    (link,) = document_links(organisation)
    assert link.url == url("treasury_portal:policy_pdf", "COOPNORD", 1)
    assert link.issued_on == dt.date(2026, 5, 14)
    assert link.kind == "investment_policy"


def test_staff_read_the_plans_and_policies_but_contacts_do_not(client, organisation, owner):
    adopted_policy(organisation)
    OrganisationFactory(name="Sans plan")
    signed_in(client, StaffRoleFactory(role="finance").user)
    response = client.get(url("treasury:plan_list"))
    assert "Coopérative du Nord" in response.text
    assert "Sans plan" not in response.text
    detail = client.get(url("treasury:plan_detail", "COOPNORD"))
    assert "Réserve = 140 000 $" in detail.text.replace("\u00a0", " ").replace("\u202f", " ")
    policy = client.get(url("treasury:policy_detail", "COOPNORD", 1))
    assert "Coopérative du Nord" in policy.text
    assert "Placements autorisés" in policy.text
    assert client.get(url("treasury:policy_pdf", "COOPNORD", 1)).content.startswith(b"%PDF")
    signed_in(client, StaffRoleFactory(role="expert").user)
    assert client.get(url("treasury:plan_list")).status_code == 403
    signed_in(client, owner)
    assert client.get(url("treasury:plan_list")).status_code == 403


@pytest.mark.parametrize("organisations", [1, 6])
def test_the_staff_list_makes_the_same_queries_whatever_the_organisations(
    client, organisations, django_assert_num_queries
):
    for number in range(organisations):
        adopted_policy(OrganisationFactory(code=f"ORG{number}"))
    signed_in(client, StaffRoleFactory(role="director").user)
    # session, user, roles, the list
    with django_assert_num_queries(4):
        assert client.get(url("treasury:plan_list")).status_code == 200


def test_an_adoption_without_a_date_names_the_field(client, organisation, owner):
    plan = seasonal_plan(organisation)
    investment_policy_draft(organisation=organisation, by=None, language="fr", plan=plan)
    signed_in(client, owner)
    response = client.post(
        url("treasury_portal:policy_adopt", "COOPNORD"), {"adopted_on": ""}, follow=True
    )
    assert "Date d&#x27;adoption : Ce champ est obligatoire." in response.text
    assert InvestmentPolicy.objects.get().is_draft
