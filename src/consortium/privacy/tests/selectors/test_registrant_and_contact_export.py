"""The export of a person signed up for events (by e-mail) and of a member contact."""

import csv
import io
import json

import pytest
from django.db import connection
from django.http import Http404
from django.test.utils import CaptureQueriesContext

from consortium.privacy.exports import person_export
from consortium.privacy.selectors import Subject, find_subject, subject_sections
from consortium.privacy.tests.registrant import (
    CONTACT_EMAIL,
    CONTACT_USERNAME,
    EMAIL,
    NAME,
    ORGANISATION,
    make_contact,
    make_registrant,
)
from consortium.testing.factories import RegistrationFactory

pytestmark = pytest.mark.django_db


def _json_export(subject: Subject) -> dict:
    return json.loads("".join(person_export(subject, "json")))


def _csv_export(subject: Subject) -> list[dict]:
    text = "".join(person_export(subject, "csv")).lstrip("\ufeff")
    return list(csv.DictReader(io.StringIO(text)))


def test_the_json_export_of_a_registrant_holds_each_of_their_sign_ups_and_no_one_elses():
    make_registrant()
    export = _json_export(find_subject("registrant", EMAIL.upper()))
    section = export["sections"]["registrations"]
    assert export["subject"]["kind"] == "registrant"
    assert section["count"] == 2
    assert [row["event_title"] for row in section["rows"]] == ["Webinaire 2020", "Forum à venir"]
    assert section["rows"][0] | {"created_at": None} == {
        "name": NAME,
        "email": EMAIL,
        "organisation": ORGANISATION,
        "created_at": None,
        "event_title": "Webinaire 2020",
        "event_date": "2020-11-05",
        "event_page": "webinaire-2020",
    }
    assert "autre@example.org" not in json.dumps(export)


def test_the_csv_export_of_a_registrant_has_one_line_per_value():
    make_registrant()
    lines = _csv_export(find_subject("registrant", EMAIL))
    values = {(line["section"], line["row"], line["field"]): line["value"] for line in lines}
    assert values["registrations", "1", "organisation"] == ORGANISATION
    assert values["registrations", "2", "event_title"] == "Forum à venir"
    assert values["registrations", "", "count"] == "2"


def test_an_unknown_registrant_is_not_found():
    make_registrant()
    with pytest.raises(Http404, match="Aucune inscription"):
        find_subject("registrant", "personne@example.org")


def test_the_json_export_of_a_contact_holds_their_organisations_and_their_account():
    make_contact()
    export = _json_export(find_subject("contact", CONTACT_USERNAME))
    sections = export["sections"]
    assert export["subject"]["kind"] == "contact"
    assert [row["organisation_code"] for row in sections["member_contacts"]["rows"]] == [
        "COOP-Y",
        "COOP-Z",
    ]
    assert sections["member_contacts"]["rows"][1]["title"] == "Directrice générale"
    assert sections["account"]["rows"][0]["email"] == CONTACT_EMAIL
    assert {"service_requests", "diagnostics", "diagnostic_answers", "login_log"} <= set(sections)


def test_a_contact_is_found_by_e_mail_too_and_exported_as_csv():
    user = make_contact()
    subject = find_subject("contact", CONTACT_EMAIL.upper())
    assert subject.row == user
    values = {
        (line["section"], line["row"], line["field"]): line["value"]
        for line in _csv_export(subject)
    }
    assert values["account", "1", "username"] == CONTACT_USERNAME
    assert values["member_contacts", "", "count"] == "2"


def test_a_user_who_represents_no_member_is_not_a_contact(people):
    with pytest.raises(Http404, match="Aucune personne-ressource"):
        find_subject("contact", people.owner.username)


@pytest.mark.parametrize("kind", ["registrant", "contact"])
def test_each_section_is_one_query_however_many_rows(kind):
    make_registrant()
    make_contact()
    key = EMAIL if kind == "registrant" else CONTACT_USERNAME

    def queries() -> int:
        subject = find_subject(kind, key)
        with CaptureQueriesContext(connection) as captured:
            for _ in person_export(subject, "json"):
                pass
        return len(captured)

    before = queries()
    assert before == len(subject_sections(find_subject(kind, key)))
    for number in range(5):
        RegistrationFactory(email=EMAIL, name=f"{NAME} {number}")
    assert queries() == before
