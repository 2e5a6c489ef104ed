import datetime as dt

import pytest

from consortium.core.fiscal_years import Period
from consortium.governance.models import BoardRole, MeetingKind
from consortium.governance.selectors import board_composition_on, governance_report
from consortium.testing.factories import BoardSeatFactory, BoardSeatHolderFactory, MeetingFactory

pytestmark = pytest.mark.django_db

YEAR = Period(dt.date(2020, 4, 1), dt.date(2021, 3, 31), "2020-2021")


def test_meetings_of_each_body_are_counted_within_the_period():
    MeetingFactory(kind=MeetingKind.AGM, date=dt.date(2020, 6, 17))
    MeetingFactory(kind=MeetingKind.AGM, date=dt.date(2021, 6, 16))  # next year
    MeetingFactory(kind=MeetingKind.BOARD, date=dt.date(2020, 4, 1))
    MeetingFactory(kind=MeetingKind.BOARD, date=dt.date(2021, 3, 31))
    MeetingFactory(kind=MeetingKind.BOARD, date=dt.date(2020, 3, 31))  # last year
    assert governance_report(YEAR)["meetings"] == {"agm": 1, "board": 2, "executive": 0}


def test_the_board_is_the_seats_in_force_on_the_last_day_in_display_order():
    director = BoardSeatFactory(order=2, organisation__name="CQCM", holder__first_name="Gaston")
    BoardSeatHolderFactory(seat=director, first_name="Gabriel", last_name="Sansoucy")
    BoardSeatFactory(
        order=1,
        role=BoardRole.PRESIDENT,
        is_executive=True,
        organisation=None,
        holder__first_name="Yvan",
        holder__last_name="Laurin",
    )
    BoardSeatFactory(order=0, term_end=dt.date(2020, 6, 16))  # left at the AGM
    BoardSeatFactory(order=0, term_start=dt.date(2021, 6, 16))  # elected after the year
    report = governance_report(YEAR)
    assert (report["board_seats"], report["executive_seats"]) == (2, 1)
    assert report["board"][0] == {
        "holders": ["Yvan Laurin"],
        "role": "president",
        "role_label": "président(e)",
        "is_executive": True,
        "organisation": "",
    }
    assert report["board"][1]["organisation"] == "CQCM"
    assert report["board"][1]["holders"][1] == "Gabriel Sansoucy"
    assert report["board"][1]["role_label"] == "administrateur(trice)"


def test_the_report_takes_three_queries_whatever_the_board(django_assert_num_queries):
    for order in range(6):
        seat = BoardSeatFactory(order=order)
        BoardSeatHolderFactory(seat=seat)
        MeetingFactory()
    with django_assert_num_queries(3):
        governance_report(YEAR)


def test_the_composition_on_a_day_takes_two_queries_whatever_the_seats(
    django_assert_num_queries,
):
    for _n in range(4):
        seat = BoardSeatFactory(is_executive=_n == 0, term_start=dt.date(2019, 6, 12))
        BoardSeatHolderFactory(seat=seat)
    BoardSeatFactory(term_start=dt.date(2021, 6, 16))
    with django_assert_num_queries(2):
        composition = board_composition_on(dt.date(2020, 6, 1))
        holders = [
            holder.full_name for seat in composition["seats"] for holder in seat.holders.all()
        ]
    assert len(composition["seats"]) == 4
    assert len(holders) == 8
    assert len(composition["executive"]) == 1
