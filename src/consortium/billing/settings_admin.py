"""The centre's billing settings in the administration: one row, written through
billing.services.settings, never deleted; the list opens that row."""

from django.contrib import admin
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from consortium.billing.models import BillingSettings
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
