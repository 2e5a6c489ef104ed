"""Structuring projects, with their volets; deliverables under their volet."""

from django.contrib import admin

from consortium.core.admin import ServiceAdmin, ServiceInline, Writes
from consortium.projects.models import Deliverable, ProjectPhase, StructuringProject
from consortium.projects.services import (
    deliverable_create,
    deliverable_update,
    project_phase_create,
    project_phase_update,
    structuring_project_create,
    structuring_project_update,
)

PHASE_WRITES = Writes(row="phase", create=project_phase_create, update=project_phase_update)
DELIVERABLE_WRITES = Writes(row="deliverable", create=deliverable_create, update=deliverable_update)


class ProjectPhaseInline(ServiceInline, admin.TabularInline):
    model = ProjectPhase
    writes = PHASE_WRITES
    fields = ("order", "title_fr", "title_en", "planned_hours")
    ordering = ("order",)
    extra = 0
    show_change_link = True


class DeliverableInline(ServiceInline, admin.TabularInline):
    model = Deliverable
    writes = DELIVERABLE_WRITES
    fields = ("order", "title_fr", "title_en", "status", "owner", "due_date")
    ordering = ("order",)
    autocomplete_fields = ("owner",)
    extra = 0


@admin.register(StructuringProject)
class StructuringProjectAdmin(ServiceAdmin):
    writes = Writes(
        row="project", create=structuring_project_create, update=structuring_project_update
    )
    list_display = ("code", "title", "funder", "programme", "amount", "start", "end")
    list_filter = ("funder", "start")
    search_fields = ("code", "title", "funder", "programme")
    date_hierarchy = "start"
    inlines = (ProjectPhaseInline,)


@admin.register(ProjectPhase)
class ProjectPhaseAdmin(ServiceAdmin):
    writes = PHASE_WRITES
    list_display = ("project", "order", "title_fr", "title_en")
    list_filter = ("project__funder",)
    search_fields = ("title_fr", "title_en", "project__code", "project__title")
    list_select_related = ("project",)
    autocomplete_fields = ("project",)
    inlines = (DeliverableInline,)


@admin.register(Deliverable)
class DeliverableAdmin(ServiceAdmin):
    writes = DELIVERABLE_WRITES
    list_display = ("title_fr", "phase", "order", "status")
    list_filter = ("status", "phase__project__funder")
    search_fields = ("title_fr", "title_en", "phase__title_fr", "phase__project__code")
    list_select_related = ("phase__project",)
    autocomplete_fields = ("phase", "owner")
    # The validation moves only through its services (the deliverable's page), never here.
    fields = ("phase", "order", "title_fr", "title_en", "status", "owner", "due_date")
    readonly_fields = ("validation_state", "author", "validated_at")
