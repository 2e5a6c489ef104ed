import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from consortium.projects.models import StructuringProject
from consortium.projects.services import (
    deliverable_add,
    deliverable_status_set,
    project_phase_add,
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
    deliverable_status_set(deliverable=deliverable, status="done")
    deliverable.refresh_from_db()
    assert deliverable.get_status_display() == "réalisé"


def test_an_unknown_status_is_refused():
    phase = project_phase_add(project=StructuringProjectFactory(), title_fr="Volet")
    with pytest.raises(ValidationError):
        deliverable_add(phase=phase, title_fr="Bilan", status="forgotten")
