"""The diagnostic in the admin: staff edit the questionnaire (sections, questions, options,
bands) through the services, which refuse a questionnaire finished diagnostics were scored with
("Copier en nouvelle version" makes an editable copy, "Rendre actif" offers it to members).
Diagnostics and service requests are read here; they are decided on their pages."""

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import Count, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from consortium.core.admin import ServiceAdmin, ServiceInline, ServiceRefused, Writes
from consortium.diagnostics.models import (
    Band,
    Diagnostic,
    Option,
    Question,
    Questionnaire,
    Section,
    ServiceRequest,
)
from consortium.diagnostics.services import (
    bands_replace,
    option_create,
    option_delete,
    option_update,
    question_create,
    question_delete,
    question_update,
    questionnaire_activate,
    questionnaire_copy,
    questionnaire_create,
    questionnaire_delete,
    questionnaire_update,
    section_create,
    section_delete,
    section_update,
)

BAND_FIELDS = (
    "lower_pct",
    "upper_pct",
    "label_fr",
    "label_en",
    "description_fr",
    "description_en",
)


def _band_value(values: dict, name: str):
    value = values.get(name)
    if value is None and not name.endswith("_pct"):
        return ""
    return value


class BandInline(admin.TabularInline):
    """Saved all together by `bands_replace` (QuestionnaireAdmin.save_formset): a set of bands is
    valid or not as a whole (0-100 % with no gap and no overlap)."""

    model = Band
    fields = BAND_FIELDS
    extra = 0


class SectionInline(ServiceInline, admin.TabularInline):
    model = Section
    writes = Writes(
        row="section", create=section_create, update=section_update, delete=section_delete
    )
    fields = ("position", "code", "title_fr", "title_en", "threshold_pct")
    show_change_link = True
    extra = 0


@admin.register(Questionnaire)
class QuestionnaireAdmin(ServiceAdmin):
    writes = Writes(
        row="questionnaire",
        create=questionnaire_create,
        update=questionnaire_update,
        delete=questionnaire_delete,
    )
    list_display = ("title_fr", "version", "is_active", "finished_count")
    fields = ("title_fr", "title_en", "version", "is_active", "created_at", "updated_at")
    inlines = (SectionInline, BandInline)
    actions = ("delete_selected", "copy_as_new_version", "make_active")

    def get_queryset(self, request: HttpRequest) -> QuerySet[Questionnaire]:
        return super().get_queryset(request).annotate(finished=Count("diagnostics", distinct=True))

    @admin.display(description=_lazy("diagnostics"), ordering="finished")
    def finished_count(self, questionnaire: Questionnaire) -> int:
        return questionnaire.finished

    def save_formset(self, request, form, formset, change: bool) -> None:
        if formset.model is not Band:
            super().save_formset(request, form, formset, change)
            return
        if not formset.has_changed():
            return
        bands = [
            {name: _band_value(row_form.cleaned_data, name) for name in BAND_FIELDS}
            for row_form in formset.forms
            if row_form.cleaned_data
            and not row_form.cleaned_data.get("DELETE")
            and (row_form.instance.pk is not None or row_form.has_changed())
        ]
        try:
            bands_replace(questionnaire=form.instance, bands=bands)
        except ValidationError as error:
            raise ServiceRefused(error, inline=True) from error

    @admin.action(description=_lazy("Copier en nouvelle version"))
    def copy_as_new_version(self, request: HttpRequest, queryset: QuerySet) -> None:
        if queryset.count() != 1:
            self.message_user(request, _("Choisissez un seul questionnaire."), messages.ERROR)
            return
        copy = questionnaire_copy(questionnaire=queryset.get())
        self.message_user(
            request,
            _("Nouvelle version %(version)s créée (inactive) : modifiez-la, puis rendez-la active.")
            % {"version": copy.version},
        )

    @admin.action(description=_lazy("Rendre actif"))
    def make_active(self, request: HttpRequest, queryset: QuerySet) -> None:
        if queryset.count() != 1:
            self.message_user(request, _("Choisissez un seul questionnaire."), messages.ERROR)
            return
        chosen = questionnaire_activate(questionnaire=queryset.get())
        self.message_user(
            request,
            _("Questionnaire %(version)s actif : les nouveaux diagnostics le suivront.")
            % {"version": chosen.version},
        )


class QuestionInline(ServiceInline, admin.StackedInline):
    model = Question
    writes = Writes(
        row="question", create=question_create, update=question_update, delete=question_delete
    )
    fields = (
        ("position", "weight", "allows_not_applicable"),
        "text_fr",
        "text_en",
        "help_fr",
        "help_en",
    )
    show_change_link = True
    extra = 0


@admin.register(Section)
class SectionAdmin(ServiceAdmin):
    writes = Writes(
        row="section", create=section_create, update=section_update, delete=section_delete
    )
    list_display = ("title_fr", "code", "questionnaire", "position", "threshold_pct")
    list_filter = ("questionnaire",)
    list_select_related = ("questionnaire",)
    fields = (
        "questionnaire",
        ("position", "code"),
        "title_fr",
        "title_en",
        "threshold_pct",
        "mandate_types",
        "departments",
    )
    filter_horizontal = ("mandate_types", "departments")
    inlines = (QuestionInline,)


class OptionInline(ServiceInline, admin.TabularInline):
    model = Option
    writes = Writes(row="option", create=option_create, update=option_update, delete=option_delete)
    fields = ("position", "label_fr", "label_en", "points")
    extra = 0


@admin.register(Question)
class QuestionAdmin(ServiceAdmin):
    writes = Writes(
        row="question", create=question_create, update=question_update, delete=question_delete
    )
    list_display = ("text_fr", "section", "position", "weight")
    list_filter = ("section__questionnaire", "section")
    list_select_related = ("section",)
    search_fields = ("text_fr", "text_en")
    fields = (
        "section",
        ("position", "weight", "allows_not_applicable"),
        "text_fr",
        "text_en",
        "help_fr",
        "help_en",
    )
    inlines = (OptionInline,)


class ReadOnlyAdmin(admin.ModelAdmin):
    """Rows written by the diagnostic's pages, read here."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


@admin.register(Diagnostic)
class DiagnosticAdmin(ReadOnlyAdmin):
    list_display = ("organisation", "questionnaire", "status", "finished_at", "overall_pct")
    list_filter = ("status", "questionnaire")
    list_select_related = ("organisation", "questionnaire")
    search_fields = ("organisation__code", "organisation__name")


@admin.register(ServiceRequest)
class ServiceRequestAdmin(ReadOnlyAdmin):
    list_display = (
        "organisation",
        "mandate_type",
        "department",
        "status",
        "requested_at",
        "decided_at",
        "mandate",
    )
    list_filter = ("status", "department")
    list_select_related = ("organisation", "mandate_type", "department", "mandate")
    search_fields = ("organisation__code", "organisation__name")
