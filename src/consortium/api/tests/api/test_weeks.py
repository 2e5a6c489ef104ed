import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from consortium.testing.factories import TimesheetWeekFactory
from consortium.timesheets.models import TimesheetWeek, WeekStatus

pytestmark = pytest.mark.django_db

MONDAY = dt.date(2020, 9, 7)


def submitted(expert, week_start=MONDAY):
    return TimesheetWeekFactory(
        expert=expert, week_start=week_start, status="submitted", submitted_at=timezone.now()
    )


def test_the_owner_submits_their_week(scene, api_as):
    body = {"expert": scene.people.expert.code, "week_start": MONDAY.isoformat()}
    response = api_as(scene.people.owner).post("/weeks/submit", body)
    assert response.status_code == 200, response.content
    assert response.json()["status"] == WeekStatus.SUBMITTED
    assert response.json()["submitted_at"][-6:] in ("-04:00", "-05:00")


@pytest.mark.parametrize("who", ["colleague", "outsider"])
def test_others_may_not_submit_the_owners_week(scene, api_as, who):
    body = {"expert": scene.people.expert.code, "week_start": MONDAY.isoformat()}
    response = api_as(getattr(scene.people, who)).post("/weeks/submit", body)
    assert response.status_code == 403
    assert response["Content-Type"] == "application/problem+json"


def test_a_week_that_does_not_start_on_monday_is_422(scene, api_as):
    body = {"expert": scene.people.expert.code, "week_start": "2020-09-08"}
    response = api_as(scene.people.owner).post("/weeks/submit", body)
    assert response.status_code == 422
    assert response.json()["errors"]


def test_the_director_approves_and_returns_weeks(scene, api_as):
    client = api_as(scene.people.director)
    week = submitted(scene.people.expert)
    response = client.post(f"/weeks/{week.pk}/approve")
    assert response.status_code == 200, response.content
    assert response.json()["status"] == WeekStatus.APPROVED
    assert response.json()["decided_by"] == scene.people.director.username
    other = submitted(scene.people.expert, MONDAY + dt.timedelta(days=7))
    response = client.post(f"/weeks/{other.pk}/return", {"reason": "Il manque lundi."})
    assert response.json()["status"] == WeekStatus.RETURNED
    assert response.json()["reason"] == "Il manque lundi."


def test_the_owner_sees_but_may_not_approve_their_own_week(scene, api_as):
    week = submitted(scene.people.expert)
    client = api_as(scene.people.owner)
    assert [row["id"] for row in client.get("/weeks").json()["results"]] == [week.pk]
    assert client.post(f"/weeks/{week.pk}/approve").status_code == 403
    assert TimesheetWeek.objects.get(pk=week.pk).status == WeekStatus.SUBMITTED


@pytest.mark.parametrize("who", ["colleague", "outsider"])
def test_others_neither_see_nor_approve_the_owners_week(scene, api_as, who):
    week = submitted(scene.people.expert)
    client = api_as(getattr(scene.people, who))
    assert client.get("/weeks").json()["count"] == 0
    assert client.post(f"/weeks/{week.pk}/approve").status_code == 404


def test_approving_a_week_twice_is_422(scene, api_as):
    week = submitted(scene.people.expert)
    client = api_as(scene.people.director)
    client.post(f"/weeks/{week.pk}/approve")
    response = client.post(f"/weeks/{week.pk}/approve")
    assert response.status_code == 422


def test_a_blank_reason_is_422(scene, api_as):
    week = submitted(scene.people.expert)
    response = api_as(scene.people.director).post(f"/weeks/{week.pk}/return", {"reason": ""})
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "body.reason"


def test_the_weeks_list_filters_and_costs_the_same_queries(scene, api_as):
    client = api_as(scene.people.director)
    client.get("/token")

    def count(size: int) -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/weeks", page_size=size).status_code == 200
        return len(queries)

    submitted(scene.people.expert, MONDAY - dt.timedelta(days=7))
    # The token, the roles, the count, the page.
    small = count(1)
    assert small == 4
    for offset in range(6):
        submitted(scene.people.expert, MONDAY + dt.timedelta(days=7 * offset))
    assert count(500) == small
    assert client.get("/weeks", status="submitted", week_from="2020-09-14").json()["count"] == 5
    assert client.get("/weeks", expert=scene.people.expert.code).json()["count"] == 7
