"""The report's texts, one per fiscal year and section."""

from django.contrib import admin

from consortium.core.admin import ServiceAdmin, Writes
from consortium.reports.models import ReportText
from consortium.reports.services import report_text_create, report_text_update


@admin.register(ReportText)
class ReportTextAdmin(ServiceAdmin):
    writes = Writes(row="text", create=report_text_create, update=report_text_update)
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
