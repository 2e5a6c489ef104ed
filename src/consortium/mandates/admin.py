"""Mandate types and mandates."""

from django.contrib import admin

from consortium.core.admin import BilingualNameAdmin, ServiceAdmin, Writes
from consortium.mandates.models import Mandate, MandateType
from consortium.mandates.services import (
    mandate_create,
    mandate_type_create,
    mandate_type_update,
    mandate_update,
)


@admin.register(MandateType)
class MandateTypeAdmin(BilingualNameAdmin):
    writes = Writes(row="mandate_type", create=mandate_type_create, update=mandate_type_update)
    list_display = ("code", "name_fr", "name_en", "billable")
    list_filter = ("billable",)


@admin.register(Mandate)
class MandateAdmin(ServiceAdmin):
    writes = Writes(row="mandate", create=mandate_create, update=mandate_update)
    list_display = (
        "code",
        "title",
        "organisation",
        "mandate_type",
        "department",
        "start",
        "end",
        "status",
        "budget_hours",
        "billable",
    )
    list_filter = ("status", "mandate_type", "department", "billable")
    search_fields = ("code", "title", "organisation__code", "organisation__name")
    list_select_related = ("organisation", "mandate_type", "department")
    autocomplete_fields = ("organisation", "billed_organisation", "mandate_type", "department")
    date_hierarchy = "start"
