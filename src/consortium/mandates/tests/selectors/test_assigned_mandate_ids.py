import pytest

from consortium.mandates.models import MandateAssignment
from consortium.mandates.selectors import assigned_mandate_ids

pytestmark = pytest.mark.django_db


def test_it_gives_the_mandates_an_expert_is_assigned_to_in_one_query(
    scene, django_assert_num_queries
):
    expert = scene.people.expert
    MandateAssignment.objects.create(mandate=scene.other_mandate, expert=expert)
    MandateAssignment.objects.create(mandate=scene.mandate, expert=scene.people.colleague_expert)
    with django_assert_num_queries(1):
        ids = assigned_mandate_ids(expert)
    assert ids == {scene.other_mandate.pk}


def test_an_expert_assigned_nowhere_has_none(scene):
    assert assigned_mandate_ids(scene.people.expert) == set()
