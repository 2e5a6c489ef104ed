"""Roles: who directs which departments, who is finance, communications, administration."""

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from consortium.accounts.models import StaffRole
from consortium.accounts.services import check_role_departments
from consortium.core.admin import TimeStampedAdmin


class StaffRoleForm(forms.ModelForm):
    class Meta:
        model = StaffRole
        fields = ("user", "role", "departments")

    def clean(self) -> dict:
        cleaned = super().clean()
        if "role" in cleaned and "departments" in cleaned:
            for field, message in check_role_departments(
                cleaned["role"], len(cleaned["departments"])
            ):
                self.add_error(field, message)
        return cleaned


@admin.register(StaffRole)
class StaffRoleAdmin(TimeStampedAdmin):
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
