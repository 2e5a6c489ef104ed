"""The diagnostic's arithmetic, with no database: section and overall scores, the band a score
falls in, and the sections whose services to offer.

A score is the share of the points the **answered** questions could give, weighted:
Σ(points of the chosen option × weight) ÷ Σ(best option's points × weight), in percent with one
decimal rounded half up (`core.numbers.percentage`). An unanswered question and one answered
« ne s'applique pas » are left out of both sums, never scored 0; with nothing answered, the score
is None (not 0 %).
"""

from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from consortium.core.numbers import percentage

HUNDRED = Decimal(100)


@dataclass(frozen=True)
class ScoredQuestion:
    """A question as scoring sees it: its section, weight and best points, and the answer
    (`points` None: unanswered or « ne s'applique pas »)."""

    section: Hashable
    weight: Decimal
    max_points: Decimal
    points: Decimal | None = None


@dataclass(frozen=True)
class Score:
    pct: Decimal | None
    answered: int


def score_of(questions: Iterable[ScoredQuestion]) -> Score:
    """The weighted score of `questions`, over those answered with an option."""
    earned = possible = Decimal(0)
    answered = 0
    for question in questions:
        if question.points is None:
            continue
        answered += 1
        earned += question.points * question.weight
        possible += question.max_points * question.weight
    if not answered:
        return Score(None, 0)
    # A question whose best option is worth 0 points can give none: a section of only such
    # answers has no score either.
    return Score(percentage(earned, possible), answered)


def section_scores(questions: Sequence[ScoredQuestion]) -> dict[Hashable, Score]:
    """Each section's score, in the order its first question comes."""
    by_section: dict[Hashable, list[ScoredQuestion]] = {}
    for question in questions:
        by_section.setdefault(question.section, []).append(question)
    return {section: score_of(rows) for section, rows in by_section.items()}


def overall_score(questions: Sequence[ScoredQuestion]) -> Score:
    """The score over every section's answered questions (not the mean of the sections)."""
    return score_of(questions)


@dataclass(frozen=True)
class BandBounds:
    lower: Decimal
    upper: Decimal


def band_index(score: Decimal | None, bands: Sequence[BandBounds]) -> int | None:
    """Which of `bands` (sorted, covering 0-100) `score` falls in: lower bound included, upper
    excluded, except 100 which belongs to the band ending at 100. None for no score."""
    if score is None:
        return None
    for index, band in enumerate(bands):
        if band.lower <= score < band.upper or (score == band.upper == HUNDRED):
            return index
    return None


def sections_below_threshold(
    scores: dict[Hashable, Score], thresholds: dict[Hashable, Decimal]
) -> list[Hashable]:
    """The sections whose score is under their threshold (a section with no score is not: there
    is nothing to say about it)."""
    return [
        section
        for section, score in scores.items()
        if score.pct is not None and score.pct < thresholds[section]
    ]


def score_change(current: Decimal | None, previous: Decimal | None) -> Decimal | None:
    """Change in percentage points since the previous diagnostic; None without both scores."""
    if current is None or previous is None:
        return None
    return current - previous
