"""Writes to surveys. Every write runs in a transaction and calls `full_clean()`."""

import datetime as dt
from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _

from consortium.core.models import FiscalYear
from consortium.core.services import row_save
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
def satisfaction_survey_create(
    *, fiscal_year: FiscalYear, title: str, sent_on: dt.date | None = None
) -> SatisfactionSurvey:
    """Add a year's satisfaction survey; refused if the year has one."""
    return row_save(SatisfactionSurvey(), fiscal_year=fiscal_year, title=title, sent_on=sent_on)


@transaction.atomic
def satisfaction_survey_update(
    *,
    survey: SatisfactionSurvey,
    fiscal_year: FiscalYear,
    title: str,
    sent_on: dt.date | None = None,
) -> SatisfactionSurvey:
    return row_save(
        SatisfactionSurvey.objects.select_for_update().get(pk=survey.pk),
        fiscal_year=fiscal_year,
        title=title,
        sent_on=sent_on,
    )


@transaction.atomic
def satisfaction_answer_create(
    *, survey: SatisfactionSurvey, organisation: Organisation, would_recommend: bool
) -> SatisfactionAnswer:
    """Add an organisation's answer; refused if it already answered this survey."""
    return row_save(
        SatisfactionAnswer(),
        survey=survey,
        organisation=organisation,
        would_recommend=would_recommend,
    )


@transaction.atomic
def satisfaction_answer_update(
    *,
    answer: SatisfactionAnswer,
    survey: SatisfactionSurvey,
    organisation: Organisation,
    would_recommend: bool,
) -> SatisfactionAnswer:
    return row_save(
        SatisfactionAnswer.objects.select_for_update().get(pk=answer.pk),
        survey=survey,
        organisation=organisation,
        would_recommend=would_recommend,
    )


@transaction.atomic
def engagement_survey_create(
    *, fiscal_year: FiscalYear, title: str, benchmark_pct: Decimal | None = None
) -> EngagementSurvey:
    """Add a year's engagement survey; refused if the year has one."""
    return row_save(
        EngagementSurvey(), fiscal_year=fiscal_year, title=title, benchmark_pct=benchmark_pct
    )


@transaction.atomic
def engagement_survey_update(
    *,
    survey: EngagementSurvey,
    fiscal_year: FiscalYear,
    title: str,
    benchmark_pct: Decimal | None = None,
) -> EngagementSurvey:
    return row_save(
        EngagementSurvey.objects.select_for_update().get(pk=survey.pk),
        fiscal_year=fiscal_year,
        title=title,
        benchmark_pct=benchmark_pct,
    )


@transaction.atomic
def engagement_response_create(*, survey: EngagementSurvey, score: Decimal) -> EngagementResponse:
    """Add one anonymous score, from 0 to 100."""
    return row_save(EngagementResponse(), survey=survey, score=score)


@transaction.atomic
def engagement_response_update(
    *, response: EngagementResponse, survey: EngagementSurvey, score: Decimal
) -> EngagementResponse:
    return row_save(
        EngagementResponse.objects.select_for_update().get(pk=response.pk),
        survey=survey,
        score=score,
    )


@transaction.atomic
def surveys_delete() -> int:
    """Delete every survey and its answers (the demo rebuilds them); returns how many rows."""
    deleted = 0
    for model in (SatisfactionSurvey, EngagementSurvey):
        count, _by_model = model.objects.all().delete()
        deleted += count
    return deleted
