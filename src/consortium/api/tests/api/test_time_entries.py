import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from consortium.testing.factories import (
    PeriodLockFactory,
    TimeEntryFactory,
    TimesheetWeekFactory,
)
from consortium.timesheets.models import TimeEntry, TimeEntryChange

pytestmark = pytest.mark.django_db

MONDAY = dt.date(2020, 9, 7)


def entry_body(scene, **changes) -> dict:
    body = {
        "expert": scene.people.expert.code,
        "mandate": "M-CPT",
        "date": MONDAY.isoformat(),
        "hours": "7.5",
        "description": "Tenue de livres",
    }
    return body | changes


def test_the_owner_reads_their_entries_a_colleague_and_an_outsider_none(scene, api_as):
    owner = api_as(scene.people.owner).get("/time-entries", page_size=500).json()
    assert owner["count"] == 8
    assert {row["expert"] for row in owner["results"]} == {scene.people.expert.code}
    for who in ("colleague", "outsider"):
        assert api_as(getattr(scene.people, who)).get("/time-entries").json()["count"] == 0


def test_the_director_of_the_department_reads_its_entries(scene, api_as):
    assert api_as(scene.people.director).get("/time-entries").json()["count"] == 8


def test_entries_filter_by_dates_expert_mandate_and_organisation(scene, api_as):
    client = api_as(scene.people.owner)
    june = client.get("/time-entries", date_from="2020-06-01", date_to="2020-06-30").json()
    assert june["count"] == 4
    assert client.get("/time-entries", mandate="M-RH").json()["count"] == 0
    assert client.get("/time-entries", organisation="FJORD").json()["count"] == 8
    expert = scene.people.expert.code
    assert client.get("/time-entries", expert=expert).json()["count"] == 8


def test_changed_since_takes_an_iso_datetime_with_its_offset(scene, api_as):
    client = api_as(scene.people.owner)
    assert (
        client.get("/time-entries", changed_since="2000-01-01T00:00:00-05:00").json()["count"] == 8
    )
    assert (
        client.get("/time-entries", changed_since="2999-01-01T00:00:00+00:00").json()["count"] == 0
    )
    naive = client.get("/time-entries", changed_since="2000-01-01T00:00:00")
    assert naive.status_code == 422
    assert naive.json()["errors"][0]["field"] == "query.changed_since"


def test_an_entry_is_read_by_its_owner_and_404_to_a_colleague(scene, api_as):
    entry = TimeEntry.objects.filter(expert=scene.people.expert).first()
    body = api_as(scene.people.owner).get(f"/time-entries/{entry.pk}").json()
    assert body["hours"] == "7.50" or Decimal(body["hours"]) == Decimal("7.5")
    assert body["created_at"][-6:] in ("-04:00", "-05:00")
    assert api_as(scene.people.colleague).get(f"/time-entries/{entry.pk}").status_code == 404


def test_the_owner_records_an_entry_through_the_ledger_service(scene, api_as):
    response = api_as(scene.people.owner).post("/time-entries", entry_body(scene))
    assert response.status_code == 201, response.content
    entry = TimeEntry.objects.get(pk=response.json()["id"])
    assert entry.hours == Decimal("7.5")
    change = TimeEntryChange.objects.get(entry_id=entry.pk)
    assert change.changed_by == scene.people.owner


def test_a_colleague_may_not_record_the_owners_time(scene, api_as):
    response = api_as(scene.people.colleague).post("/time-entries", entry_body(scene))
    assert response.status_code == 403
    assert response["Content-Type"] == "application/problem+json"


def test_an_outsider_may_not_record_the_owners_time(scene, api_as):
    assert api_as(scene.people.outsider).post("/time-entries", entry_body(scene)).status_code == 403


def test_a_refused_entry_is_422_naming_each_field_and_rule(scene, api_as):
    client = api_as(scene.people.owner)
    TimeEntryFactory(
        expert=scene.people.expert, mandate=scene.other_mandate, date=MONDAY, hours=Decimal(20)
    )
    response = client.post("/time-entries", entry_body(scene, hours="7.5"))
    assert response.status_code == 422
    assert response["Content-Type"] == "application/problem+json"
    problem = response.json()
    assert problem["status"] == 422
    assert problem["errors"]
    assert all(error["field"] and error["message"] for error in problem["errors"])
    assert "24" in " ".join(error["message"] for error in problem["errors"])


