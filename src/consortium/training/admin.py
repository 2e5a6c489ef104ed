"""Courses and the experts who completed them."""

from django.contrib import admin
from django.db.models import Count, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from consortium.core.admin import ServiceAdmin, ServiceInline, Writes
from consortium.training.models import Course, TrainingRecord
from consortium.training.services import (
    course_create,
    course_update,
    training_record_create,
    training_record_update,
)

RECORD_WRITES = Writes(row="record", create=training_record_create, update=training_record_update)


class TrainingRecordInline(ServiceInline, admin.TabularInline):
    model = TrainingRecord
    writes = RECORD_WRITES
    fields = ("expert", "completed_on")
    autocomplete_fields = ("expert",)
    ordering = ("completed_on",)
    extra = 0


@admin.register(Course)
class CourseAdmin(ServiceAdmin):
    writes = Writes(row="course", create=course_create, update=course_update)
    list_display = ("title_fr", "title_en", "provider", "start", "end", "expert_count")
    list_filter = ("provider",)
    search_fields = ("title_fr", "title_en", "provider")
    date_hierarchy = "start"
    inlines = (TrainingRecordInline,)

    def get_queryset(self, request: HttpRequest) -> QuerySet[Course]:
        return super().get_queryset(request).annotate(expert_count=Count("records"))

    @admin.display(description=_("experts formés"), ordering="expert_count")
    def expert_count(self, course: Course) -> int:
        return course.expert_count


@admin.register(TrainingRecord)
class TrainingRecordAdmin(ServiceAdmin):
    writes = RECORD_WRITES
    list_display = ("expert", "course", "completed_on")
    list_filter = ("course", "completed_on")
    search_fields = (
        "expert__code",
        "expert__first_name",
        "expert__last_name",
        "course__title_fr",
        "course__title_en",
    )
    list_select_related = ("expert", "course")
    autocomplete_fields = ("expert", "course")
    date_hierarchy = "completed_on"
