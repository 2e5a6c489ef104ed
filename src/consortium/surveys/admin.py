"""Satisfaction and engagement surveys, with their answers."""

from django.contrib import admin
from django.db.models import Avg, Count, Q, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from consortium.core.admin import ServiceAdmin, ServiceInline, Writes
from consortium.surveys.models import (
    EngagementResponse,
    EngagementSurvey,
    SatisfactionAnswer,
    SatisfactionSurvey,
)
from consortium.surveys.services import (
    engagement_response_create,
    engagement_response_update,
    engagement_survey_create,
    engagement_survey_update,
    satisfaction_answer_create,
    satisfaction_answer_update,
    satisfaction_survey_create,
    satisfaction_survey_update,
)

ANSWER_WRITES = Writes(
    row="answer", create=satisfaction_answer_create, update=satisfaction_answer_update
)


class SatisfactionAnswerInline(ServiceInline, admin.TabularInline):
    model = SatisfactionAnswer
    writes = ANSWER_WRITES
    fields = ("organisation", "would_recommend")
    autocomplete_fields = ("organisation",)
    extra = 0


@admin.register(SatisfactionSurvey)
class SatisfactionSurveyAdmin(ServiceAdmin):
    writes = Writes(
        row="survey", create=satisfaction_survey_create, update=satisfaction_survey_update
    )
    list_display = ("title", "fiscal_year", "sent_on", "answer_count", "yes_count")
    list_filter = ("fiscal_year",)
    search_fields = ("title", "fiscal_year__name")
    list_select_related = ("fiscal_year",)
    inlines = (SatisfactionAnswerInline,)

    def get_queryset(self, request: HttpRequest) -> QuerySet[SatisfactionSurvey]:
        return (
            super()
            .get_queryset(request)
            .annotate(
                answer_count=Count("answers"),
                yes_count=Count("answers", filter=Q(answers__would_recommend=True)),
            )
        )

    @admin.display(description=_("réponses"), ordering="answer_count")
    def answer_count(self, survey: SatisfactionSurvey) -> int:
        return survey.answer_count

    @admin.display(description=_("recommanderaient"), ordering="yes_count")
    def yes_count(self, survey: SatisfactionSurvey) -> int:
        return survey.yes_count


@admin.register(SatisfactionAnswer)
class SatisfactionAnswerAdmin(ServiceAdmin):
    writes = ANSWER_WRITES
    list_display = ("organisation", "survey", "would_recommend")
    list_filter = ("survey__fiscal_year", "would_recommend")
    search_fields = ("organisation__code", "organisation__name", "survey__title")
    list_select_related = ("organisation", "survey")
    autocomplete_fields = ("organisation", "survey")


@admin.register(EngagementSurvey)
class EngagementSurveyAdmin(ServiceAdmin):
    writes = Writes(row="survey", create=engagement_survey_create, update=engagement_survey_update)
    list_display = ("title", "fiscal_year", "benchmark_pct", "response_count", "mean_score")
    list_filter = ("fiscal_year",)
    search_fields = ("title", "fiscal_year__name")
    list_select_related = ("fiscal_year",)

    def get_queryset(self, request: HttpRequest) -> QuerySet[EngagementSurvey]:
        return (
            super()
            .get_queryset(request)
            .annotate(response_count=Count("responses"), mean=Avg("responses__score"))
        )

    @admin.display(description=_("réponses"), ordering="response_count")
    def response_count(self, survey: EngagementSurvey) -> int:
        return survey.response_count

    @admin.display(description=_("score moyen"), ordering="mean")
    def mean_score(self, survey: EngagementSurvey) -> str:
        return "—" if survey.mean is None else f"{survey.mean:.1f}"


@admin.register(EngagementResponse)
class EngagementResponseAdmin(ServiceAdmin):
    writes = Writes(
        row="response", create=engagement_response_create, update=engagement_response_update
    )
    list_display = ("survey", "score")
    list_filter = ("survey__fiscal_year",)
    search_fields = ("survey__title",)
    list_select_related = ("survey",)
    autocomplete_fields = ("survey",)
