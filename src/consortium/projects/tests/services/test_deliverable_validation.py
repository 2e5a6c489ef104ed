"""A deliverable's validation: draft → in review → validated or returned, validated by someone
other than its author against the project's whole checklist, each step recorded."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from consortium.projects.models import ChecklistItem, ValidationState
from consortium.projects.services import (
    checklist_item_add,
    deliverable_return,
    deliverable_submit,
    deliverable_validate,
)
from consortium.testing.factories import DeliverableFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def deliverable(people):
    return DeliverableFactory(owner=people.expert)


@pytest.fixture
def checklist(deliverable, people) -> list[ChecklistItem]:
    project = deliverable.phase.project
    return [
        checklist_item_add(project=project, label_fr="Conforme au devis", by=people.director),
        checklist_item_add(project=project, label_fr="Relu par un pair", by=people.director),
    ]


def _in_review(deliverable, people):
    deliverable_submit(deliverable=deliverable, by=people.owner, comment="Prêt")
    deliverable.refresh_from_db()
    return deliverable


def test_the_owner_submits_and_becomes_its_author(deliverable, people):
    step = deliverable_submit(deliverable=deliverable, by=people.owner, comment="Prêt")
    deliverable.refresh_from_db()
    assert deliverable.validation_state == ValidationState.IN_REVIEW
    assert deliverable.author == people.owner
    assert (step.by, step.from_state, step.to_state, step.comment) == (
        people.owner,
        "draft",
        "in_review",
        "Prêt",
    )


def test_a_colleague_who_does_not_own_it_may_not_submit_it(deliverable, people):
    with pytest.raises(PermissionDenied):
        deliverable_submit(deliverable=deliverable, by=people.colleague)
    deliverable.refresh_from_db()
    assert deliverable.validation_state == ValidationState.DRAFT
    assert not deliverable.steps.exists()


def test_a_director_validates_with_the_whole_checklist(deliverable, checklist, people):
    _in_review(deliverable, people)
    step = deliverable_validate(
        deliverable=deliverable, by=people.director, ticked=[item.pk for item in checklist]
    )
    deliverable.refresh_from_db()
    assert deliverable.validation_state == ValidationState.VALIDATED
    assert deliverable.validated_at is not None
    assert set(step.ticked.all()) == set(checklist)
    assert [s.to_state for s in deliverable.steps.order_by("at", "pk")] == [
        "in_review",
        "validated",
    ]


def test_it_refuses_a_validation_with_a_point_left_unticked(deliverable, checklist, people):
    _in_review(deliverable, people)
    with pytest.raises(ValidationError, match="Cochez chaque point"):
        deliverable_validate(deliverable=deliverable, by=people.director, ticked=[checklist[0].pk])
    deliverable.refresh_from_db()
    assert deliverable.validation_state == ValidationState.IN_REVIEW
    assert deliverable.steps.count() == 1


def test_the_author_may_not_validate_even_as_a_director(deliverable, checklist, people):
    deliverable_submit(deliverable=deliverable, by=people.director)
    with pytest.raises(ValidationError, match="L'auteur d'un livrable ne peut le valider"):
        deliverable_validate(
            deliverable=deliverable, by=people.director, ticked=[i.pk for i in checklist]
        )
    deliverable.refresh_from_db()
    assert deliverable.validation_state == ValidationState.IN_REVIEW


def test_an_expert_may_not_validate(deliverable, checklist, people):
    _in_review(deliverable, people)
    with pytest.raises(PermissionDenied):
        deliverable_validate(
            deliverable=deliverable, by=people.colleague, ticked=[i.pk for i in checklist]
        )


def test_a_draft_may_not_be_validated(deliverable, checklist, people):
    with pytest.raises(ValidationError, match="« brouillon » ne peut passer à « validé »"):
        deliverable_validate(
            deliverable=deliverable, by=people.director, ticked=[i.pk for i in checklist]
        )


def test_a_validated_deliverable_may_not_be_submitted_again(deliverable, people):
    _in_review(deliverable, people)
    deliverable_validate(deliverable=deliverable, by=people.director, ticked=[])
    with pytest.raises(ValidationError, match="« validé » ne peut passer"):
        deliverable_submit(deliverable=deliverable, by=people.owner)


def test_a_return_needs_a_reason_and_goes_back_to_review(deliverable, people):
    _in_review(deliverable, people)
    with pytest.raises(ValidationError, match="Dites pourquoi"):
        deliverable_return(deliverable=deliverable, by=people.director, reason="  ")
    deliverable_return(deliverable=deliverable, by=people.director, reason="Il manque l'annexe")
    deliverable.refresh_from_db()
    assert deliverable.validation_state == ValidationState.RETURNED
    deliverable_submit(deliverable=deliverable, by=people.owner, comment="Annexe ajoutée")
    deliverable.refresh_from_db()
    assert deliverable.validation_state == ValidationState.IN_REVIEW
    assert list(deliverable.steps.order_by("at", "pk").values_list("comment", flat=True)) == [
        "Prêt",
        "Il manque l'annexe",
        "Annexe ajoutée",
    ]


def test_only_directors_and_administrators_add_checklist_points(deliverable, people):
    with pytest.raises(PermissionDenied):
        checklist_item_add(project=deliverable.phase.project, label_fr="X", by=people.owner)
