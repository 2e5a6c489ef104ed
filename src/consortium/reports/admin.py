"""The report's texts, one per fiscal year and section."""

from django.contrib import admin

from consortium.core.admin import TimeStampedAdmin
from consortium.reports.models import ReportText


@admin.register(ReportText)
class ReportTextAdmin(TimeStampedAdmin):
    list_display = ("fiscal_year", "section", "title_fr", "signatory_name")
    list_filter = ("section", "fiscal_year")
    search_fields = ("title_fr", "title_en", "body_fr", "body_en", "signatory_name")
    list_select_related = ("fiscal_year",)
    autocomplete_fields = ("fiscal_year",)
    fields = (
        "fiscal_year",
        "section",
        "title_fr",
        "title_en",
        "body_fr",
        "body_en",
        "signatory_name",
        "signatory_title_fr",
        "signatory_title_en",
        "created_at",
        "updated_at",
    )
