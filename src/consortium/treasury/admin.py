"""The members' treasury plans and investment policies, read only: the organisation's contacts
write them in the portal (an adopted policy never changes), the admin only shows them."""

from django.contrib import admin
from django.http import HttpRequest

from consortium.core.admin import TIMESTAMPS
from consortium.treasury.models import (
    InvestmentPolicy,
    MonthlyFlow,
    PlannedProject,
    TreasuryPlan,
)


class ReadOnly:
    def has_add_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


class MonthlyFlowInline(ReadOnly, admin.TabularInline):
    model = MonthlyFlow
    fields = ("month", "receipts", "disbursements")


class PlannedProjectInline(ReadOnly, admin.TabularInline):
    model = PlannedProject
    fields = ("name", "amount", "planned_on")


@admin.register(TreasuryPlan)
class TreasuryPlanAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ("organisation", "as_of", "annual_expenses", "cash", "updated_at")
    list_select_related = ("organisation",)
    search_fields = ("organisation__code", "organisation__name")
    date_hierarchy = "as_of"
    readonly_fields = TIMESTAMPS
    inlines = (MonthlyFlowInline, PlannedProjectInline)


@admin.register(InvestmentPolicy)
class InvestmentPolicyAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ("organisation", "version", "language", "adopted_on", "adopted_by")
    list_select_related = ("organisation", "adopted_by")
    list_filter = ("language",)
    search_fields = ("organisation__code", "organisation__name")
    exclude = ("content",)
    readonly_fields = TIMESTAMPS
