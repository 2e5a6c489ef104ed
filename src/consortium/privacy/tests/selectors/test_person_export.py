import csv
import io
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from consortium.privacy.exports import person_export
from consortium.privacy.selectors import Subject, find_subject
from consortium.privacy.tests.person import (
    DESCRIPTION,
    EMAIL,
    FIRST_NAME,
    IP,
    REASON,
    USERNAME,
    make_departed_expert,
)
from consortium.surveys.services import staff_response_submit
from consortium.testing.factories import EngagementSurveyFactory, TimeEntryFactory

pytestmark = pytest.mark.django_db


def _json_export(subject: Subject) -> dict:
    return json.loads("".join(person_export(subject, "json")))


def _csv_export(subject: Subject) -> list[dict]:
    text = "".join(person_export(subject, "csv")).lstrip("\ufeff")
    return list(csv.DictReader(io.StringIO(text)))


def test_the_json_export_of_an_expert_holds_identity_hours_audit_and_sign_ins():
    expert = make_departed_expert()
    export = _json_export(find_subject("expert", "ZQU"))
    sections = export["sections"]
    assert export["subject"]["kind"] == "expert"
    assert export["subject"]["id"] == expert.pk
    identity = sections["expert"]["rows"][0]
    assert (identity["first_name"], identity["email"], identity["birth_year"]) == (
        FIRST_NAME,
        EMAIL,
        1980,
    )
    assert identity["username"] == USERNAME
    assert sections["time_entries"]["count"] == 2
    assert {row["hours"] for row in sections["time_entries"]["rows"]} == {"4.50", "2.00"}
    assert sections["time_entry_changes"]["count"] == 3
    assert sections["time_entry_changes"]["rows"][1]["after"]["description"] == (
        DESCRIPTION + " (suite)"
    )
    assert sections["timesheet_weeks"]["rows"][0]["reason"] == REASON
    assert sections["account"]["rows"][0]["username"] == USERNAME
    assert sections["login_log"]["rows"][0]["ip_address"] == IP
    assert sections["login_attempts"]["rows"][0]["failures_since_start"] == 2


def test_the_csv_export_holds_the_same_values_one_per_line():
    make_departed_expert()
    lines = _csv_export(find_subject("expert", "ZQU"))
    values = {(line["section"], line["field"], line["value"]) for line in lines}
    assert ("expert", "last_name", "Quidamovitch") in values
    assert ("time_entries", "count", "2") in values
    assert ("time_entries", "description", DESCRIPTION) in values
    assert ("login_log", "ip_address", IP) in values
    assert ("login_attempts", "count", "1") in values
    assert ("account", "email", EMAIL) in values


def test_a_user_export_holds_the_sign_ins_of_their_username():
    make_departed_expert()
    export = _json_export(find_subject("user", USERNAME))
    assert export["sections"]["login_log"]["count"] == 1
    assert "time_entries" not in export["sections"]


def test_a_csv_cell_that_would_run_as_a_formula_is_written_as_text():
    expert = make_departed_expert()
    TimeEntryFactory(expert=expert, date="2021-04-01", description="=HYPERLINK(1)")
    values = {line["value"] for line in _csv_export(find_subject("expert", "ZQU"))}
    assert "'=HYPERLINK(1)" in values
    assert "=HYPERLINK(1)" not in values


def test_the_export_reads_as_many_queries_however_many_rows():
    expert = make_departed_expert()
    subject = find_subject("expert", "ZQU")

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            "".join(person_export(subject, "json"))
        return len(captured)

    before = queries()
    for day in range(2, 30):
        TimeEntryFactory(expert=expert, date=f"2021-04-{day:02d}")
    assert queries() == before


def test_a_user_export_says_which_staff_surveys_they_answered_never_what():
    expert = make_departed_expert()
    survey = EngagementSurveyFactory(title_fr="Engagement 2020-2021")
    staff_response_submit(survey=survey, user=expert.user, department=None, values={})
    rows = _json_export(find_subject("user", USERNAME))["sections"]["survey_participations"]
    assert rows["rows"] == [{"fiscal_year": "2020-2021", "survey_title": "Engagement 2020-2021"}]
