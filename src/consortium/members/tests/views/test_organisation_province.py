"""The workspace's organisation form and list know provinces: an Ontario organisation is
created without region or NEQ, a NEQ typed for it is refused on its field, and the list filters
by province."""

import pytest

from consortium.members.models import Organisation
from consortium.testing.factories import OrganisationFactory
from consortium.testing.web import signed_in, url

pytestmark = pytest.mark.django_db

ONTARIO = {
    "code": "ONT-COOP",
    "name": "Ottawa Co-op",
    "legal_form": "cooperative",
    "language": "en",
    "country": "ca",
    "province": "ON",
    "region": "",
    "neq": "",
}


def test_a_director_creates_an_ontario_organisation(client, people):
    response = signed_in(client, people.director).post(url("members:organisation_create"), ONTARIO)
    assert response.status_code == 302
    organisation = Organisation.objects.get(code="ONT-COOP")
    assert (organisation.province, organisation.country, organisation.region) == ("ON", "CA", "")


def test_a_neq_for_an_ontario_organisation_is_refused_on_its_field(client, people):
    response = signed_in(client, people.finance).post(
        url("members:organisation_create"), {**ONTARIO, "neq": "1234567890"}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["neq"] == [
        "Le NEQ ne s'applique qu'aux organisations du Québec."
    ]
    assert not Organisation.objects.filter(code="ONT-COOP").exists()


def test_the_form_marks_the_quebec_only_fields_for_its_script(client, people):
    response = signed_in(client, people.director).get(url("members:organisation_create"))
    assert response.text.count("data-quebec-only") == 2
    assert "organisation_form.js" in response.text


def test_an_expert_may_not_open_the_form(client, people):
    response = signed_in(client, people.owner).get(url("members:organisation_create"))
    assert response.status_code == 403


def test_the_list_filters_by_province(client, people):
    OrganisationFactory(code="QC1", name="Coop du Québec")
    OrganisationFactory(code="AB1", name="Alberta Co-op", province="AB")
    response = signed_in(client, people.communications).get(
        url("members:organisation_list"), {"province": "AB"}
    )
    assert [row.code for row in response.context["page"].object_list] == ["AB1"]
    assert [chip.value for chip in response.context["chips"]] == ["Alberta"]
