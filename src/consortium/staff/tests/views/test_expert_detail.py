"""An expert's page: department, fields, contact, and the mandates of this fiscal year (hours
logged, assignments), only those the reader may see; a fixed number of queries."""

import pytest
from django.utils import timezone

from consortium.mandates.models import MandateAssignment
from consortium.testing.factories import MemberContactFactory, TimeEntryFactory
from consortium.testing.web import signed_in, url

pytestmark = pytest.mark.django_db


def test_the_page_shows_the_mandates_of_this_year_and_the_assignments(client, scene):
    expert = scene.people.expert
    TimeEntryFactory(expert=expert, mandate=scene.mandate, date=timezone.localdate(), hours=3)
    MandateAssignment.objects.create(mandate=scene.other_mandate, expert=expert)
    response = signed_in(client, scene.people.director).get(url("staff:expert_detail", expert.code))
    assert response.status_code == 200
    rows = {row.mandate.code: row for row in response.context["mandates"]}
    assert rows["M-CPT"].hours == 3 and not rows["M-CPT"].assigned
    assert rows["M-RH"].hours is None and rows["M-RH"].assigned
    assert expert.email in response.text
    assert "Comptabilité" in response.text


def test_hours_of_an_earlier_year_are_left_out(client, scene):
    # The scene's 60 h were logged in 2020.
    response = signed_in(client, scene.people.finance).get(
        url("staff:expert_detail", scene.people.expert.code)
    )
    assert response.context["mandates"] == []
    assert "Aucun mandat cet exercice." in response.text


def test_an_expert_sees_only_the_mandates_they_may_read(client, scene):
    colleague = scene.people.colleague_expert
    MandateAssignment.objects.create(mandate=scene.other_mandate, expert=colleague)
    MandateAssignment.objects.create(mandate=scene.mandate, expert=colleague)
    response = signed_in(client, scene.people.owner).get(url("staff:expert_detail", colleague.code))
    assert [row.mandate.code for row in response.context["mandates"]] == ["M-CPT"]


def test_a_member_contact_is_refused_and_an_unknown_code_is_a_404(client, scene):
    contact = MemberContactFactory()
    code = scene.people.expert.code
    assert signed_in(client, contact.user).get(url("staff:expert_detail", code)).status_code == 403
    response = signed_in(client, scene.people.owner).get(url("staff:expert_detail", "NOBODY"))
    assert response.status_code == 404


def test_the_page_takes_the_same_queries_however_many_mandates(
    client, scene, django_assert_num_queries
):
    expert = scene.people.expert
    signed_in(client, scene.people.director)
    # Session, user, roles, the expert, the fiscal year, their fields, the mandates with hours,
    # the mandates assigned.
    with django_assert_num_queries(8):
        client.get(url("staff:expert_detail", expert.code))
    TimeEntryFactory(expert=expert, mandate=scene.mandate, date=timezone.localdate())
    TimeEntryFactory(expert=expert, mandate=scene.other_mandate, date=timezone.localdate())
    MandateAssignment.objects.create(mandate=scene.other_mandate, expert=expert)
    with django_assert_num_queries(8):
        response = client.get(url("staff:expert_detail", expert.code))
    assert len(response.context["mandates"]) == 2
