"""What the lead wires into the portal: the diagnostics' PDFs as documents, and the card."""

import pytest
from django.template import Context, Template

from consortium.diagnostics.selectors import document_links
from consortium.diagnostics.services import diagnostic_start, service_request_create
from consortium.diagnostics.tests.builders import finished_diagnostic, make_questionnaire
from consortium.testing.factories import MandateTypeFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def test_the_finished_diagnostics_are_the_organisations_documents(django_assert_num_queries):
    built = make_questionnaire()
    organisation = OrganisationFactory(code="COOP")
    first = finished_diagnostic(built, organisation, {built.g1: 0})
    second = finished_diagnostic(built, organisation, {built.g1: 4})
    diagnostic_start(organisation=organisation)  # a draft is no document
    with django_assert_num_queries(1):
        links = document_links(organisation)
    assert [link.url for link in links] == [
        f"/portail/COOP/diagnostic/{second.pk}/pdf/",
        f"/portail/COOP/diagnostic/{first.pk}/pdf/",
    ]
    assert links[0].kind == "diagnostic"
    assert links[0].title.startswith("Diagnostic organisationnel du ")


def test_the_card_shows_the_last_score_the_draft_and_the_requests(people):
    built = make_questionnaire(department=people.department)
    organisation = OrganisationFactory(code="COOP")
    finished_diagnostic(built, organisation, {built.g1: 2})
    diagnostic_start(organisation=organisation)
    service_request_create(
        organisation=organisation,
        mandate_type=MandateTypeFactory(code="X"),
        department=people.department,
    )
    html = Template(
        "{% load diagnostics_portal %}{% diagnostics_portal_card organisation %}"
    ).render(Context({"organisation": organisation}))
    assert "Dernier score : 50,0\u00a0%" in html
    assert "Un diagnostic est en cours." in html
    assert "Demandes de service en attente : 1." in html
    assert "Reprendre le diagnostic" in html
