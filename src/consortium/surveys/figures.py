"""The survey figures, as pure functions of counts (the selectors count in SQL).

- Would-recommend rate: "yes" ÷ answers to the would-recommend question (one answer per
  organisation), in % with one decimal.
- NPS (Net Promoter Score): % of 9-10 minus % of 0-6 among the 0-10 answers, from −100 to +100,
  one decimal; under 30 answers it is flagged « à interpréter avec prudence ».
- Engagement rate: the share of favourable answers (4 « plutôt d'accord » or 5 « tout à fait
  d'accord ») among the answered Likert items of the engagement index, « ne s'applique pas » left
  out, in % with one decimal. A survey carried over from before the engine has scores out of 100
  instead: its rate is their mean (as the report always computed it).
- No result for a group (a whole survey or a department) of fewer than 5 respondents: with so
  few, an answer could be traced back to a person.

Rounding is half up, as people round (`core.numbers`).
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from consortium.core.numbers import TENTH, as_decimal, percentage, ratio

# Fewer respondents than this in a group: no result is shown for it.
MIN_GROUP = 5
# Fewer answers than this: the NPS is flagged.
NPS_CAUTION_UNDER = 30
FAVOURABLE_FROM = 4  # Likert 4 and 5
PROMOTERS_FROM = 9  # 0-10 scale: 9 and 10
DETRACTORS_UP_TO = 6  # 0 to 6


def would_recommend_pct(yes: int, answers: int) -> Decimal | None:
    """Yes ÷ answers in %, one decimal; None without answers."""
    return percentage(yes, answers)


@dataclass(frozen=True)
class Nps:
    value: Decimal | None
    respondents: int

    @property
    def cautious(self) -> bool:
        """Under 30 answers: « moins de 30 réponses : à interpréter avec prudence »."""
        return 0 < self.respondents < NPS_CAUTION_UNDER


def nps(promoters: int, detractors: int, answers: int) -> Nps:
    """% of promoters (9-10) minus % of detractors (0-6), one decimal; None without answers."""
    if not answers:
        return Nps(None, 0)
    value = (Decimal(promoters - detractors) * 100 / answers).quantize(
        TENTH, rounding=ROUND_HALF_UP
    )
    return Nps(value, answers)


def nps_of(values: list[int]) -> Nps:
    """The NPS of a list of 0-10 answers (for tests and small lists)."""
    promoters = sum(1 for value in values if value >= PROMOTERS_FROM)
    detractors = sum(1 for value in values if value <= DETRACTORS_UP_TO)
    return nps(promoters, detractors, len(values))


def is_suppressed(respondents: int) -> bool:
    """Whether a group is too small to show (fewer than 5 respondents)."""
    return respondents < MIN_GROUP


def engagement_pct(
    *,
    favourable: int,
    answered: int,
    respondents: int,
    legacy_total: Decimal | float | int | None = None,
    legacy_count: int = 0,
) -> Decimal | None:
    """The engagement rate of a group, None when it has fewer than 5 respondents or nothing to
    count. Likert answers when there are any, else the mean of the carried-over scores."""
    if is_suppressed(respondents):
        return None
    if answered:
        return percentage(favourable, answered)
    if legacy_count:
        return ratio(as_decimal(legacy_total or 0), legacy_count)
    return None