def test_hours_out_of_range_and_a_bad_date_are_422_by_field(scene, api_as):
    response = api_as(scene.people.owner).post(
        "/time-entries", entry_body(scene, hours="25", date="2020-13-01")
    )
    assert response.status_code == 422
    fields = {error["field"] for error in response.json()["errors"]}
    assert {"body.hours", "body.date"} <= fields


def test_an_unknown_mandate_is_422_on_its_field(scene, api_as):
    response = api_as(scene.people.owner).post("/time-entries", entry_body(scene, mandate="NOPE"))
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "body.mandate"


def test_a_locked_period_refuses_the_entry(scene, api_as):
    PeriodLockFactory(start=dt.date(2020, 9, 1), end=dt.date(2020, 9, 30))
    response = api_as(scene.people.owner).post("/time-entries", entry_body(scene))
    assert response.status_code == 422
    assert not TimeEntry.objects.filter(date=MONDAY).exists()


def test_a_submitted_week_refuses_changes(scene, api_as):
    entry = TimeEntryFactory(expert=scene.people.expert, mandate=scene.mandate, date=MONDAY)
    TimesheetWeekFactory(
        expert=scene.people.expert,
        week_start=MONDAY,
        status="submitted",
        submitted_at=timezone.now(),
    )
    client = api_as(scene.people.owner)
    assert client.patch(f"/time-entries/{entry.pk}", {"hours": "2"}).status_code == 422
    assert client.delete(f"/time-entries/{entry.pk}").status_code == 422


def test_the_owner_changes_and_deletes_an_entry(scene, api_as):
    entry = TimeEntryFactory(expert=scene.people.expert, mandate=scene.mandate, date=MONDAY)
    client = api_as(scene.people.owner)
    response = client.patch(f"/time-entries/{entry.pk}", {"hours": "3.25", "description": "x"})
    assert response.status_code == 200, response.content
    entry.refresh_from_db()
    assert (entry.hours, entry.description) == (Decimal("3.25"), "x")
    assert client.delete(f"/time-entries/{entry.pk}").status_code == 204
    assert not TimeEntry.objects.filter(pk=entry.pk).exists()


def test_the_director_reads_but_does_not_change_an_entry(scene, api_as):
    entry = TimeEntryFactory(expert=scene.people.expert, mandate=scene.mandate, date=MONDAY)
    client = api_as(scene.people.director)
    assert client.get(f"/time-entries/{entry.pk}").status_code == 200
    assert client.patch(f"/time-entries/{entry.pk}", {"hours": "1"}).status_code == 403
    assert client.delete(f"/time-entries/{entry.pk}").status_code == 403


def test_a_colleague_changing_the_owners_entry_gets_404(scene, api_as):
    entry = TimeEntryFactory(expert=scene.people.expert, mandate=scene.mandate, date=MONDAY)
    client = api_as(scene.people.colleague)
    assert client.patch(f"/time-entries/{entry.pk}", {"hours": "1"}).status_code == 404
    assert client.delete(f"/time-entries/{entry.pk}").status_code == 404


def test_a_read_only_token_may_not_write(scene, api_as):
    client = api_as(scene.people.owner, scopes=["time_entries:read"])
    assert client.post("/time-entries", entry_body(scene)).status_code == 403


def test_the_list_costs_the_same_queries_whatever_the_page_size(scene, api_as):
    client = api_as(scene.people.director)
    client.get("/token")

    def count(size: int) -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/time-entries", page_size=size).status_code == 200
        return len(queries)

    # The token, the roles, the count, the page.
    small = count(1)
    assert small == 4
    for day in range(1, 29):
        TimeEntryFactory(
            expert=scene.people.expert, mandate=scene.mandate, date=dt.date(2020, 8, day)
        )
    assert count(500) == small


def test_several_entries_a_day_with_start_and_end_times(scene, api_as):
    client = api_as(scene.people.owner)
    morning = client.post(
        "/time-entries", entry_body(scene, hours=None, start_time="08:30", end_time="12:00")
    )
    assert morning.status_code == 201, morning.content
    assert Decimal(morning.json()["hours"]) == Decimal("3.5")
    assert morning.json()["start_time"].startswith("08:30")
    assert morning.json()["source"] == "api"
    evening = client.post("/time-entries", entry_body(scene, hours="2"))
    assert evening.status_code == 201
    day = client.get("/time-entries", date_from=MONDAY.isoformat(), date_to=MONDAY.isoformat())
    assert day.json()["count"] == 2
    entry_id = morning.json()["id"]
    cleared = client.patch(
        f"/time-entries/{entry_id}", {"start_time": None, "end_time": None, "hours": "3"}
    )
    assert cleared.status_code == 200, cleared.content
    assert cleared.json()["start_time"] is None
    kept = client.patch(f"/time-entries/{evening.json()['id']}", {"description": "appel"})
    assert kept.json()["hours"] == evening.json()["hours"]


