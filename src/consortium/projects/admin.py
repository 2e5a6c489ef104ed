"""Structuring projects, with their volets; deliverables under their volet."""

from django.contrib import admin

from consortium.core.admin import TimeStampedAdmin
from consortium.projects.models import Deliverable, ProjectPhase, StructuringProject


class ProjectPhaseInline(admin.TabularInline):
    model = ProjectPhase
    fields = ("order", "title_fr", "title_en")
    ordering = ("order",)
    extra = 0
    show_change_link = True


class DeliverableInline(admin.TabularInline):
    model = Deliverable
    fields = ("order", "title_fr", "title_en", "status")
    ordering = ("order",)
    extra = 0


@admin.register(StructuringProject)
class StructuringProjectAdmin(TimeStampedAdmin):
    list_display = ("code", "title", "funder", "programme", "amount", "start", "end")
    list_filter = ("funder", "start")
    search_fields = ("code", "title", "funder", "programme")
    date_hierarchy = "start"
    inlines = (ProjectPhaseInline,)


@admin.register(ProjectPhase)
class ProjectPhaseAdmin(TimeStampedAdmin):
    list_display = ("project", "order", "title_fr", "title_en")
    list_filter = ("project__funder",)
    search_fields = ("title_fr", "title_en", "project__code", "project__title")
    list_select_related = ("project",)
    autocomplete_fields = ("project",)
    inlines = (DeliverableInline,)


@admin.register(Deliverable)
class DeliverableAdmin(TimeStampedAdmin):
    list_display = ("title_fr", "phase", "order", "status")
    list_filter = ("status", "phase__project__funder")
    search_fields = ("title_fr", "title_en", "phase__title_fr", "phase__project__code")
    list_select_related = ("phase__project",)
    autocomplete_fields = ("phase",)
