"""Assigning experts to a mandate: a director of its department or an administrator, once per
expert, never an expert who has left; anyone else is refused as on the mandate's edit page."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

from consortium.mandates.models import MandateAssignment
from consortium.mandates.services import mandate_assignment_add, mandate_assignment_remove

pytestmark = pytest.mark.django_db


def test_a_director_assigns_an_expert_of_another_department(scene):
    assignment = mandate_assignment_add(
        mandate=scene.mandate,
        expert=scene.outsider_expert,
        role="  soutien ",
        by=scene.people.director,
    )
    assert assignment.role == "soutien"
    assert list(scene.mandate.assignments.values_list("expert__code", flat=True)) == [
        scene.outsider_expert.code
    ]


def test_an_expert_is_assigned_once(scene):
    mandate_assignment_add(
        mandate=scene.mandate, expert=scene.people.expert, by=scene.people.administrator
    )
    with pytest.raises(ValidationError) as refused:
        mandate_assignment_add(
            mandate=scene.mandate, expert=scene.people.expert, by=scene.people.director
        )
    assert "déjà affecté" in refused.value.message_dict["expert"][0]
    assert MandateAssignment.objects.count() == 1


def test_an_expert_who_left_is_refused(scene):
    expert = scene.people.colleague_expert
    expert.left_on = dt.date(2021, 1, 1)
    expert.save()
    with pytest.raises(ValidationError) as refused:
        mandate_assignment_add(mandate=scene.mandate, expert=expert, by=scene.people.director)
    assert "a quitté le centre le 2021-01-01" in refused.value.message_dict["expert"][0]


def test_a_director_of_another_department_gets_a_404_and_finance_a_403(scene):
    with pytest.raises(Http404):
        mandate_assignment_add(
            mandate=scene.mandate,
            expert=scene.people.expert,
            by=scene.people.director_elsewhere,
        )
    with pytest.raises(PermissionDenied):
        mandate_assignment_add(
            mandate=scene.mandate, expert=scene.people.expert, by=scene.people.finance
        )
    assert not MandateAssignment.objects.exists()


def test_removing_takes_the_expert_off_and_keeps_their_hours(scene):
    assignment = mandate_assignment_add(
        mandate=scene.mandate, expert=scene.people.expert, by=scene.people.director
    )
    with pytest.raises(PermissionDenied):
        mandate_assignment_remove(assignment=assignment, by=scene.people.owner)
    mandate_assignment_remove(assignment=assignment, by=scene.people.director)
    assert not MandateAssignment.objects.exists()
    assert scene.mandate.time_entries.count() > 0
