"""Law 25 in the admin: export or anonymise an expert, a user or a member contact, and the
anonymisations' trail.

The expert, user and member contact admins belong to lower layers, which may not know this
area: they are registered again here, extended with the actions, so that the registry stays
unaware of it. (Sign-ups for events have no admin list: the command line handles them.)
"""

from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest, StreamingHttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from consortium.accounts.access import can_handle_personal_information
from consortium.accounts.admin import MemberContactAdmin
from consortium.accounts.models import MemberContact
from consortium.privacy.exports import CONTENT_TYPES, person_export, person_export_filename
from consortium.privacy.models import Anonymisation
from consortium.privacy.selectors import Subject
from consortium.privacy.services import contact_anonymise, expert_anonymise, user_anonymise
from consortium.staff.admin import ExpertAdmin
from consortium.staff.models import Expert


class PersonalInformationActions:
    """The actions, offered to administrators only (`has_privacy_permission`)."""

    subject_kind = ""

    def has_privacy_permission(self, request: HttpRequest) -> bool:
        return can_handle_personal_information(request.user)

    def _export(self, request: HttpRequest, queryset: QuerySet, export_format: str):
        if queryset.count() != 1:
            self.message_user(
                request, _("Choisissez une seule personne à exporter."), messages.ERROR
            )
            return None
        subject = Subject(kind=self.subject_kind, row=self.subject_row(queryset.get()))
        response = StreamingHttpResponse(
            person_export(subject, export_format), content_type=CONTENT_TYPES[export_format]
        )
        filename = person_export_filename(subject, export_format)
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response

    @admin.action(
        permissions=["privacy"], description=gettext_lazy("Exporter ses renseignements (JSON)")
    )
    def export_json(self, request: HttpRequest, queryset: QuerySet):
        return self._export(request, queryset, "json")

    @admin.action(
        permissions=["privacy"], description=gettext_lazy("Exporter ses renseignements (CSV)")
    )
    def export_csv(self, request: HttpRequest, queryset: QuerySet):
        return self._export(request, queryset, "csv")

    @admin.action(
        permissions=["privacy"],
        description=gettext_lazy("Anonymiser (après le départ ; garde les heures et les chiffres)"),
    )
    def anonymise(self, request: HttpRequest, queryset: QuerySet) -> None:
        done = 0
        for person in queryset:
            try:
                self.anonymise_one(person, by=request.user)
            except (ValidationError, PermissionDenied) as error:
                message = " ".join(getattr(error, "messages", [str(error)]))
                self.message_user(request, message, messages.ERROR)
            else:
                done += 1
        if done:
            self.message_user(
                request, _("Personnes anonymisées : %(count)s.") % {"count": done}, messages.SUCCESS
            )

    def subject_row(self, obj):
        """The person the admin's row stands for (a member contact row: its user)."""
        return obj

    def anonymise_one(self, person, *, by) -> None:
        raise NotImplementedError


PRIVACY_ACTIONS = ("export_json", "export_csv", "anonymise")

admin.site.unregister(Expert)


@admin.register(Expert)
class PrivateExpertAdmin(PersonalInformationActions, ExpertAdmin):
    subject_kind = "expert"
    actions = (*ExpertAdmin.actions, *PRIVACY_ACTIONS)

    def anonymise_one(self, person, *, by) -> None:
        expert_anonymise(expert=person, by=by)


User = get_user_model()
admin.site.unregister(User)


@admin.register(User)
class PrivateUserAdmin(PersonalInformationActions, UserAdmin):
    subject_kind = "user"
    actions = (*(UserAdmin.actions or ()), *PRIVACY_ACTIONS)

    def anonymise_one(self, person, *, by) -> None:
        user_anonymise(user=person, by=by)


admin.site.unregister(MemberContact)


@admin.register(MemberContact)
class PrivateMemberContactAdmin(PersonalInformationActions, MemberContactAdmin):
    subject_kind = "contact"
    actions = (*(MemberContactAdmin.actions or ()), *PRIVACY_ACTIONS)

    def subject_row(self, obj):
        return obj.user

    def anonymise_one(self, person, *, by) -> None:
        contact_anonymise(user=person.user, by=by)


@admin.register(Anonymisation)
class AnonymisationAdmin(admin.ModelAdmin):
    """Read-only: the trail is written by the anonymisations themselves."""

    list_display = ("subject_kind", "subject_id", "performed_by", "performed_at", "forced")
    list_filter = ("subject_kind", "forced")
    list_select_related = ("performed_by",)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False
