import pytest
from django.urls import reverse

from consortium.testing.factories import DeliverableFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("model", ["structuringproject", "projectphase", "deliverable"])
def test_every_list_and_its_search_and_add_form_open_for_an_administrator(admin_client, model):
    DeliverableFactory(phase__project__title="Réseau de coopération des EÉSAD")
    changelist = reverse(f"admin:projects_{model}_changelist")
    assert admin_client.get(changelist).status_code == 200
    assert admin_client.get(changelist, {"q": "EÉSAD"}).status_code == 200
    assert admin_client.get(reverse(f"admin:projects_{model}_add")).status_code == 200


def test_an_administrator_changes_a_deliverable_without_touching_its_validation(
    admin_client, people
):
    deliverable = DeliverableFactory(validation_state="in_review", author=people.owner)
    response = admin_client.post(
        reverse("admin:projects_deliverable_change", args=[deliverable.pk]),
        {
            "phase": deliverable.phase.pk,
            "order": deliverable.order,
            "title_fr": "Nouveau titre",
            "title_en": "",
            "status": "in_progress",
            "owner": people.expert.pk,
            "due_date": "2021-03-31",
        },
    )
    assert response.status_code == 302
    deliverable.refresh_from_db()
    assert (deliverable.title_fr, deliverable.owner, str(deliverable.due_date)) == (
        "Nouveau titre",
        people.expert,
        "2021-03-31",
    )
    assert (deliverable.validation_state, deliverable.author) == ("in_review", people.owner)
