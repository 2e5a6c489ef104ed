"""The demo's governance, read through the report's selector (on the shared demo)."""

import pytest

from consortium.core.fiscal_years import fiscal_year_period
from consortium.governance.models import Meeting, Resolution
from consortium.governance.selectors import governance_report, meeting_page
from consortium.members.models import MemberCategory, Membership

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def report(demo, django_db_blocker):
    with django_db_blocker.unblock():
        return governance_report(fiscal_year_period("2020-2021"))


def test_the_year_has_one_agm_six_board_and_four_executive_meetings(report):
    assert report["meetings"] == {"agm": 1, "board": 6, "executive": 4}


def test_the_board_has_eleven_seats_four_on_the_executive(report):
    assert (report["board_seats"], report["executive_seats"]) == (11, 4)
    assert [seat["role"] for seat in report["board"][:4]] == [
        "president",
        "vice_president",
        "secretary_treasurer",
        "director",
    ]


def test_one_seat_is_shared_by_two_people(report):
    assert [len(seat["holders"]) for seat in report["board"]].count(2) == 1


def test_the_seats_represent_the_organisations_the_report_names(report):
    organisations = {seat["organisation"] for seat in report["board"]}
    assert {
        "Réseau de coopération des EÉSAD",
        "Fédération des coopératives des paramédics du Québec",
        "Conseil québécois de la coopération et de la mutualité",
        "Table régionale d'économie sociale de Chaudière-Appalaches (TRÉSCA)",
        "Fédération des coopératives d'alimentation du Québec",
    } <= organisations


def test_the_president_represents_a_support_member(report):
    president = report["board"][0]
    assert Membership.objects.filter(
        organisation__name=president["organisation"], category=MemberCategory.SUPPORT
    ).exists()


def test_the_years_around_the_report_have_their_meetings_too(demo):
    for name in ("2019-2020", "2021-2022"):
        meetings = governance_report(fiscal_year_period(name))["meetings"]
        assert meetings["agm"] == 1
        assert meetings["board"] >= 4


def test_the_demo_meetings_have_an_agenda_attendance_and_the_board_resolutions(demo):
    board = Meeting.objects.filter(kind="board", date__year=2020).order_by("date").last()
    facts = meeting_page(board)
    assert board.agenda.startswith("1. Ouverture")
    assert facts["quorum"] is not None and facts["quorum"].is_met
    assert facts["others"] == ["Direction générale"]
    assert Resolution.objects.filter(meeting=board).count() == 2
