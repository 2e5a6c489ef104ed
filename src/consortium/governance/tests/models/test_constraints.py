import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from consortium.governance.models import BoardRole, BoardSeat, Meeting, MeetingKind
from consortium.testing.factories import BoardSeatFactory, MeetingFactory

pytestmark = pytest.mark.django_db


def test_an_officer_must_sit_on_the_executive_committee():
    seat = BoardSeat(role=BoardRole.PRESIDENT, is_executive=False, term_start=dt.date(2020, 6, 1))
    with pytest.raises(ValidationError) as error:
        seat.full_clean()
    assert error.value.message_dict["is_executive"] == [
        "Les dirigeants siègent au comité exécutif."
    ]


def test_a_term_cannot_end_before_it_starts():
    seat = BoardSeatFactory.build(term_start=dt.date(2020, 6, 1), term_end=dt.date(2020, 5, 1))
    with pytest.raises(ValidationError, match="Un mandat ne peut finir avant de commencer"):
        seat.full_clean(exclude=["organisation"])


def test_a_body_meets_at_most_once_a_day():
    MeetingFactory(kind=MeetingKind.BOARD, date=dt.date(2020, 9, 15))
    with pytest.raises(ValidationError, match="Cette instance a déjà une rencontre ce jour-là"):
        Meeting(kind=MeetingKind.BOARD, date=dt.date(2020, 9, 15)).full_clean()


def test_a_meeting_reads_as_its_body_and_date():
    meeting = MeetingFactory.build(kind=MeetingKind.AGM, date=dt.date(2020, 6, 17))
    assert str(meeting) == "assemblée générale annuelle – 2020-06-17"
