"""A member asks for a service; its department's director accepts it (a mandate) or declines
it; each step keeps who and when."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from consortium.diagnostics.models import ServiceRequestStatus
from consortium.diagnostics.services import (
    service_request_accept,
    service_request_create,
    service_request_decline,
)
from consortium.diagnostics.tests.builders import finished_diagnostic, make_questionnaire
from consortium.testing.factories import MandateTypeFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def asked(people):
    built = make_questionnaire(
        department=people.department, mandate_type=MandateTypeFactory(code="ACC")
    )
    organisation = OrganisationFactory(code="COOP")
    diagnostic = finished_diagnostic(built, organisation, {built.g1: 0})
    request = service_request_create(
        organisation=organisation,
        diagnostic=diagnostic,
        section=built.governance,
        mandate_type=built.governance.mandate_types.get(),
        department=people.department,
    )
    return request


def test_the_same_service_asked_twice_says_it_was_already_requested(asked):
    with pytest.raises(ValidationError, match="déjà été demandé"):
        service_request_create(
            organisation=asked.organisation,
            diagnostic=asked.diagnostic,
            section=asked.section,
            mandate_type=asked.mandate_type,
            department=asked.department,
        )


def test_a_service_the_section_does_not_offer_is_refused(asked):
    with pytest.raises(ValidationError, match="pas offert"):
        service_request_create(
            organisation=asked.organisation,
            section=asked.section,
            mandate_type=MandateTypeFactory(code="AUTRE"),
            department=asked.department,
        )


def test_accepting_opens_the_mandate_and_links_it(asked, director):
    mandate = service_request_accept(
        request=asked,
        code="COOP-CPT-1",
        title="Accompagnement – Gouvernance",
        mandate_type=asked.mandate_type,
        department=asked.department,
        start=dt.date(2024, 5, 1),
        by=director,
    )
    asked.refresh_from_db()
    assert asked.status == ServiceRequestStatus.ACCEPTED
    assert asked.mandate == mandate
    assert asked.decided_by == director and asked.decided_at is not None
    assert mandate.organisation == asked.organisation
    assert mandate.department == asked.department


def test_a_director_of_another_department_may_not_decide(asked, people):
    with pytest.raises(PermissionDenied):
        service_request_decline(request=asked, reason="Non.", by=people.director_elsewhere)


def test_declining_needs_a_reason_and_a_decided_request_stays_decided(asked, director):
    with pytest.raises(ValidationError, match="pourquoi"):
        service_request_decline(request=asked, reason=" ", by=director)
    service_request_decline(request=asked, reason="Pas de disponibilité cet automne.", by=director)
    asked.refresh_from_db()
    assert asked.status == ServiceRequestStatus.DECLINED
    with pytest.raises(ValidationError, match="déjà été décidée"):
        service_request_decline(request=asked, reason="Encore.", by=director)
