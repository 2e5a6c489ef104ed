import pytest

from consortium.governance.rules import quorum_of, seats_needed


@pytest.mark.parametrize(("seats", "needed"), [(1, 1), (2, 2), (5, 3), (9, 5), (10, 6)])
def test_the_quorum_is_more_than_half_of_the_seats(seats, needed):
    assert seats_needed(seats, 0.5) == needed


def test_a_body_without_a_rule_or_without_seats_has_no_quorum():
    assert quorum_of(seats=9, present=9, share=None) is None
    assert quorum_of(seats=0, present=0, share=0.5) is None


def test_the_quorum_is_met_from_the_seats_needed_on():
    assert not quorum_of(seats=9, present=4, share=0.5).is_met
    assert quorum_of(seats=9, present=5, share=0.5).is_met
