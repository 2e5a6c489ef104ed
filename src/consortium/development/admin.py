"""Business-development activities and partnerships."""

from django.contrib import admin
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from consortium.core.admin import ServiceAdmin, Writes, YesNoFilter
from consortium.development.models import DevelopmentActivity, Opportunity, Partnership
from consortium.development.services import (
    development_activity_create,
    development_activity_update,
    opportunity_record,
    opportunity_update,
    partnership_record,
    partnership_update,
)


@admin.register(DevelopmentActivity)
class DevelopmentActivityAdmin(ServiceAdmin):
    writes = Writes(
        row="activity", create=development_activity_create, update=development_activity_update
    )
    list_display = ("date", "kind", "title", "organisation_count")
    list_filter = ("kind", "date")
    search_fields = ("title", "notes", "organisations_met__name", "organisations_met__code")
    autocomplete_fields = ("organisations_met", "participants")
    date_hierarchy = "date"

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(organisation_count=Count("organisations_met"))

    @admin.display(description=_("organisations rencontrées"), ordering="organisation_count")
    def organisation_count(self, activity: DevelopmentActivity) -> int:
        return activity.organisation_count


class InForceFilter(YesNoFilter):
    title = _("en vigueur aujourd'hui")
    parameter_name = "in_force"

    def condition(self) -> Q:
        today = timezone.localdate()
        return Q(start__lte=today) & (Q(end__isnull=True) | Q(end__gte=today))


@admin.register(Partnership)
class PartnershipAdmin(ServiceAdmin):
    writes = Writes(row="partnership", create=partnership_record, update=partnership_update)
    list_display = ("title", "organisation", "start", "end")
    list_filter = (InForceFilter, "start")
    search_fields = ("title", "description", "organisation__name", "organisation__code")
    list_select_related = ("organisation",)
    autocomplete_fields = ("organisation",)


@admin.register(Opportunity)
class OpportunityAdmin(ServiceAdmin):
    # The mandate is opened by « Convertir en mandat » on the workspace's page, never here.
    writes = Writes(
        row="opportunity", create=opportunity_record, update=opportunity_update, by=True
    )
    exclude = ("mandate",)
    readonly_fields = ("mandate",)
    list_display = ("title", "organisation", "stage", "department", "estimated_amount", "mandate")
    list_filter = ("stage", "department")
    search_fields = ("title", "organisation__name", "organisation__code")
    list_select_related = ("organisation", "department", "mandate")
    autocomplete_fields = ("organisation",)
