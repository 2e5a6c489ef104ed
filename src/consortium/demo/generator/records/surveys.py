"""Demo surveys: each year's satisfaction survey of the members and engagement survey of the
experts. In 2020-2021, 48 of 50 member organisations would recommend the centre (96 %) and the
engagement rate is 84.0 % against 76.0 % for similar organisations, as the report says
(« se compare avantageusement »).

The counts do not depend on --scale; the seed decides which organisations answer and the
spread of the scores (never their mean).
"""

import datetime as dt
import random
from decimal import Decimal

from django.db.models import Q

from consortium.core.models import FiscalYear
from consortium.members.models import Membership
from consortium.surveys.models import (
    EngagementResponse,
    EngagementSurvey,
    SatisfactionAnswer,
    SatisfactionSurvey,
)
from consortium.surveys.services import surveys_delete

# fiscal year: (sent on, answers, of which yes; engagement mean, benchmark, responses).
SURVEYS = {
    "2019-2020": (dt.date(2020, 2, 10), 44, 41, Decimal("79.0"), Decimal("75.5"), 48),
    "2020-2021": (dt.date(2021, 2, 15), 50, 48, Decimal("84.0"), Decimal("76.0"), 52),
    "2021-2022": (dt.date(2022, 2, 14), 58, 56, Decimal("85.5"), Decimal("76.5"), 56),
}


def _members_on(day: dt.date) -> list[int]:
    return list(
        Membership.objects.filter(start__lte=day)
        .filter(Q(end__isnull=True) | Q(end__gte=day))
        .order_by("organisation__code")
        .values_list("organisation_id", flat=True)
    )


def _scores(rng: random.Random, mean: Decimal, count: int) -> list[Decimal]:
    """`count` scores (an even number) spread around `mean` in pairs, so that the mean is exact."""
    scores = []
    for _pair in range(count // 2):
        gap = Decimal(rng.randint(0, int(min(15, 100 - mean, mean) * 10))) / 10
        scores += [mean + gap, mean - gap]
    rng.shuffle(scores)
    return scores


def write(context) -> dict[str, int]:
    rng = context.rng("surveys")
    # The demo owns these records: a rebuilt demo replaces them.
    years = {year.name: year for year in FiscalYear.objects.filter(name__in=SURVEYS)}
    answers: list[SatisfactionAnswer] = []
    responses: list[EngagementResponse] = []
    for name, (sent_on, answered, yes, mean, benchmark, responded) in SURVEYS.items():
        year = years.get(name)
        if year is None:
            continue
        survey = SatisfactionSurvey(
            fiscal_year=year, title=f"Sondage de satisfaction des membres {name}", sent_on=sent_on
        )
        survey.full_clean()
        survey.save()
        members = _members_on(sent_on)
        chosen = rng.sample(members, min(answered, len(members)))
        # A small demo (--scale below 1) has fewer members: the same share says no.
        noes = set(rng.sample(chosen, round((answered - yes) * len(chosen) / answered)))
        answers += [
            SatisfactionAnswer(survey=survey, organisation_id=o, would_recommend=o not in noes)
            for o in chosen
        ]
        engagement = EngagementSurvey(
            fiscal_year=year,
            title=f"Sondage d'engagement des experts {name}",
            benchmark_pct=benchmark,
        )
        engagement.full_clean()
        engagement.save()
        responses += [
            EngagementResponse(survey=engagement, score=score)
            for score in _scores(rng, mean, responded)
        ]
    for row in (*answers, *responses):
        row.clean_fields(exclude=("survey", "organisation"))
    SatisfactionAnswer.objects.bulk_create(answers)
    EngagementResponse.objects.bulk_create(responses)
    return {
        "satisfaction_answers": len(answers),
        "engagement_responses": len(responses),
    }


def delete() -> None:
    """The area's demo rows, for a rebuilt demo."""
    surveys_delete()
