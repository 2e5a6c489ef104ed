import pytest
from django.urls import reverse

from consortium.development.models import DevelopmentActivity, Opportunity
from consortium.testing.factories import (
    DevelopmentActivityFactory,
    MandateTypeFactory,
    OrganisationFactory,
    PartnershipFactory,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("model", ["developmentactivity", "partnership"])
def test_every_list_and_its_search_and_add_form_open_for_an_administrator(admin_client, model):
    DevelopmentActivityFactory(title="Réseau de coopération des EÉSAD")
    PartnershipFactory(organisation__name="Réseau de coopération des EÉSAD")
    changelist = reverse(f"admin:development_{model}_changelist")
    assert admin_client.get(changelist).status_code == 200
    assert admin_client.get(changelist, {"q": "EÉSAD"}).status_code == 200
    assert admin_client.get(reverse(f"admin:development_{model}_add")).status_code == 200


def test_the_opportunity_admin_lists_searches_and_adds(admin_client):
    changelist = reverse("admin:development_opportunity_changelist")
    assert admin_client.get(changelist, {"q": "EÉSAD"}).status_code == 200
    assert admin_client.get(reverse("admin:development_opportunity_add")).status_code == 200


def test_the_admin_saves_an_activity_with_its_follow_up(admin_client, people):
    organisation = OrganisationFactory()
    response = admin_client.post(
        reverse("admin:development_developmentactivity_add"),
        {
            "kind": "development_meeting",
            "date": "2025-10-06",
            "title": "Rencontre",
            "organisations_met": [organisation.pk],
            "participants": [people.expert.pk],
            "notes": "",
            "next_step": "Rappeler",
            "follow_up_due": "2025-10-13",
            "follow_up_owner": people.director.pk,
        },
    )
    assert response.status_code == 302
    activity = DevelopmentActivity.objects.get(title="Rencontre")
    assert (activity.next_step, list(activity.participants.all())) == ("Rappeler", [people.expert])


def test_the_admin_adds_an_opportunity_through_its_service(admin_client, people):
    organisation, mandate_type = OrganisationFactory(), MandateTypeFactory()
    response = admin_client.post(
        reverse("admin:development_opportunity_add"),
        {
            "title": "Tenue de livres",
            "organisation": organisation.pk,
            "stage": "proposal",
            "mandate_type": mandate_type.pk,
            "department": people.department.pk,
            "estimated_hours": "40",
            "estimated_amount": "",
            "owner": "",
            "notes": "",
        },
    )
    assert response.status_code == 302
    assert Opportunity.objects.get().stage == "proposal"
