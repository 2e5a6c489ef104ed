"""The governance pages: directors and administrators record meetings (attendance and quorum,
agenda, minutes, resolutions) and board seats, and read the board on any date; everyone else is
refused them."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from consortium.governance.models import Attendance, BoardSeat, Meeting, Resolution
from consortium.testing.factories import (
    BoardSeatFactory,
    BoardSeatHolderFactory,
    MeetingFactory,
    OrganisationFactory,
)
from consortium.testing.web import signed_in, url

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _queries(client, address, **params) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(address, params).status_code == 200
    return len(queries)


def _board(count: int, start=dt.date(2019, 6, 12)) -> list[BoardSeat]:
    return [BoardSeatFactory(term_start=start) for _n in range(count)]


PAGES = [
    ("governance:meeting_list", None),
    ("governance:meeting_create", None),
    ("governance:meeting_detail", "meeting"),
    ("governance:meeting_update", "meeting"),
    ("governance:board_seat_list", None),
    ("governance:board_seat_create", None),
    ("governance:board_seat_update", "seat"),
    ("governance:board_composition", None),
]


def _address(name, kind, meeting, seat):
    if kind == "meeting":
        return url(name, meeting.pk)
    if kind == "seat":
        return url(name, seat.pk)
    return url(name)


@pytest.mark.parametrize(("name", "kind"), PAGES)
def test_directors_and_administrators_open_every_page_and_other_roles_get_403(
    client, people, name, kind
):
    meeting, seat = MeetingFactory(), BoardSeatFactory()
    address = _address(name, kind, meeting, seat)
    for user in (people.director, people.administrator):
        signed_in(client, user)
        assert client.get(address).status_code == 200
    for user in (people.owner, people.finance, people.communications):
        signed_in(client, user)
        assert client.get(address).status_code == 403


def test_a_meeting_that_does_not_exist_is_a_404(client, director):
    signed_in(client, director)
    assert client.get(url("governance:meeting_detail", 999)).status_code == 404
    assert client.get(url("governance:board_seat_update", 999)).status_code == 404


def test_a_director_records_a_board_meeting_with_its_agenda_and_minutes(client, director):
    signed_in(client, director)
    response = client.post(
        url("governance:meeting_create"),
        {
            "kind": "board",
            "date": "2020-09-16",
            "title": "Rencontre de septembre",
            "agenda": "1. Ouverture\n2. États financiers",
            "minutes": SimpleUploadedFile("pv.pdf", PDF, content_type="application/pdf"),
        },
    )
    meeting = Meeting.objects.get()
    assert response.status_code == 302
    assert meeting.agenda.startswith("1. Ouverture")
    page = client.get(url("governance:meeting_detail", meeting.pk)).text
    assert "États financiers" in page
    assert "Télécharger le procès-verbal" in page
    minutes = client.get(url("governance:meeting_minutes", meeting.pk))
    assert minutes["Content-Type"] == "application/pdf"
    assert b"".join(minutes.streaming_content) == PDF


def test_minutes_that_are_not_a_pdf_are_refused_naming_the_field(client, director):
    signed_in(client, director)
    response = client.post(
        url("governance:meeting_create"),
        {
            "kind": "board",
            "date": "2020-09-16",
            "minutes": SimpleUploadedFile("pv.pdf", b"pas un pdf", content_type="application/pdf"),
        },
    )
    assert response.status_code == 200
    assert "Le procès-verbal doit être un fichier PDF." in response.text
    assert not Meeting.objects.exists()


def test_the_minutes_are_served_to_no_other_role(client, people, director):
    signed_in(client, director)
    client.post(
        url("governance:meeting_create"),
        {
            "kind": "board",
            "date": "2020-09-16",
            "minutes": SimpleUploadedFile("pv.pdf", PDF, content_type="application/pdf"),
        },
    )
    address = url("governance:meeting_minutes", Meeting.objects.get().pk)
    for user in (people.owner, people.finance, people.communications):
        signed_in(client, user)
        assert client.get(address).status_code == 403
    client.logout()
    assert client.get(address).status_code == 302


def test_the_same_body_meeting_twice_the_same_day_is_refused(client, director):
    MeetingFactory(kind="board", date=dt.date(2020, 9, 16))
    signed_in(client, director)
    response = client.post(
        url("governance:meeting_create"), {"kind": "board", "date": "2020-09-16"}
    )
    assert "Cette instance a déjà une rencontre ce jour-là." in response.text
    assert Meeting.objects.count() == 1


def test_attendance_shows_the_quorum_met_when_most_seats_are_present(client, director):
    seats = _board(5)
    shared = BoardSeatHolderFactory(seat=seats[0], first_name="Nadia", last_name="Roy")
    meeting = MeetingFactory(kind="board", date=dt.date(2020, 9, 16))
    signed_in(client, director)
    holders = [seats[0].holders.first(), shared, seats[1].holders.first()]
    address = url("governance:meeting_attendance", meeting.pk)
    client.post(address, {"holders": [holder.pk for holder in holders], "others": "Invitée A"})
    page = client.get(url("governance:meeting_detail", meeting.pk)).text
    # Two people of one shared seat count as one seat: 2 of 5, 3 needed.
    assert "Quorum non atteint" in page
    assert "2 sièges sur 5 représentés; il en faut 3." in page
    client.post(
        address,
        {"holders": [holder.pk for holder in (*holders, seats[2].holders.first())], "others": ""},
    )
    page = client.get(url("governance:meeting_detail", meeting.pk)).text
    assert "Quorum atteint" in page
    assert Attendance.objects.filter(meeting=meeting).count() == 4


def test_the_executive_committee_quorum_counts_only_executive_seats(client, director):
    BoardSeatFactory(role="president", is_executive=True)
    BoardSeatFactory(role="vice_president", is_executive=True)
    _board(4)
    meeting = MeetingFactory(kind="executive", date=dt.date(2020, 9, 16))
    signed_in(client, director)
    page = client.get(url("governance:meeting_detail", meeting.pk)).text
    assert "0 sièges sur 2 représentés; il en faut 2." in page


def test_a_resolution_is_added_on_the_meeting_page_and_its_number_is_unique(client, director):
    meeting = MeetingFactory()
    signed_in(client, director)
    address = url("governance:resolution_add", meeting.pk)
    data = {"number": "CA-2020-07", "text": "Adopter les états financiers.", "outcome": "adopted"}
    assert client.post(address, data).status_code == 302
    again = client.post(address, {**data, "outcome": "rejected"})
    assert again.status_code == 400
    assert "Cette rencontre a déjà une résolution de ce numéro." in again.text
    page = client.get(url("governance:meeting_detail", meeting.pk)).text
    assert "Adopter les états financiers." in page and "Adoptée" in page
    assert Resolution.objects.count() == 1


def test_a_director_opens_a_seat_shared_by_two_people_for_an_organisation(client, director):
    OrganisationFactory(code="RCEESAD", name="Réseau de coopération des EÉSAD")
    signed_in(client, director)
    response = client.post(
        url("governance:board_seat_create"),
        {
            "role": "director",
            "organisation": "RCEESAD — Réseau de coopération des EÉSAD",
            "term_start": "2020-06-17",
            "order": "3",
            "first_name_1": "Anne",
            "last_name_1": "Tremblay",
            "first_name_2": "Luc",
            "last_name_2": "Gagnon",
        },
    )
    assert response.status_code == 302
    seat = BoardSeat.objects.get()
    assert seat.organisation.code == "RCEESAD"
    assert [h.full_name for h in seat.holders.order_by("pk")] == ["Anne Tremblay", "Luc Gagnon"]
    page = client.get(url("governance:board_seat_list")).text
    assert "siège partagé" in page and "Réseau de coopération des EÉSAD" in page


def test_an_unknown_organisation_and_an_officer_outside_the_executive_are_refused(client, director):
    signed_in(client, director)
    response = client.post(
        url("governance:board_seat_create"),
        {
            "role": "president",
            "organisation": "Inconnue",
            "term_start": "2020-06-17",
            "first_name_1": "Anne",
            "last_name_1": "Tremblay",
        },
    )
    assert "Aucune organisation ne porte ce code ou ce nom." in response.text
    response = client.post(
        url("governance:board_seat_create"),
        {
            "role": "president",
            "term_start": "2020-06-17",
            "first_name_1": "Anne",
            "last_name_1": "Tremblay",
        },
    )
    assert "Les dirigeants siègent au comité exécutif." in response.text
    assert not BoardSeat.objects.exists()


def test_editing_a_seat_keeps_its_holder_and_their_attendance(client, director):
    seat = BoardSeatFactory()
    holder = seat.holders.get()
    meeting = MeetingFactory()
    Attendance.objects.create(meeting=meeting, holder=holder)
    signed_in(client, director)
    response = client.post(
        url("governance:board_seat_update", seat.pk),
        {
            "role": "director",
            "term_start": "2019-06-12",
            "term_end": "2021-06-16",
            "first_name_1": "Marie",
            "last_name_1": "Côté",
        },
    )
    assert response.status_code == 302
    holder.refresh_from_db()
    assert holder.full_name == "Marie Côté"
    assert Attendance.objects.filter(holder=holder).exists()


def test_the_composition_shows_who_held_each_seat_on_a_past_date(client, director):
    old = BoardSeatFactory(term_start=dt.date(2018, 6, 1), term_end=dt.date(2020, 6, 16))
    BoardSeatHolder = old.holders.model
    BoardSeatHolder.objects.filter(seat=old).update(first_name="Ancien", last_name="Président")
    new = BoardSeatFactory(term_start=dt.date(2020, 6, 17), role="president", is_executive=True)
    new.holders.update(first_name="Nouvelle", last_name="Présidente")
    signed_in(client, director)
    past = client.get(url("governance:board_composition"), {"on": "2019-01-15"}).text
    assert "Ancien Président" in past and "Nouvelle Présidente" not in past
    later = client.get(url("governance:board_composition"), {"on": "2021-01-15"}).text
    assert "Nouvelle Présidente" in later and "Ancien Président" not in later
    assert "Aucun siège au comité exécutif ce jour-là." in past


def test_the_meeting_list_filters_by_kind_and_year_with_chips(client, director):
    MeetingFactory(kind="agm", date=dt.date(2020, 6, 17), title="AGA 2020")
    MeetingFactory(kind="board", date=dt.date(2020, 9, 16), title="CA septembre")
    MeetingFactory(kind="board", date=dt.date(2021, 9, 15), title="CA 2021")
    signed_in(client, director)
    page = client.get(url("governance:meeting_list"), {"kind": "board", "year": "2020"}).text
    assert "CA septembre" in page
    assert "AGA 2020" not in page and "CA 2021" not in page
    assert "Retirer le filtre Instance" in page


def test_the_list_pages_make_as_many_queries_whatever_the_rows(client, director):
    signed_in(client, director)
    MeetingFactory()
    BoardSeatFactory()
    counts = [
        _queries(client, url("governance:meeting_list")),
        _queries(client, url("governance:board_seat_list")),
        _queries(client, url("governance:board_composition"), on="2020-01-01"),
    ]
    meeting = MeetingFactory(date=dt.date(2020, 1, 1))
    detail = _queries(client, url("governance:meeting_detail", meeting.pk))
    for _n in range(6):
        seat = BoardSeatFactory()
        BoardSeatHolderFactory(seat=seat)
        MeetingFactory()
        Resolution.objects.create(meeting=meeting, number=f"R-{_n}", text="Texte")
        Attendance.objects.create(meeting=meeting, holder=seat.holders.first())
    assert [
        _queries(client, url("governance:meeting_list")),
        _queries(client, url("governance:board_seat_list")),
        _queries(client, url("governance:board_composition"), on="2020-01-01"),
    ] == counts
    assert _queries(client, url("governance:meeting_detail", meeting.pk)) == detail


def test_the_meeting_page_reads_in_english(client, director):
    _board(3)
    meeting = MeetingFactory(kind="board", date=dt.date(2020, 9, 16))
    signed_in(client, director)
    page = client.get(url("governance:meeting_detail", meeting.pk, language="en")).text
    assert "Quorum not met" in page
    assert "0 of 3 seats represented; 2 needed." in page
    assert "Add a resolution" in page and "Holders present" in page
    composition = client.get(url("governance:board_composition", language="en")).text
    assert "Board of directors on" in composition
