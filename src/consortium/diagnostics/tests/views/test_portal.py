"""The member's diagnostic pages, as the owner, a colleague of the same organisation, a contact
of another organisation (404) and staff (403)."""

import pytest
from django.core import mail  # noqa: F401 (the console backend stays quiet)

from consortium.diagnostics.models import DiagnosticStatus, ServiceRequest
from consortium.diagnostics.tests.builders import finished_diagnostic, make_questionnaire
from consortium.testing.factories import (
    MandateTypeFactory,
    MemberContactFactory,
    OrganisationFactory,
    StaffRoleFactory,
)
from consortium.testing.web import signed_in, url

pytestmark = pytest.mark.django_db


@pytest.fixture
def built(people):
    return make_questionnaire(
        department=people.department, mandate_type=MandateTypeFactory(code="ACC")
    )


@pytest.fixture
def organisation():
    return OrganisationFactory(code="COOP", name="Coop du Fjord")


@pytest.fixture
def owner_contact(organisation):
    return MemberContactFactory(organisation=organisation).user


@pytest.fixture
def colleague_contact(organisation):
    return MemberContactFactory(organisation=organisation).user


@pytest.fixture
def other_contact():
    return MemberContactFactory(organisation=OrganisationFactory(code="AUTRE")).user


def walk_to_the_result(client, built):
    client.post(url("diagnostics_portal:begin", "COOP"))
    draft = built.questionnaire.diagnostics.get(status=DiagnosticStatus.DRAFT)
    client.post(
        url("diagnostics_portal:section", "COOP", draft.pk, 1),
        {
            f"question_{built.g1.pk}": built.option(built.g1, 2),
            f"question_{built.g2.pk}": "na",
            "action": "next",
        },
    )
    client.post(url("diagnostics_portal:section", "COOP", draft.pk, 2), {"action": "finish"})
    client.post(url("diagnostics_portal:finish", "COOP", draft.pk))
    return draft


def test_a_contact_walks_the_diagnostic_to_its_result(client, built, owner_contact):
    signed_in(client, owner_contact)
    response = client.post(url("diagnostics_portal:begin", "COOP"))
    draft = built.questionnaire.diagnostics.get()
    assert response.url == url("diagnostics_portal:section", "COOP", draft.pk, 1)
    page = client.get(response.url)
    assert "Gouvernance" in page.text and "applique pas" in page.text
    walk_to_the_result(client, built)
    draft.refresh_from_db()
    assert draft.status == DiagnosticStatus.FINISHED
    result = client.get(url("diagnostics_portal:result", "COOP", draft.pk))
    assert result.status_code == 200
    assert "50,0" in result.text  # G: 2 of 4
    assert "Demander ce service" in result.text
    assert "<svg" in result.text


def test_a_colleague_resumes_the_same_draft(client, built, owner_contact, colleague_contact):
    signed_in(client, owner_contact)
    client.post(url("diagnostics_portal:begin", "COOP"))
    draft = built.questionnaire.diagnostics.get()
    client.post(
        url("diagnostics_portal:section", "COOP", draft.pk, 1),
        {f"question_{built.g1.pk}": built.option(built.g1, 4), "action": "save"},
    )
    signed_in(client, colleague_contact)
    response = client.post(url("diagnostics_portal:begin", "COOP"))
    assert response.url == url("diagnostics_portal:section", "COOP", draft.pk, 1)
    page = client.get(response.url)
    assert "1 questions répondues sur 3" in page.text


def test_finishing_lists_the_unanswered_questions_by_section(client, built, owner_contact):
    signed_in(client, owner_contact)
    client.post(url("diagnostics_portal:begin", "COOP"))
    draft = built.questionnaire.diagnostics.get()
    page = client.get(url("diagnostics_portal:finish", "COOP", draft.pk))
    assert "Questions sans réponse : 3." in page.text
    assert "Finances" in page.text


def test_asking_twice_for_a_service_says_it_was_already_requested(client, built, owner_contact):
    signed_in(client, owner_contact)
    draft = walk_to_the_result(client, built)
    service = {
        "section": built.governance.pk,
        "mandate_type": built.governance.mandate_types.get().pk,
        "department": built.governance.departments.get().pk,
    }
    first = client.post(
        url("diagnostics_portal:request_service", "COOP", draft.pk), service, HTTP_HX_REQUEST="true"
    )
    assert "Demande envoyée" in first.text
    second = client.post(
        url("diagnostics_portal:request_service", "COOP", draft.pk), service, HTTP_HX_REQUEST="true"
    )
    assert "déjà été demandé" in second.text
    assert ServiceRequest.objects.count() == 1
    assert ServiceRequest.objects.get().requested_by == owner_contact


def test_another_organisations_contact_gets_404(client, built, organisation, other_contact):
    diagnostic = finished_diagnostic(built, organisation, {built.g1: 4})
    signed_in(client, other_contact)
    assert client.get(url("diagnostics_portal:overview", "COOP")).status_code == 404
    assert client.get(url("diagnostics_portal:result", "COOP", diagnostic.pk)).status_code == 404
    assert client.get(url("diagnostics_portal:result", "AUTRE", diagnostic.pk)).status_code == 404
    assert client.post(url("diagnostics_portal:begin", "COOP")).status_code == 404


def test_a_federations_contact_does_not_take_its_enterprises_diagnostic(client, built):
    federation = OrganisationFactory(code="FED")
    OrganisationFactory(code="MEMBRE", federation=federation)
    signed_in(client, MemberContactFactory(organisation=federation).user)
    assert client.get(url("diagnostics_portal:overview", "MEMBRE")).status_code == 404


def test_staff_get_403_on_the_portal(client, built, organisation):
    signed_in(client, StaffRoleFactory(role="director").user)
    assert client.get(url("diagnostics_portal:overview", "COOP")).status_code == 403


def test_the_result_reads_in_english(client, built, organisation, owner_contact):
    diagnostic = finished_diagnostic(built, organisation, {built.g1: 2})
    signed_in(client, owner_contact)
    page = client.get(url("diagnostics_portal:result", "COOP", diagnostic.pk, language="en"))
    assert page.status_code == 200
    assert "Governance" in page.text
    assert "Diagnostic result" in page.text


def test_the_result_compares_with_the_previous_diagnostic(
    client, built, organisation, owner_contact
):
    finished_diagnostic(built, organisation, {built.g1: 0})
    later = finished_diagnostic(built, organisation, {built.g1: 2})
    signed_in(client, owner_contact)
    page = client.get(url("diagnostics_portal:result", "COOP", later.pk))
    assert "hausse de 50,0 points" in page.text


def test_the_result_as_a_pdf(client, built, organisation, owner_contact):
    diagnostic = finished_diagnostic(built, organisation, {built.g1: 2})
    signed_in(client, owner_contact)
    response = client.get(url("diagnostics_portal:diagnostic_pdf", "COOP", diagnostic.pk))
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_the_navigations_diagnostic_goes_to_the_contacts_organisation(client, owner_contact):
    signed_in(client, owner_contact)
    response = client.get(url("diagnostics_portal_entry"))
    assert response.url == url("diagnostics_portal:overview", "COOP")
    MemberContactFactory(user=owner_contact, organisation=OrganisationFactory(name="Deuxième"))
    page = client.get(url("diagnostics_portal_entry"))
    assert "Coop du Fjord" in page.text and "Deuxième" in page.text
