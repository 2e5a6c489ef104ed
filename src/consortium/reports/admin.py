"""The report's texts, one per fiscal year and section."""

from django.contrib import admin

from consortium.core.admin import ServiceAdmin, Writes
from consortium.reports.models import ReportPreparation, ReportText
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


@admin.register(ReportPreparation)
class ReportPreparationAdmin(admin.ModelAdmin):
    list_display = ("fiscal_year", "prepared_by", "created_at")
    list_select_related = ("fiscal_year", "prepared_by")
    readonly_fields = ("fiscal_year", "prepared_by", "created_at", "updated_at")

    # Read only: a report is prepared from its preparation page (reports.services).
    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
