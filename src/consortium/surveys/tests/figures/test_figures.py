"""The survey figures on hand-computed vectors."""

from decimal import Decimal

import pytest

from consortium.surveys.figures import (
    engagement_pct,
    is_suppressed,
    nps,
    nps_of,
    would_recommend_pct,
)


def test_48_yes_of_50_answers_is_96_percent():
    assert would_recommend_pct(48, 50) == Decimal("96.0")


def test_2_yes_of_3_rounds_half_up_to_one_decimal():
    assert would_recommend_pct(2, 3) == Decimal("66.7")


def test_no_answer_gives_no_rate():
    assert would_recommend_pct(0, 0) is None


def test_answers_0_to_10_once_each_give_an_nps_of_minus_45_5():
    # 2 promoters (9, 10), 7 detractors (0..6) of 11: (2 - 7) / 11 = −45,45… → −45,5
    score = nps_of(list(range(11)))
    assert (score.value, score.respondents, score.cautious) == (Decimal("-45.5"), 11, True)


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ([10] * 30, Decimal("100.0")),
        ([0] * 30, Decimal("-100.0")),
        ([7, 8] * 15, Decimal("0.0")),
        ([9, 9, 6], Decimal("33.3")),  # (2 − 1) / 3
    ],
)
def test_the_nps_is_promoters_minus_detractors(values, expected):
    assert nps_of(values).value == expected


def test_30_answers_or_more_are_not_flagged():
    assert not nps_of([9] * 30).cautious
    assert nps_of([9] * 29).cautious


def test_no_answer_gives_no_nps():
    assert nps(0, 0, 0).value is None
    assert not nps(0, 0, 0).cautious


def test_the_engagement_rate_is_the_share_of_favourable_answers():
    # 21 favourable (4 or 5) among 25 answered items, « ne s'applique pas » left out
    assert engagement_pct(favourable=21, answered=25, respondents=5) == Decimal("84.0")


def test_fewer_than_5_respondents_give_no_engagement_rate():
    assert engagement_pct(favourable=4, answered=4, respondents=4) is None
    assert is_suppressed(4) and not is_suppressed(5)


def test_a_carried_over_survey_gives_the_mean_of_its_scores():
    assert engagement_pct(
        favourable=0, answered=0, respondents=5, legacy_total=Decimal("421"), legacy_count=5
    ) == Decimal("84.2")
