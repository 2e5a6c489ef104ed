"""The training pages: directors and administrators read and change the courses, with the
experts who took them; the communications team, finance and experts get 403."""

import datetime as dt
from decimal import Decimal

import pytest

from consortium.testing.factories import CourseFactory, TrainingRecordFactory
from consortium.testing.web import signed_in, url
from consortium.training.models import Course, TrainingRecord

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name", ["training:course_list", "training:course_create"])
@pytest.mark.parametrize("who", ["director", "administrator"])
def test_directors_open_the_pages(client, people, name, who):
    signed_in(client, getattr(people, who))
    assert client.get(url(name)).status_code == 200
    assert client.get(url(name, language="en")).status_code == 200


@pytest.mark.parametrize("name", ["training:course_list", "training:course_create"])
@pytest.mark.parametrize("who", ["communications", "finance", "owner"])
def test_other_roles_are_refused(client, people, name, who):
    signed_in(client, getattr(people, who))
    assert client.get(url(name)).status_code == 403


def test_a_course_is_recorded_with_the_experts_trained(client, people):
    signed_in(client, people.director)
    experts = [people.expert.pk, people.colleague_expert.pk]
    response = client.post(
        url("training:course_create"),
        {
            "title_fr": "Gestion de projet",
            "provider": "PMI Montréal",
            "start": "2020-10-05",
            "end": "2021-03-26",
            "hours": "45",
            "cost": "15750",
            "funding": "FDRCMO",
            "experts": experts,
        },
    )
    assert response.status_code == 302
    course = Course.objects.get()
    assert (course.hours, course.cost, course.funding) == (
        Decimal("45"),
        Decimal("15750"),
        "FDRCMO",
    )
    assert set(course.records.values_list("expert_id", "completed_on")) == {
        (pk, dt.date(2021, 3, 26)) for pk in experts
    }
    page = client.get(url("training:course_list")).text
    assert "2020-2021" in page
    assert 'data-total="experts">2<' in page


def test_an_expert_taken_off_loses_the_record(client, people):
    course = CourseFactory(start=dt.date(2020, 10, 5), end=dt.date(2021, 3, 26))
    TrainingRecordFactory(course=course, expert=people.expert, completed_on=course.end)
    signed_in(client, people.director)
    response = client.post(
        url("training:course_update", course.pk),
        {
            "title_fr": course.title_fr,
            "start": "2020-10-05",
            "end": "2021-03-26",
            "hours": "10",
            "cost": "0",
            "experts": [people.colleague_expert.pk],
        },
    )
    assert response.status_code == 302
    assert list(TrainingRecord.objects.values_list("expert_id", flat=True)) == [
        people.colleague_expert.pk
    ]


def test_a_negative_cost_is_refused_on_its_field(client, people):
    signed_in(client, people.director)
    response = client.post(
        url("training:course_create"),
        {"title_fr": "X", "start": "2020-10-05", "hours": "1", "cost": "-5"},
    )
    assert response.status_code == 400
    assert 'id="id_cost-errors"' in response.text
    assert not Course.objects.exists()


def test_a_missing_course_is_a_404(client, people):
    signed_in(client, people.director)
    assert client.get(url("training:course_update", 999)).status_code == 404


def test_the_list_makes_the_same_queries_whatever_its_rows(
    client, people, django_assert_num_queries
):
    signed_in(client, people.director)
    CourseFactory()
    client.get(url("training:course_list"))
    with django_assert_num_queries(5):
        client.get(url("training:course_list"))
    for course in CourseFactory.create_batch(4):
        TrainingRecordFactory(course=course, expert=people.expert)
    with django_assert_num_queries(5):
        client.get(url("training:course_list"))
