import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from consortium.governance.models import BoardRole, BoardSeat, Meeting, MeetingKind
from consortium.governance.services import (
    board_seat_create,
    board_seat_holder_create,
    board_seat_holder_update,
    board_seat_open,
    board_seat_update,
    meeting_create,
    meeting_record,
    meeting_update,
)
from consortium.testing.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def test_recording_a_meeting_again_replaces_its_title_and_notes():
    meeting_record(kind=MeetingKind.BOARD, date=dt.date(2020, 9, 15), title="Ancien")
    _meeting, created = meeting_record(
        kind=MeetingKind.BOARD, date=dt.date(2020, 9, 15), title="Rencontre", notes="Budget"
    )
    assert not created
    assert list(Meeting.objects.values_list("title", "notes")) == [("Rencontre", "Budget")]


def test_a_seat_may_be_shared_by_two_people():
    seat = board_seat_create(
        role=BoardRole.VICE_PRESIDENT,
        is_executive=True,
        organisation=OrganisationFactory(name="Réseau de coopération des EÉSAD"),
        holders=[("Manon", "Loranger"), ("Martin-Charles", "St-Pierre")],
        term_start=dt.date(2020, 6, 17),
    )
    assert [holder.full_name for holder in seat.holders.order_by("pk")] == [
        "Manon Loranger",
        "Martin-Charles St-Pierre",
    ]


@pytest.mark.parametrize("holders", [[], [("A", "B"), ("C", "D"), ("E", "F")]])
def test_a_seat_has_one_or_two_holders(holders):
    with pytest.raises(ValidationError, match="Un siège est occupé par une ou deux personnes"):
        board_seat_create(role=BoardRole.DIRECTOR, holders=holders, term_start=dt.date(2020, 1, 1))
    assert not BoardSeat.objects.exists()


def test_a_seat_cannot_be_created_for_an_officer_off_the_executive():
    with pytest.raises(ValidationError):
        board_seat_create(
            role=BoardRole.SECRETARY_TREASURER,
            holders=[("Pascal", "Rivard")],
            term_start=dt.date(2020, 1, 1),
        )
    assert not BoardSeat.objects.exists()


def test_a_body_meets_once_a_day_and_its_meeting_is_retitled():
    meeting = meeting_create(kind=MeetingKind.BOARD, date=dt.date(2020, 9, 15))
    with pytest.raises(ValidationError):
        meeting_create(kind=MeetingKind.BOARD, date=dt.date(2020, 9, 15))
    meeting_update(meeting=meeting, kind=MeetingKind.BOARD, date=dt.date(2020, 9, 15), title="AGA")
    assert list(Meeting.objects.values_list("title", flat=True)) == ["AGA"]


def test_an_open_seat_ends_its_term_and_an_officer_stays_on_the_executive():
    seat = board_seat_open(role=BoardRole.DIRECTOR, term_start=dt.date(2019, 6, 1))
    board_seat_update(
        seat=seat,
        role=BoardRole.DIRECTOR,
        term_start=dt.date(2019, 6, 1),
        term_end=dt.date(2021, 6, 15),
    )
    seat.refresh_from_db()
    assert seat.term_end == dt.date(2021, 6, 15)
    with pytest.raises(ValidationError, match="Les dirigeants siègent au comité exécutif"):
        board_seat_update(seat=seat, role=BoardRole.SECRETARY_TREASURER, term_start=seat.term_start)


def test_a_third_holder_is_refused_on_a_seat_or_moved_onto_it():
    seat = board_seat_open(role=BoardRole.DIRECTOR, term_start=dt.date(2019, 6, 1))
    board_seat_holder_create(seat=seat, first_name="Manon", last_name="Loranger")
    board_seat_holder_create(seat=seat, first_name="Martin", last_name="St-Pierre")
    with pytest.raises(ValidationError, match="Un siège est occupé par une ou deux personnes"):
        board_seat_holder_create(seat=seat, first_name="Lynda", last_name="Bélanger")
    other = board_seat_open(role=BoardRole.DIRECTOR, term_start=dt.date(2019, 6, 1))
    newcomer = board_seat_holder_create(seat=other, first_name="Lynda", last_name="Bélanger")
    with pytest.raises(ValidationError, match="Un siège est occupé par une ou deux personnes"):
        board_seat_holder_update(
            holder=newcomer, seat=seat, first_name="Lynda", last_name="Bélanger"
        )
    assert seat.holders.count() == 2
