"""The diagnostic's arithmetic on cases computed by hand."""

from decimal import Decimal as D

import pytest

from consortium.diagnostics.scoring import (
    BandBounds,
    ScoredQuestion,
    band_index,
    overall_score,
    score_change,
    section_scores,
    sections_below_threshold,
)


def q(section, weight, max_points, points=None):
    return ScoredQuestion(
        section=section, weight=D(weight), max_points=D(max_points), points=points
    )


def test_unanswered_and_not_applicable_questions_are_left_out_not_scored_zero():
    # Answered: 3 of 4 (weight 1) and 2 of 4 (weight 1) → 5 / 8 = 62.5 %; the unanswered
    # question and the « ne s'applique pas » one (both points None) count for nothing.
    questions = [q("G", 1, 4, D(3)), q("G", 1, 4, D(2)), q("G", 1, 4), q("G", 2, 4)]
    score = section_scores(questions)["G"]
    assert score.pct == D("62.5")
    assert score.answered == 2


def test_weights_other_than_one_weigh_the_points():
    # (4 × 2 + 1 × 0.5) ÷ (4 × 2 + 3 × 0.5) = 8.5 ÷ 9.5 = 89.47… → 89.5 %
    questions = [q("F", 2, 4, D(4)), q("F", "0.5", 3, D(1))]
    assert section_scores(questions)["F"].pct == D("89.5")


def test_a_section_answered_only_not_applicable_has_no_score():
    score = section_scores([q("T", 1, 3), q("T", 1, 3)])["T"]
    assert score.pct is None
    assert score.answered == 0


def test_the_overall_score_pools_every_answered_question_not_the_sections_mean():
    # G: 3 of 4 (weight 1); F: 0 of 2 (weight 3) → 3 ÷ (4 + 6) = 30 %, not (75 + 0) ÷ 2.
    questions = [q("G", 1, 4, D(3)), q("F", 3, 2, D(0)), q("F", 1, 2)]
    assert overall_score(questions).pct == D("30.0")
    assert section_scores(questions)["F"].pct == D("0.0")


def test_percent_is_rounded_half_up_to_one_decimal():
    # 1 ÷ 8 = 12.5 % exactly; 1 ÷ 16 = 6.25 % → 6.3 % (half up)
    assert overall_score([q("G", 1, 8, D(1))]).pct == D("12.5")
    assert overall_score([q("G", 1, 16, D(1))]).pct == D("6.3")


BANDS = [BandBounds(D(0), D(50)), BandBounds(D(50), D(75)), BandBounds(D(75), D(100))]


@pytest.mark.parametrize(
    ("score", "band"),
    [
        ("0", 0),
        ("0.01", 0),
        ("49.99", 0),
        ("50", 1),
        ("50.01", 1),
        ("74.99", 1),
        ("75", 2),
        ("75.01", 2),
        ("99.99", 2),
        ("100", 2),
    ],
)
def test_a_score_falls_in_one_band_at_every_edge(score, band):
    assert band_index(D(score), BANDS) == band


def test_no_score_has_no_band():
    assert band_index(None, BANDS) is None


def test_sections_under_their_threshold_are_offered_their_services():
    scores = section_scores(
        [q("G", 1, 4, D(2)), q("F", 1, 4, D(3)), q("T", 1, 4), q("R", 1, 10, D(6))]
    )
    # G 50 % < 60; F 75 % ≥ 60; T has no score; R 60 % is not under 60.
    thresholds = {"G": D(60), "F": D(60), "T": D(60), "R": D(60)}
    assert sections_below_threshold(scores, thresholds) == ["G"]


def test_the_change_since_the_previous_diagnostic_needs_both_scores():
    assert score_change(D("62.5"), D("50.0")) == D("12.5")
    assert score_change(D("40.0"), D("50.0")) == D("-10.0")
    assert score_change(None, D("50.0")) is None
