"""The rate table and the subsidised hour programmes, written through their services; the
invoices, read only (drafting, issuing and crediting are the workspace's)."""

from django.contrib import admin

from consortium.billing.models import Invoice, Programme, ProgrammeEligibility, Rate
from consortium.billing.services.programmes import (
    programme_create,
    programme_eligibility_add,
    programme_eligibility_remove,
    programme_eligibility_update,
    programme_update,
)
from consortium.billing.services.rates import rate_create, rate_delete, rate_update
from consortium.core.admin import ServiceAdmin, ServiceInline, Writes


@admin.register(Rate)
class RateAdmin(ServiceAdmin):
    writes = Writes(row="rate", create=rate_create, update=rate_update, delete=rate_delete)
    list_display = (
        "member_category",
        "mandate_type",
        "expert_role",
        "hourly_rate",
        "valid_from",
        "valid_until",
    )
    list_filter = ("member_category", "mandate_type", "expert_role")
    list_select_related = ("mandate_type",)
    search_fields = ("mandate_type__code", "mandate_type__name_fr", "mandate_type__name_en")
    date_hierarchy = "valid_from"


class ProgrammeEligibilityInline(ServiceInline, admin.TabularInline):
    model = ProgrammeEligibility
    writes = Writes(
        row="eligibility",
        create=programme_eligibility_add,
        update=programme_eligibility_update,
        delete=programme_eligibility_remove,
    )
    fields = ("organisation",)
    autocomplete_fields = ("organisation",)
    extra = 0


@admin.register(Programme)
class ProgrammeAdmin(ServiceAdmin):
    writes = Writes(row="programme", create=programme_create, update=programme_update)
    list_display = ("code", "name_fr", "funder", "hours_per_organisation", "start", "end")
    list_filter = ("funder",)
    list_select_related = ("funder",)
    search_fields = ("code", "name_fr", "name_en", "funder__code", "funder__name")
    autocomplete_fields = ("funder",)
    filter_horizontal = ("mandate_types",)
    inlines = (ProgrammeEligibilityInline,)


@admin.register(Invoice)
class InvoiceAdmin(admin.ModelAdmin):
    """Invoices and credit notes to look up; an issued document never changes, and a draft is
    changed in the workspace, where its totals are recomputed."""

    list_display = ("number", "kind", "organisation", "status", "issued_on", "total", "paid")
    list_filter = ("kind", "status", "fiscal_year")
    list_select_related = ("organisation",)
    search_fields = ("number", "organisation__code", "organisation__name")
    date_hierarchy = "issued_on"

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
