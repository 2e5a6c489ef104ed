"""The member's pages take the same number of queries whatever the data: more questions, more
past diagnostics, more requests."""

import pytest
from django.core.cache import cache

from consortium.diagnostics.models import DiagnosticStatus, Option, Question
from consortium.diagnostics.services import diagnostic_start, service_request_create
from consortium.diagnostics.tests.builders import finished_diagnostic, make_questionnaire
from consortium.testing.factories import (
    MandateTypeFactory,
    MemberContactFactory,
    OrganisationFactory,
)
from consortium.testing.web import signed_in, url

pytestmark = pytest.mark.django_db

# Session, user, the represented organisations (portal_required, also the navigation), the
# roles (the navigation), the organisation, then each page's own:
# overview: the draft, the finished diagnostics, the requests;
OVERVIEW_QUERIES = 8
# section: the diagnostic, its sections, questions, options, answers;
SECTION_QUERIES = 10
# finish (confirmation): the same sheet;
FINISH_QUERIES = 10
# result: the diagnostic, scores, bands, previous diagnostic, its scores, the services (types,
# departments, requests), the past diagnostics.
RESULT_QUERIES = 14


def add_more(built, organisation, department):
    """More questions, past diagnostics and requests."""
    for position in range(3, 13):
        question = Question.objects.create(
            section=built.governance, position=position, text_fr=f"Q{position} ?", weight=1
        )
        for index in range(1, 5):
            Option.objects.create(
                question=question, position=index, label_fr=f"{index}", points=index
            )
    for _ in range(3):
        finished_diagnostic(built, organisation, {built.g1: 0})
    for index in range(4):
        service_request_create(
            organisation=organisation,
            mandate_type=MandateTypeFactory(code=f"T{index}"),
            department=department,
        )


@pytest.fixture
def setting(client, people):
    cache.clear()
    built = make_questionnaire(
        department=people.department, mandate_type=MandateTypeFactory(code="ACC")
    )
    organisation = OrganisationFactory(code="COOP")
    contact = MemberContactFactory(organisation=organisation).user
    signed_in(client, contact)
    return built, organisation, people.department


def pages(built, organisation):
    draft, _new = diagnostic_start(organisation=organisation)
    last = (
        organisation.diagnostics.filter(status=DiagnosticStatus.FINISHED)
        .order_by("-finished_at")
        .first()
    )
    return [
        (url("diagnostics_portal:overview", "COOP"), OVERVIEW_QUERIES),
        (url("diagnostics_portal:section", "COOP", draft.pk, 1), SECTION_QUERIES),
        (url("diagnostics_portal:finish", "COOP", draft.pk), FINISH_QUERIES),
        (url("diagnostics_portal:result", "COOP", last.pk), RESULT_QUERIES),
    ]


def test_the_member_pages_take_the_same_queries_whatever_the_data(
    client, setting, django_assert_num_queries
):
    built, organisation, department = setting
    # Two finished diagnostics: the result compares with the previous one.
    finished_diagnostic(built, organisation, {built.g1: 4})
    finished_diagnostic(built, organisation, {built.g1: 0})
    for address, count in pages(built, organisation):
        client.get(address)  # draws and caches the chart
        with django_assert_num_queries(count):
            assert client.get(address).status_code == 200
    # The draft is finished by add_more's diagnostics: a new one is begun by `pages`.
    organisation.diagnostics.filter(status=DiagnosticStatus.DRAFT).delete()
    add_more(built, organisation, department)
    for address, count in pages(built, organisation):
        client.get(address)
        with django_assert_num_queries(count):
            assert client.get(address).status_code == 200
