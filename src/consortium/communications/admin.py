"""Followers, publications, ad campaigns, press coverage and events."""

from django.contrib import admin

from consortium.communications.models import (
    AdCampaign,
    Event,
    FollowerSnapshot,
    PressCoverage,
    Publication,
)
from consortium.core.admin import TimeStampedAdmin


@admin.register(FollowerSnapshot)
class FollowerSnapshotAdmin(TimeStampedAdmin):
    list_display = ("channel", "date", "followers")
    list_filter = ("channel",)
    search_fields = ("channel",)
    date_hierarchy = "date"


@admin.register(Publication)
class PublicationAdmin(TimeStampedAdmin):
    list_display = ("title", "kind", "channel", "date")
    list_filter = ("kind", "channel")
    search_fields = ("title", "url")
    date_hierarchy = "date"


@admin.register(AdCampaign)
class AdCampaignAdmin(TimeStampedAdmin):
    list_display = ("name", "channel", "programme", "start", "end", "impressions")
    list_filter = ("channel", "programme")
    search_fields = ("name", "programme")
    date_hierarchy = "start"


@admin.register(PressCoverage)
class PressCoverageAdmin(TimeStampedAdmin):
    list_display = ("title", "outlet", "date")
    list_filter = ("outlet",)
    search_fields = ("title", "outlet")
    date_hierarchy = "date"


@admin.register(Event)
class EventAdmin(TimeStampedAdmin):
    list_display = ("title", "kind", "date", "registrations")
    list_filter = ("kind",)
    search_fields = ("title", "description")
    date_hierarchy = "date"
