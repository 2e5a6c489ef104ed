"""Followers, publications, ad campaigns, press coverage and events."""

from django.contrib import admin
from django.db.models import Count, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from consortium.communications.models import (
    AdCampaign,
    Event,
    FollowerSnapshot,
    PressCoverage,
    Publication,
)
from consortium.communications.services import (
    ad_campaign_create,
    ad_campaign_update,
    event_create,
    event_update,
    follower_snapshot_create,
    follower_snapshot_update,
    press_coverage_create,
    press_coverage_update,
    publication_create,
    publication_update,
)
from consortium.core.admin import ServiceAdmin, Writes


@admin.register(FollowerSnapshot)
class FollowerSnapshotAdmin(ServiceAdmin):
    writes = Writes(
        row="snapshot", create=follower_snapshot_create, update=follower_snapshot_update
    )
    list_display = ("channel", "date", "followers")
    list_filter = ("channel",)
    search_fields = ("channel",)
    date_hierarchy = "date"


@admin.register(Publication)
class PublicationAdmin(ServiceAdmin):
    writes = Writes(row="publication", create=publication_create, update=publication_update)
    list_display = ("title", "kind", "channel", "date")
    list_filter = ("kind", "channel")
    search_fields = ("title", "url")
    date_hierarchy = "date"


@admin.register(AdCampaign)
class AdCampaignAdmin(ServiceAdmin):
    writes = Writes(row="campaign", create=ad_campaign_create, update=ad_campaign_update)
    list_display = ("name", "channel", "programme", "start", "end", "impressions")
    list_filter = ("channel", "programme")
    search_fields = ("name", "programme")
    date_hierarchy = "start"


@admin.register(PressCoverage)
class PressCoverageAdmin(ServiceAdmin):
    writes = Writes(row="coverage", create=press_coverage_create, update=press_coverage_update)
    list_display = ("title", "outlet", "date")
    list_filter = ("outlet",)
    search_fields = ("title", "outlet")
    date_hierarchy = "date"


@admin.register(Event)
class EventAdmin(ServiceAdmin):
    writes = Writes(row="event", create=event_create, update=event_update)
    list_display = ("title", "kind", "date", "registration_count")
    list_filter = ("kind",)
    search_fields = ("title", "description")
    prepopulated_fields = {"slug": ("title",)}
    date_hierarchy = "date"

    def get_queryset(self, request: HttpRequest) -> QuerySet[Event]:
        return super().get_queryset(request).annotate(registration_count=Count("sign_ups"))

    @admin.display(description=_("inscriptions"), ordering="registration_count")
    def registration_count(self, event: Event) -> int:
        return event.registration_count
