"""The centre's billing settings in the administration: one row, written through
billing.services.settings, never deleted; the list opens that row. The ristournes, read only."""

from django.contrib import admin
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from consortium.billing.models import BillingSettings, Ristourne, RistourneAllocation
from consortium.billing.services.settings import billing_settings_save, billing_settings_update
from consortium.core.admin import TIMESTAMPS, ServiceAdmin, Writes


@admin.register(BillingSettings)
class BillingSettingsAdmin(ServiceAdmin):
    writes = Writes(row="settings", create=billing_settings_save, update=billing_settings_update)
    actions = ()
    fieldsets = (
        (
            _("Identité sur les factures"),
            {"fields": ("legal_name", "address", "email", "phone")},
        ),
        (_("Taxes"), {"fields": ("gst_number", "qst_number")}),
        (
            _("Conditions et ristourne"),
            {"fields": ("payment_terms_days", "ristourne_includes_auxiliary")},
        ),
        (
            _("Comptes du journal comptable"),
            {
                "fields": (
                    "receivable_account",
                    "service_revenue_account",
                    "discount_account",
                    "gst_account",
                    "qst_account",
                    "cash_account",
                    "ristourne_account",
                )
            },
        ),
        (_("Historique"), {"fields": TIMESTAMPS}),
    )

    def has_add_permission(self, request) -> bool:
        return super().has_add_permission(request) and not BillingSettings.objects.exists()

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def changelist_view(self, request, extra_context=None):
        # One row: the list would only be a detour to it (or to the form that creates it).
        row = BillingSettings.objects.filter(pk=1).only("pk").first()
        if row is None:
            return HttpResponseRedirect(reverse("admin:billing_billingsettings_add"))
        return HttpResponseRedirect(reverse("admin:billing_billingsettings_change", args=[row.pk]))


class RistourneAllocationInline(admin.TabularInline):
    model = RistourneAllocation
    fields = ("organisation", "member_category", "business", "share", "amount", "credit_note")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("organisation", "credit_note")

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Ristourne)
class RistourneAdmin(admin.ModelAdmin):
    """Ristournes to look up, with each member's share: proposed and adopted with
    `consortium ristourne`, never changed here."""

    list_display = ("fiscal_year", "amount", "status", "includes_auxiliary", "adopted_on")
    list_filter = ("status",)
    list_select_related = ("fiscal_year",)
    inlines = (RistourneAllocationInline,)

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