def test_a_start_without_an_end_is_422(scene, api_as):
    response = api_as(scene.people.owner).post(
        "/time-entries", entry_body(scene, hours=None, start_time="08:30")
    )
    assert response.status_code == 422
    assert response.json()["errors"]


# --- a batch of entries ---------------------------------------------------------------------


def batch_of(scene, days: int, **changes) -> dict:
    return {
        "entries": [
            entry_body(scene, date=(MONDAY + dt.timedelta(days=day)).isoformat(), **changes)
            for day in range(days)
        ]
    }


def test_a_batch_adds_every_entry_with_its_audit_row(scene, api_as):
    response = api_as(scene.people.owner).post("/time-entries/batch", batch_of(scene, 5))
    assert response.status_code == 201, response.content
    results = response.json()["results"]
    assert [row["date"] for row in results] == [
        (MONDAY + dt.timedelta(days=day)).isoformat() for day in range(5)
    ]
    assert {row["source"] for row in results} == {"api"}
    ids = [row["id"] for row in results]
    assert TimeEntry.objects.filter(pk__in=ids).count() == 5
    assert TimeEntryChange.objects.filter(entry_id__in=ids, action="created").count() == 5


def test_a_batch_is_all_or_nothing_and_names_each_refused_entry(scene, api_as):
    body = batch_of(scene, 3)
    body["entries"][1]["mandate"] = "NOPE"
    response = api_as(scene.people.owner).post("/time-entries/batch", body)
    assert response.status_code == 422
    assert [error["field"] for error in response.json()["errors"]] == ["body.entries.1.mandate"]
    assert not TimeEntry.objects.filter(date__gte=MONDAY).exists()


def test_the_24_hour_rule_counts_the_batchs_other_entries(scene, api_as):
    body = {"entries": [entry_body(scene, hours="13"), entry_body(scene, hours="12")]}
    response = api_as(scene.people.owner).post("/time-entries/batch", body)
    assert response.status_code == 422
    errors = response.json()["errors"]
    assert [error["field"] for error in errors] == ["entries.1.hours"]
    assert "24" in errors[0]["message"]
    assert not TimeEntry.objects.filter(date=MONDAY).exists()


def test_a_batch_in_a_locked_period_is_refused_entry_by_entry(scene, api_as):
    PeriodLockFactory(start=dt.date(2020, 9, 9), end=dt.date(2020, 9, 30))
    response = api_as(scene.people.owner).post("/time-entries/batch", batch_of(scene, 4))
    assert response.status_code == 422
    assert {error["field"] for error in response.json()["errors"]} == {
        "entries.2.date",
        "entries.3.date",
    }
    assert not TimeEntry.objects.filter(date__gte=MONDAY).exists()


def test_a_colleague_may_not_send_a_batch_of_the_owners_time(scene, api_as):
    response = api_as(scene.people.colleague).post("/time-entries/batch", batch_of(scene, 2))
    assert response.status_code == 403


def test_an_external_id_keeps_a_retried_call_from_adding_the_entry_twice(scene, api_as):
    client = api_as(scene.people.owner)
    body = entry_body(scene, external_id="tt-42")
    assert client.post("/time-entries", body).status_code == 201
    again = client.post("/time-entries", body)
    assert again.status_code == 422
    assert [error["field"] for error in again.json()["errors"]] == ["external_id"]
    twice = {"entries": [entry_body(scene, external_id="tt-7", date="2020-09-08")] * 2}
    refused = client.post("/time-entries/batch", twice)
    assert [error["field"] for error in refused.json()["errors"]] == ["entries.1.external_id"]
    assert TimeEntry.objects.filter(source="api", external_id="tt-42").count() == 1


def test_a_batch_costs_the_same_queries_whatever_its_size(scene, api_as):
    client = api_as(scene.people.owner)
    client.get("/token")

    def count(days: int, hours: str) -> int:
        with CaptureQueriesContext(connection) as queries:
            response = client.post("/time-entries/batch", batch_of(scene, days, hours=hours))
            assert response.status_code == 201, response.content
        return len(queries)

    assert count(2, "1") == count(20, "2")
