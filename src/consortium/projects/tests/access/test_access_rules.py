"""Who reads and changes structuring projects: directors and administrators every one, an
expert those they work on (hours on a mandate charged to a volet, or a deliverable they own),
nobody else; deciding asks no query of its own."""

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from consortium.accounts import access
from consortium.projects.models import PhaseMandate, StructuringProject
from consortium.testing.factories import (
    DeliverableFactory,
    MandateFactory,
    ProjectPhaseFactory,
    StructuringProjectFactory,
    TimeEntryFactory,
)

pytestmark = pytest.mark.django_db

ALL = StructuringProject.objects.all


@pytest.fixture
def projects(people):
    worked = ProjectPhaseFactory(project__code="HEURES")
    mandate = MandateFactory()
    PhaseMandate.objects.create(phase=worked, mandate=mandate)
    TimeEntryFactory(expert=people.expert, mandate=mandate)
    owned = DeliverableFactory(phase__project__code="LIVRABLE", owner=people.expert)
    other = StructuringProjectFactory(code="AUTRE")
    return worked.project, owned.phase.project, other


def _codes(user) -> set[str]:
    return set(access.projects_visible_to(user, among=ALL()).values_list("code", flat=True))


def test_directors_and_administrators_read_and_change_every_project(people, projects):
    for user in (people.director, people.director_elsewhere, people.administrator):
        assert _codes(user) == {"HEURES", "LIVRABLE", "AUTRE"}
        assert access.project_for_change(user, projects[2].pk, among=ALL()) == projects[2]


def test_an_expert_reads_the_projects_they_work_on_and_changes_none(people, projects):
    assert _codes(people.owner) == {"HEURES", "LIVRABLE"}
    with pytest.raises(PermissionDenied):
        access.project_for_change(people.owner, projects[0].pk, among=ALL())
    with pytest.raises(Http404):
        access.project_for_read(people.owner, projects[2].pk, among=ALL())


def test_a_colleague_and_other_roles_read_none(people, projects):
    for user in (people.colleague, people.finance, people.communications):
        assert _codes(user) == set()


def test_deciding_asks_one_query(people, projects, django_assert_num_queries):
    visible = access.projects_visible_to(people.owner, among=ALL(), roles={"expert"})
    with django_assert_num_queries(1):
        assert len(list(visible)) == 2
