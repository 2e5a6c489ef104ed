"""Roles: who directs which departments, who is finance, communications, administration; and
the member organisations' contacts (the portal's people)."""

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from consortium.accounts.models import MemberContact, StaffRole
from consortium.accounts.services import (
    check_role_departments,
    contact_invite,
    contact_remove,
    contact_update,
    staff_role_create,
    staff_role_update,
)
from consortium.core.admin import TIMESTAMPS, ServiceAdmin, ServiceForm, Writes


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


class MemberContactInviteForm(ServiceForm):
    """Adding a contact is inviting them: who they are, and the e-mail the invitation goes to."""

    email = forms.EmailField(label=_("courriel"))
    first_name = forms.CharField(label=_("prénom"), max_length=150)
    last_name = forms.CharField(label=_("nom"), max_length=150)

    class Meta:
        model = MemberContact
        fields = ("organisation", "title")


class MemberContactChangeForm(ServiceForm):
    class Meta:
        model = MemberContact
        fields = ("title",)


@admin.register(MemberContact)
class MemberContactAdmin(ServiceAdmin):
    writes = Writes(
        row="contact", create=contact_invite, update=contact_update, delete=contact_remove, by=True
    )
    list_display = ("user", "organisation", "title", "invited_at", "invited_by")
    search_fields = ("user__username", "user__email", "user__last_name", "organisation__code")
    list_select_related = ("user", "organisation", "invited_by")
    autocomplete_fields = ("organisation",)

    def get_form(self, request, obj=None, change=False, **kwargs):
        kwargs["form"] = MemberContactChangeForm if obj is not None else MemberContactInviteForm
        return super().get_form(request, obj, change=change, **kwargs)

    def get_fields(self, request, obj=None):
        if obj is None:
            return ("organisation", "email", "first_name", "last_name", "title")
        return ("user", "organisation", "title", "invited_by", "invited_at", *TIMESTAMPS)

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return ()
        return ("user", "organisation", "invited_by", "invited_at", *TIMESTAMPS)
