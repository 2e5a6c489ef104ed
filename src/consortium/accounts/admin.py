"""Roles: who directs which departments, who is finance, communications, administration."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from consortium.accounts.models import StaffRole
from consortium.accounts.services import (
    check_role_departments,
    staff_role_create,
    staff_role_update,
)
from consortium.core.admin import ServiceAdmin, ServiceForm, Writes


class StaffRoleForm(ServiceForm):
    class Meta:
        model = StaffRole
        fields = ("user", "role", "departments")

    def clean(self) -> dict:
        # Says what the service would refuse, next to the field, before anything is written.
        cleaned = super().clean()
        if "role" in cleaned and "departments" in cleaned:
            for field, message in check_role_departments(
                cleaned["role"], len(cleaned["departments"])
            ):
                self.add_error(field, message)
        return cleaned


@admin.register(StaffRole)
class StaffRoleAdmin(ServiceAdmin):
    writes = Writes(row="staff_role", create=staff_role_create, update=staff_role_update)
    form = StaffRoleForm
    list_display = ("user", "role", "department_codes", "created_at")
    list_filter = ("role", "departments")
    search_fields = ("user__username", "user__first_name", "user__last_name", "user__email")
    list_select_related = ("user",)
    autocomplete_fields = ("user", "departments")

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("departments")

    @admin.display(description=_("départements dirigés"))
    def department_codes(self, staff_role: StaffRole) -> str:
        return ", ".join(department.code for department in staff_role.departments.all())
