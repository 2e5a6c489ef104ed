"""Surveys in the admin: the list and each survey's title, period and benchmark. Questions and
answers are built and read on the survey pages (`/sondages/`); an anonymous staff response is
shown nowhere one by one."""

from django.contrib import admin
from django.db.models import Count, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from consortium.core.admin import ServiceAdmin, Writes
from consortium.surveys.models import Survey
from consortium.surveys.services import survey_create, survey_update


@admin.register(Survey)
class SurveyAdmin(ServiceAdmin):
    writes = Writes(row="survey", create=survey_create, update=survey_update)
    fields = (
        "fiscal_year",
        "kind",
        "audience",
        "title_fr",
        "title_en",
        "intro_fr",
        "intro_en",
        "opens_on",
        "closes_on",
        "benchmark_pct",
        "status",
        "created_at",
        "updated_at",
    )
    readonly_fields = ("status", "created_at", "updated_at")
    list_display = ("title_fr", "fiscal_year", "kind", "audience", "status", "response_count")
    list_filter = ("fiscal_year", "kind", "audience", "status")
    search_fields = ("title_fr", "title_en", "fiscal_year__name")
    list_select_related = ("fiscal_year",)

    def get_queryset(self, request: HttpRequest) -> QuerySet[Survey]:
        return super().get_queryset(request).annotate(response_count=Count("responses"))

    @admin.display(description=_("réponses"), ordering="response_count")
    def response_count(self, survey: Survey) -> int:
        return survey.response_count
