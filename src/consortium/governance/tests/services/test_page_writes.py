"""The services behind the governance pages: each checks who writes, and writes all or nothing."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from consortium.governance.models import Attendance, BoardSeat, BoardSeatHolder, Meeting
from consortium.governance.services import (
    board_seat_save,
    meeting_attendance_set,
    meeting_save,
    resolution_add,
)
from consortium.testing.factories import BoardSeatFactory, MeetingFactory

pytestmark = pytest.mark.django_db


def test_only_directors_and_administrators_write_governance(people):
    meeting = MeetingFactory()
    for user in (people.owner, people.finance, people.communications):
        with pytest.raises(PermissionDenied):
            meeting_save(by=user, kind="board", date=dt.date(2020, 9, 16))
        with pytest.raises(PermissionDenied):
            resolution_add(by=user, meeting=meeting, number="1", text="Texte")
        with pytest.raises(PermissionDenied):
            meeting_attendance_set(by=user, meeting=meeting, holders=[], others=["A"])
        with pytest.raises(PermissionDenied):
            board_seat_save(
                by=user, role="director", holders=[("A", "B")], term_start=dt.date(2020, 1, 1)
            )
    assert meeting_save(by=people.administrator, kind="agm", date=dt.date(2020, 6, 17)).pk


def test_minutes_that_are_not_a_pdf_leave_the_meeting_unchanged(people, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    meeting = MeetingFactory(title="Avant")
    with pytest.raises(ValidationError) as refused:
        meeting_save(
            by=people.director,
            meeting=meeting,
            kind=meeting.kind,
            date=meeting.date,
            title="Après",
            minutes=SimpleUploadedFile("pv.pdf", b"<html>"),
        )
    assert "minutes" in refused.value.message_dict
    meeting.refresh_from_db()
    assert meeting.title == "Avant" and not meeting.minutes


def test_attendance_replaces_the_last_one_and_names_each_other_person_once(people):
    seat = BoardSeatFactory()
    holder = seat.holders.get()
    meeting = MeetingFactory()
    meeting_attendance_set(by=people.director, meeting=meeting, holders=[holder], others=["X"])
    meeting_attendance_set(
        by=people.director, meeting=meeting, holders=[], others=["Julie", " julie ", "", "Marc"]
    )
    assert sorted(Attendance.objects.values_list("name", flat=True)) == ["Julie", "Marc"]


def test_a_seat_takes_one_or_two_holders_and_drops_the_one_left_out(people):
    with pytest.raises(ValidationError):
        board_seat_save(
            by=people.director,
            role="director",
            holders=[("A", "B"), ("C", "D"), ("E", "F")],
            term_start=dt.date(2020, 6, 17),
        )
    assert not BoardSeat.objects.exists()
    seat = board_seat_save(
        by=people.director,
        role="director",
        holders=[("Anne", "Tremblay"), ("Luc", "Gagnon")],
        term_start=dt.date(2020, 6, 17),
    )
    board_seat_save(
        by=people.director,
        seat=seat,
        role="director",
        holders=[("Anne", "Tremblay")],
        term_start=dt.date(2020, 6, 17),
    )
    assert [h.full_name for h in BoardSeatHolder.objects.all()] == ["Anne Tremblay"]


def test_a_term_ending_before_it_starts_is_refused_with_its_holders_unwritten(people):
    with pytest.raises(ValidationError, match="Un mandat ne peut finir avant de commencer"):
        board_seat_save(
            by=people.director,
            role="director",
            holders=[("Anne", "Tremblay")],
            term_start=dt.date(2020, 6, 17),
            term_end=dt.date(2020, 1, 1),
        )
    assert not BoardSeatHolder.objects.exists()
    assert not Meeting.objects.exists()
