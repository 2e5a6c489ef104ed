"""The staff's pages: every staff role reads the diagnostics and the aggregate; a director
decides the requests of the departments they direct (404 for another's), an administrator all."""

import datetime as dt

import pytest

from consortium.diagnostics.models import ServiceRequestStatus
from consortium.diagnostics.services import service_request_create
from consortium.diagnostics.tests.builders import finished_diagnostic, make_questionnaire
from consortium.mandates.models import Mandate
from consortium.members.models import Region
from consortium.testing.factories import (
    MandateTypeFactory,
    MemberContactFactory,
    MembershipFactory,
    OrganisationFactory,
)
from consortium.testing.web import signed_in, url

pytestmark = pytest.mark.django_db


@pytest.fixture
def built(people):
    return make_questionnaire(
        department=people.department, mandate_type=MandateTypeFactory(code="ACC")
    )


@pytest.fixture
def asked(built, people):
    organisation = OrganisationFactory(code="COOP", name="Coop du Fjord")
    diagnostic = finished_diagnostic(built, organisation, {built.g1: 0})
    return service_request_create(
        organisation=organisation,
        diagnostic=diagnostic,
        section=built.governance,
        mandate_type=built.governance.mandate_types.get(),
        department=people.department,
    )


def test_every_staff_role_reads_the_diagnostics(client, asked, people):
    for user in (people.owner, people.finance, people.communications, people.director):
        signed_in(client, user)
        response = client.get(url("diagnostics:diagnostic_list"))
        assert response.status_code == 200
        assert "Coop du Fjord" in response.text
    detail = client.get(url("diagnostics:diagnostic_detail", asked.diagnostic.pk))
    assert detail.status_code == 200
    assert "Demander ce service" not in detail.text


def test_a_contact_gets_403_on_the_staff_pages(client, asked):
    signed_in(client, MemberContactFactory(organisation=asked.organisation).user)
    assert client.get(url("diagnostics:diagnostic_list")).status_code == 403
    assert client.get(url("diagnostics:service_request_list")).status_code == 403


def test_the_aggregate_hides_cells_of_fewer_than_three_diagnostics(client, built, people):
    for code in ("A", "B", "C"):
        organisation = OrganisationFactory(
            code=code, region=Region.ESTRIE, legal_form="cooperative"
        )
        # A user member on the day it finished (an earlier, ended, membership does not count).
        MembershipFactory(
            organisation=organisation,
            category="support",
            start=dt.date(2000, 1, 1),
            end=dt.date(2009, 12, 31),
        )
        MembershipFactory(organisation=organisation, category="user", start=dt.date(2010, 1, 1))
        finished_diagnostic(built, organisation, {built.g1: 2})  # G: 50 %
    lone = OrganisationFactory(code="D", region=Region.LAVAL, legal_form="cooperative")
    finished_diagnostic(built, lone, {built.g1: 4})
    signed_in(client, people.finance)
    response = client.get(url("diagnostics:diagnostic_list"))
    estrie = next(row for row in response.context["tables"][0].rows if "Estrie" in row[0])
    assert estrie[1][0].mean == 50 and estrie[1][0].count == 3
    laval = next(row for row in response.context["tables"][0].rows if "Laval" in row[0])
    assert laval[1][0].hidden
    # By legal form, the four co-ops: (50 × 3 + 100) ÷ 4 = 62.5 %.
    coops = response.context["tables"][1].rows[0][1][0]
    assert (coops.mean, coops.count) == (62.5, 4)
    by_category = {label: cells[0] for label, cells in response.context["tables"][2].rows}
    assert by_category["membre utilisateur"].count == 3
    assert by_category["non membre"].count == 1


