"""Writes to surveys. Every write runs in a transaction and calls `full_clean()`."""

import datetime as dt
from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _

from consortium.core.models import FiscalYear
from consortium.members.models import Organisation
from consortium.surveys.models import (
    EngagementResponse,
    EngagementSurvey,
    SatisfactionAnswer,
    SatisfactionSurvey,
)


@transaction.atomic
def satisfaction_survey_ensure(
    *, fiscal_year: FiscalYear, title: str = "", sent_on: dt.date | None = None
) -> tuple[SatisfactionSurvey, bool]:
    """The year's satisfaction survey, created if missing; says if created.

    An existing survey keeps its title and sending day unless new ones are given.
    """
    survey = SatisfactionSurvey.objects.select_for_update().filter(fiscal_year=fiscal_year).first()
    created = survey is None
    if survey is None:
        survey = SatisfactionSurvey(fiscal_year=fiscal_year)
    if title or created:
        survey.title = title or _("Sondage de satisfaction %(year)s") % {"year": fiscal_year.name}
    if sent_on is not None:
        survey.sent_on = sent_on
    survey.full_clean()
    survey.save()
    return survey, created


@transaction.atomic
def satisfaction_answer_record(
    *, survey: SatisfactionSurvey, organisation: Organisation, would_recommend: bool
) -> tuple[SatisfactionAnswer, bool]:
    """Record an organisation's answer, replacing its earlier one; says if created."""
    answer = (
        SatisfactionAnswer.objects.select_for_update()
        .filter(survey=survey, organisation=organisation)
        .first()
    )
    created = answer is None
    if answer is None:
        answer = SatisfactionAnswer(survey=survey, organisation=organisation)
    answer.would_recommend = would_recommend
    answer.full_clean()
    answer.save()
    return answer, created


@transaction.atomic
def engagement_survey_create(
    *, fiscal_year: FiscalYear, title: str, benchmark_pct: Decimal | None = None
) -> EngagementSurvey:
    survey = EngagementSurvey(fiscal_year=fiscal_year, title=title, benchmark_pct=benchmark_pct)
    survey.full_clean()
    survey.save()
    return survey


@transaction.atomic
def engagement_responses_record(
    *, survey: EngagementSurvey, scores: list[Decimal]
) -> list[EngagementResponse]:
    """Add the anonymous scores of a survey, all or none."""
    responses = [EngagementResponse(survey=survey, score=score) for score in scores]
    for response in responses:
        response.full_clean()
    return EngagementResponse.objects.bulk_create(responses)


@transaction.atomic
def surveys_delete() -> int:
    """Delete every survey and its answers (the demo rebuilds them); returns how many rows."""
    deleted = 0
    for model in (SatisfactionSurvey, EngagementSurvey):
        count, _by_model = model.objects.all().delete()
        deleted += count
    return deleted
