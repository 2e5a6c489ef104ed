import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from consortium.projects.models import StructuringProject
from consortium.projects.services import (
    deliverable_add,
    deliverable_create,
    deliverable_update,
    project_phase_add,
    project_phase_create,
    project_phase_update,
    structuring_project_create,
    structuring_project_update,
    structuring_project_upsert,
)
from consortium.testing.factories import StructuringProjectFactory

pytestmark = pytest.mark.django_db

PROJECT = {
    "code": "PAEN-CESD",
    "title": "Optimisation des épargnes",
    "funder": "MEI",
    "amount": Decimal("85000"),
    "start": dt.date(2020, 6, 1),
}


def test_a_project_is_created_then_updated_by_its_code():
    structuring_project_upsert(**PROJECT)
    _project, created = structuring_project_upsert(**{**PROJECT, "amount": Decimal("90000")})
    assert not created
    assert list(StructuringProject.objects.values_list("code", "amount")) == [
        ("PAEN-CESD", Decimal("90000.00"))
    ]


def test_a_negative_amount_is_refused():
    with pytest.raises(ValidationError, match="Le montant ne peut être négatif"):
        structuring_project_upsert(**{**PROJECT, "amount": Decimal("-1")})


def test_volets_and_deliverables_are_numbered_in_the_order_they_are_added():
    project = StructuringProjectFactory()
    first = project_phase_add(project=project, title_fr="Volet 1 – Interne")
    second = project_phase_add(project=project, title_fr="Volet 2 – Membres")
    webinar = deliverable_add(phase=second, title_fr="Webinaire")
    survey = deliverable_add(phase=second, title_fr="Sondage", status="in_progress")
    assert (first.order, second.order) == (1, 2)
    assert (webinar.order, survey.order, survey.status) == (1, 2, "in_progress")


def test_a_deliverable_is_marked_done():
    phase = project_phase_add(project=StructuringProjectFactory(), title_fr="Volet")
    deliverable = deliverable_add(phase=phase, title_fr="Bilan synthèse")
    deliverable_update(
        deliverable=deliverable, phase=phase, order=1, title_fr="Bilan synthèse", status="done"
    )
    deliverable.refresh_from_db()
    assert deliverable.get_status_display() == "réalisé"


def test_an_unknown_status_is_refused():
    phase = project_phase_add(project=StructuringProjectFactory(), title_fr="Volet")
    with pytest.raises(ValidationError):
        deliverable_add(phase=phase, title_fr="Bilan", status="forgotten")


def test_a_project_created_by_hand_takes_a_code_not_yet_taken():
    StructuringProjectFactory(code="PS-1")
    with pytest.raises(ValidationError):
        structuring_project_create(
            code="PS-1", title="Autre", funder="MEIE", amount=Decimal(1), start=dt.date(2020, 1, 1)
        )
    assert StructuringProject.objects.count() == 1


def test_two_volets_of_a_project_cannot_share_a_place():
    project = StructuringProjectFactory()
    project_phase_create(project=project, order=1, title_fr="Volet 1")
    with pytest.raises(ValidationError):
        project_phase_create(project=project, order=1, title_fr="Volet 1 bis")
    phase = project.phases.get()
    phase = project_phase_update(phase=phase, project=project, order=2, title_fr="Volet 2")
    deliverable = deliverable_create(phase=phase, order=1, title_fr="Bilan")
    assert (phase.order, deliverable.get_status_display()) == (2, "prévu")


def test_a_projects_amount_is_corrected_and_a_negative_one_refused():
    project = StructuringProjectFactory(code="PS-1", amount=Decimal(1000))
    values = {"code": "PS-1", "title": "Projet", "funder": "MEIE", "start": dt.date(2020, 1, 1)}
    structuring_project_update(project=project, amount=Decimal(2500), **values)
    with pytest.raises(ValidationError):
        structuring_project_update(project=project, amount=Decimal(-1), **values)
    assert StructuringProject.objects.get().amount == Decimal(2500)
