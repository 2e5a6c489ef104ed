"""The survey results of a fiscal year: would-recommend rate and engagement rate.

`surveys_report` makes two queries whatever the number of answers.
"""

from decimal import Decimal

from django.db.models import Count, Max, Q, Sum

from consortium.core.numbers import TENTH, as_decimal, ratio
from consortium.surveys.models import EngagementSurvey, SatisfactionAnswer


def _ratio_pct(numerator, denominator, *, times: int = 100) -> Decimal | None:
    return ratio(as_decimal(numerator) * times, denominator)


def surveys_report(fiscal_year: str) -> dict:
    """Would-recommend rate (yes ÷ all answers), engagement rate (mean score) and its benchmark,
    each as a percentage with one decimal, None when nobody answered."""
    satisfaction = SatisfactionAnswer.objects.filter(
        survey__fiscal_year__name=fiscal_year
    ).aggregate(yes=Count("pk", filter=Q(would_recommend=True)), answers=Count("pk"))
    engagement = EngagementSurvey.objects.filter(fiscal_year__name=fiscal_year).aggregate(
        benchmark=Max("benchmark_pct"),
        total=Sum("responses__score"),
        responses=Count("responses"),
    )
    benchmark = engagement["benchmark"]
    return {
        "would_recommend_pct": _ratio_pct(satisfaction["yes"], satisfaction["answers"]),
        "satisfaction_respondents": satisfaction["answers"],
        "engagement_pct": _ratio_pct(engagement["total"] or 0, engagement["responses"], times=1),
        "engagement_benchmark_pct": None
        if benchmark is None
        else as_decimal(benchmark).quantize(TENTH),
        "engagement_respondents": engagement["responses"],
    }
