"""The staff directory: every staff role reads it, a member contact does not; « Trouver un
expert » finds a field of expertise typed without accents; filters show as chips; the page
takes the same queries however many experts."""

import pytest

from consortium.staff.models import FieldOfExpertise
from consortium.testing.factories import ExpertFactory, MemberContactFactory
from consortium.testing.web import signed_in, url

pytestmark = pytest.mark.django_db


@pytest.fixture
def fiscalist(people):
    field = FieldOfExpertise.objects.create(
        code="FISC",
        name_fr="Fiscalité des coopératives",
        name_en="Co-op taxation",
        department=people.department,
    )
    expert = ExpertFactory(
        first_name="Hélène", last_name="Tremblay", department=people.department, region="02"
    )
    expert.fields_of_expertise.add(field)
    return expert


def names(response) -> list[str]:
    return [expert.full_name for expert in response.context["page"].object_list]


@pytest.mark.parametrize("who", ["owner", "director", "finance", "communications", "administrator"])
def test_every_staff_role_reads_the_directory(client, people, fiscalist, who):
    response = signed_in(client, getattr(people, who)).get(url("staff:expert_list"))
    assert response.status_code == 200
    assert "Hélène Tremblay" in response.text


def test_a_member_contact_is_refused(client, people):
    contact = MemberContactFactory()
    response = signed_in(client, contact.user).get(url("staff:expert_list"))
    assert response.status_code == 403


def test_find_an_expert_by_a_field_typed_without_accents(client, people, fiscalist):
    response = signed_in(client, people.owner).get(url("staff:expert_list"), {"q": "fiscalite"})
    assert names(response) == ["Hélène Tremblay"]


def test_a_field_unknown_to_everyone_finds_nobody(client, people, fiscalist):
    response = signed_in(client, people.owner).get(url("staff:expert_list"), {"q": "plomberie"})
    assert names(response) == []
    assert "Aucun expert ne répond à ces filtres." in response.text


def test_the_region_filter_shows_as_a_chip(client, people, fiscalist):
    response = signed_in(client, people.owner).get(url("staff:expert_list"), {"region": "02"})
    assert names(response) == ["Hélène Tremblay"]
    chips = response.context["chips"]
    assert [(chip.label, chip.value) for chip in chips] == [
        ("Région", "02 – Saguenay–Lac-Saint-Jean")
    ]


def test_the_department_and_field_filters_keep_their_experts(client, people, fiscalist):
    field = fiscalist.fields_of_expertise.get()
    response = signed_in(client, people.owner).get(
        url("staff:expert_list"), {"field": field.pk, "department": people.department.pk}
    )
    assert names(response) == ["Hélène Tremblay"]


def test_an_expert_who_left_is_not_listed(client, people, fiscalist):
    import datetime as dt

    fiscalist.left_on = dt.date(2020, 1, 1)
    fiscalist.save()
    response = signed_in(client, people.owner).get(url("staff:expert_list"))
    assert "Hélène Tremblay" not in names(response)


def test_the_page_reads_in_english(client, people, fiscalist):
    response = signed_in(client, people.owner).get(url("staff:expert_list", language="en"))
    assert "Find an expert" in response.text
    assert "Co-op taxation" in response.text


def test_the_list_takes_the_same_queries_however_many_experts(
    client, people, fiscalist, django_assert_num_queries
):
    signed_in(client, people.owner)
    # Session, user, roles, the count, the page, their fields, the departments and the fields
    # the filters offer.
    with django_assert_num_queries(8):
        client.get(url("staff:expert_list"))
    for _index in range(10):
        ExpertFactory(department=people.department).fields_of_expertise.add(
            *FieldOfExpertise.objects.all()
        )
    with django_assert_num_queries(8):
        response = client.get(url("staff:expert_list"))
    assert len(names(response)) == 13
