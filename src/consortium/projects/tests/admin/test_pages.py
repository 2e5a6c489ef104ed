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
