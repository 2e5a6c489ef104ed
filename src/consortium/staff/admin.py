"""Departments (with their fields of expertise), fields of expertise and experts."""

from django.contrib import admin
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from consortium.core.admin import (
    TIMESTAMPS,
    BilingualNameAdmin,
    ServiceAdmin,
    ServiceInline,
    Writes,
    YesNoFilter,
)
from consortium.staff.models import Department, Expert, FieldOfExpertise
from consortium.staff.services import (
    department_create,
    department_update,
    expert_create,
    expert_update,
    field_of_expertise_create,
    field_of_expertise_update,
)

FIELD_WRITES = Writes(
    row="field", create=field_of_expertise_create, update=field_of_expertise_update
)


class FieldOfExpertiseInline(ServiceInline, admin.TabularInline):
    model = FieldOfExpertise
    writes = FIELD_WRITES
    fields = ("code", "name_fr", "name_en")
    extra = 0


@admin.register(Department)
class DepartmentAdmin(BilingualNameAdmin):
    writes = Writes(row="department", create=department_create, update=department_update)
    inlines = (FieldOfExpertiseInline,)


@admin.register(FieldOfExpertise)
class FieldOfExpertiseAdmin(BilingualNameAdmin):
    writes = FIELD_WRITES
    list_display = (*BilingualNameAdmin.list_display, "department")
    list_filter = ("department",)
    list_select_related = ("department",)
    autocomplete_fields = ("department",)


class IsEmployedFilter(YesNoFilter):
    title = _("en poste aujourd'hui")
    parameter_name = "employed"

    def condition(self) -> Q:
        today = timezone.localdate()
        return Q(hired_on__lte=today) & (Q(left_on__isnull=True) | Q(left_on__gte=today))


@admin.register(Expert)
class ExpertAdmin(ServiceAdmin):
    writes = Writes(row="expert", create=expert_create, update=expert_update)
    list_display = ("code", "last_name", "first_name", "role", "department", "hired_on", "left_on")
    list_filter = ("role", "department", IsEmployedFilter)
    search_fields = ("code", "first_name", "last_name", "email")
    list_select_related = ("department",)
    autocomplete_fields = ("department", "fields_of_expertise", "user")
    fieldsets = (
        (None, {"fields": ("code", "first_name", "last_name", "email", "user")}),
        (
            _("Emploi"),
            {
                "fields": (
                    "role",
                    "department",
                    "fields_of_expertise",
                    "region",
                    "hired_on",
                    "left_on",
                )
            },
        ),
        (
            # Law 25: optional, self-declared, and only ever shown in aggregates elsewhere.
            _("Renseignements personnels (facultatifs)"),
            {"fields": ("gender", "birth_year"), "classes": ("collapse",)},
        ),
        (_("Historique"), {"fields": TIMESTAMPS}),
    )