def test_a_director_accepts_a_request_of_their_department(client, asked, people):
    signed_in(client, people.director)
    listing = client.get(url("diagnostics:service_request_list"))
    assert "Coop du Fjord" in listing.text
    form = client.get(url("diagnostics:service_request_accept", asked.pk))
    assert form.status_code == 200
    initial = form.context["form"].initial
    response = client.post(
        url("diagnostics:service_request_accept", asked.pk),
        {
            "code": initial["code"],
            "title": "Accompagnement en gouvernance",
            "mandate_type": initial["mandate_type"],
            "department": initial["department"],
            "start": "2024-05-01",
        },
    )
    assert response.status_code == 302
    asked.refresh_from_db()
    assert asked.status == ServiceRequestStatus.ACCEPTED
    assert asked.mandate == Mandate.objects.get(title="Accompagnement en gouvernance")
    assert asked.decided_by == people.director


def test_a_taken_mandate_code_is_named_on_the_form(client, asked, people):
    from consortium.testing.factories import MandateFactory

    MandateFactory(code="PRIS")
    signed_in(client, people.director)
    response = client.post(
        url("diagnostics:service_request_accept", asked.pk),
        {
            "code": "PRIS",
            "title": "Accompagnement",
            "mandate_type": asked.mandate_type_id,
            "department": asked.department_id,
            "start": "2024-05-01",
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors["code"]


def test_a_director_declines_with_a_reason(client, asked, people):
    signed_in(client, people.director)
    empty = client.post(
        url("diagnostics:service_request_decline", asked.pk), {"decline_reason": ""}
    )
    assert empty.context["form"].errors["decline_reason"]
    client.post(
        url("diagnostics:service_request_decline", asked.pk),
        {"decline_reason": "Pas de disponibilité cet automne."},
    )
    asked.refresh_from_db()
    assert asked.status == ServiceRequestStatus.DECLINED


def test_a_director_of_another_department_gets_404(client, asked, people):
    signed_in(client, people.director_elsewhere)
    assert "Coop du Fjord" not in client.get(url("diagnostics:service_request_list")).text
    assert client.get(url("diagnostics:service_request_accept", asked.pk)).status_code == 404
    assert client.get(url("diagnostics:service_request_decline", asked.pk)).status_code == 404


def test_an_administrator_sees_every_request_and_an_expert_none(client, asked, people):
    signed_in(client, people.administrator)
    assert "Coop du Fjord" in client.get(url("diagnostics:service_request_list")).text
    signed_in(client, people.owner)
    assert client.get(url("diagnostics:service_request_list")).status_code == 403


def test_the_directors_dashboard_shows_the_new_requests_of_their_departments(client, asked, people):
    signed_in(client, people.director)
    page = client.get(url("dashboards:dashboard"))
    assert "Nouvelles demandes pour vos départements : 1." in page.text
    assert "Coop du Fjord" in page.text
    signed_in(client, people.director_elsewhere)
    page = client.get(url("dashboards:dashboard"))
    assert "Nouvelles demandes pour vos départements : 0." in page.text


# Session, user, roles, the page's count and rows, the aggregate's sections, then one query per
# table of the aggregate (region, legal form, member category).
LIST_QUERIES = 9
# Session, user, roles, the page's count and rows.
REQUEST_LIST_QUERIES = 5


def test_the_staff_lists_take_the_same_queries_whatever_the_data(
    client, built, people, django_assert_num_queries
):
    def add(count):
        for _ in range(count):
            organisation = OrganisationFactory()
            diagnostic = finished_diagnostic(built, organisation, {built.g1: 0})
            service_request_create(
                organisation=organisation,
                diagnostic=diagnostic,
                section=built.governance,
                mandate_type=built.governance.mandate_types.get(),
                department=people.department,
            )

    signed_in(client, people.director)
    for count in (1, 4):
        add(count)
        with django_assert_num_queries(LIST_QUERIES):
            client.get(url("diagnostics:diagnostic_list"))
        with django_assert_num_queries(REQUEST_LIST_QUERIES):
            client.get(url("diagnostics:service_request_list"))
