"""The « Experts affectés » section of a mandate's page: its director and administrators add
and remove experts there; finance and experts read it without the form; a director of another
department gets a 404 on the actions."""

import pytest

from consortium.mandates.models import MandateAssignment
from consortium.testing.web import messages_of, signed_in, url

pytestmark = pytest.mark.django_db


def test_the_director_assigns_an_expert_from_the_mandate_page(client, scene):
    signed_in(client, scene.people.director)
    page = client.get(url("mandates:mandate_detail", "M-CPT"))
    assert "Experts affectés" in page.text
    assert "Affecter l&#x27;expert" in page.text or "Affecter l'expert" in page.text
    response = client.post(
        url("mandates:mandate_assignment_add", "M-CPT"),
        {"expert": scene.outsider_expert.pk, "role": "soutien"},
        follow=True,
    )
    assert response.status_code == 200
    assert f"{scene.outsider_expert.full_name} est affecté(e) au mandat M-CPT." in messages_of(
        response
    )
    assert scene.outsider_expert.full_name in response.text
    assert MandateAssignment.objects.get().role == "soutien"


def test_a_missing_expert_is_refused_on_its_field(client, scene):
    response = signed_in(client, scene.people.administrator).post(
        url("mandates:mandate_assignment_add", "M-CPT"), {"expert": ""}
    )
    assert response.status_code == 400
    assert "Choisissez l&#x27;expert à affecter." in response.text
    assert not MandateAssignment.objects.exists()


def test_finance_reads_the_assignments_without_the_form_and_may_not_post(client, scene):
    MandateAssignment.objects.create(mandate=scene.mandate, expert=scene.people.expert)
    signed_in(client, scene.people.finance)
    page = client.get(url("mandates:mandate_detail", "M-CPT"))
    assert scene.people.expert.full_name in page.text
    assert "mandate_assignment_add" not in page.text and "/experts/affecter/" not in page.text
    response = client.post(
        url("mandates:mandate_assignment_add", "M-CPT"), {"expert": scene.people.expert.pk}
    )
    assert response.status_code == 403


def test_a_director_of_another_department_gets_a_404(client, scene):
    assignment = MandateAssignment.objects.create(mandate=scene.mandate, expert=scene.people.expert)
    signed_in(client, scene.people.director_elsewhere)
    add = client.post(
        url("mandates:mandate_assignment_add", "M-CPT"), {"expert": scene.people.expert.pk}
    )
    remove = client.post(url("mandates:mandate_assignment_remove", "M-CPT", assignment.pk))
    assert (add.status_code, remove.status_code) == (404, 404)
    assert MandateAssignment.objects.count() == 1


def test_the_director_removes_an_assignment(client, scene):
    assignment = MandateAssignment.objects.create(mandate=scene.mandate, expert=scene.people.expert)
    response = signed_in(client, scene.people.director).post(
        url("mandates:mandate_assignment_remove", "M-CPT", assignment.pk)
    )
    assert response.status_code == 302
    assert not MandateAssignment.objects.exists()


def test_an_expert_may_not_remove_an_assignment(client, scene):
    assignment = MandateAssignment.objects.create(mandate=scene.mandate, expert=scene.people.expert)
    response = signed_in(client, scene.people.owner).post(
        url("mandates:mandate_assignment_remove", "M-CPT", assignment.pk)
    )
    assert response.status_code == 403
