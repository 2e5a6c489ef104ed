"""A project's figures: planned hours by volet against the approved hours of the mandates
charged to it (hours of weeks not approved do not count), spending against the amount."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from consortium.projects.models import StructuringProject
from consortium.projects.selectors import project_figures, project_rows
from consortium.projects.services import phase_mandate_link, project_expense_record
from consortium.testing.factories import (
    ApprovedWeekFactory,
    MandateFactory,
    ProjectPhaseFactory,
    TimeEntryFactory,
)

pytestmark = pytest.mark.django_db


def test_approved_hours_and_spending_by_volet(people, django_assert_num_queries):
    phase = ProjectPhaseFactory(planned_hours=Decimal("40"), project__amount=Decimal("1000"))
    other = ProjectPhaseFactory(project=phase.project, planned_hours=Decimal("10"))
    mandate = MandateFactory()
    phase_mandate_link(phase=phase, mandate=mandate, by=people.director)
    ApprovedWeekFactory(expert=people.expert, week_start=dt.date(2020, 6, 1))
    TimeEntryFactory(expert=people.expert, mandate=mandate, date=dt.date(2020, 6, 2))
    # A week not approved: its hours are not counted yet.
    TimeEntryFactory(expert=people.expert, mandate=mandate, date=dt.date(2020, 6, 9))
    TimeEntryFactory(expert=people.colleague_expert, date=dt.date(2020, 6, 2))  # other mandate
    project = phase.project
    project_expense_record(
        project=project,
        phase=phase,
        date=dt.date(2020, 6, 3),
        description="Traduction",
        amount=Decimal("250.00"),
        by=people.director,
    )
    project_expense_record(
        project=project,
        date=dt.date(2020, 6, 4),
        description="Salle",
        amount=Decimal("100.00"),
        by=people.director,
    )
    with django_assert_num_queries(5):
        figures = project_figures(project)
    by_phase = {p.pk: p for p in figures.phases}
    assert by_phase[phase.pk].actual_hours == Decimal("7")
    assert by_phase[phase.pk].spent == Decimal("250")
    assert by_phase[other.pk].actual_hours == 0
    assert (figures.planned_hours, figures.actual_hours) == (Decimal("50"), Decimal("7"))
    assert (figures.spent, figures.remaining) == (Decimal("350"), Decimal("650"))
    row = project_rows(StructuringProject.objects.filter(pk=project.pk)).get()
    assert (row.planned_hours, row.actual_hours, row.spent) == (50, 7, 350)


def test_a_mandate_counts_for_one_volet_only(people):
    phase = ProjectPhaseFactory()
    mandate = MandateFactory()
    phase_mandate_link(phase=phase, mandate=mandate, by=people.director)
    with pytest.raises(ValidationError, match="déjà imputé à un volet"):
        phase_mandate_link(
            phase=ProjectPhaseFactory(project=phase.project), mandate=mandate, by=people.director
        )


def test_an_expense_must_be_positive(people):
    phase = ProjectPhaseFactory()
    with pytest.raises(ValidationError, match="doit être positif"):
        project_expense_record(
            project=phase.project,
            date=dt.date(2020, 6, 4),
            description="Erreur",
            amount=Decimal("-5"),
            by=people.director,
        )
