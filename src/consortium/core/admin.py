"""The admin site's name, the bases every model admin shares, and fiscal years.

Every admin that writes does so through its area's services (`ServiceAdmin`): a refusal comes
back on the form, and nothing of a refused save stays behind.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.actions import delete_selected as django_delete_selected
from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.db import models, transaction
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from consortium.core.forms import add_service_errors
from consortium.core.models import ClosingDay, FiscalYear
from consortium.core.services import (
    closing_day_create,
    closing_day_update,
    fiscal_year_create,
    fiscal_year_update,
)

admin.site.site_header = _("Consortium — administration")
admin.site.site_title = _("Consortium — administration")
admin.site.index_title = _("Tableau de bord")

TIMESTAMPS = ("created_at", "updated_at")


class TimeStampedAdmin(admin.ModelAdmin):
    """Shows when a row was created and last changed, never lets anyone edit either."""

    readonly_fields = TIMESTAMPS

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is not None:
            return fieldsets
        # A row being added has no timestamps yet: two empty lines would only puzzle.
        kept = []
        for name, options in fieldsets:
            fields = [field for field in options["fields"] if field not in TIMESTAMPS]
            if fields:
                kept.append((name, {**options, "fields": fields}))
        return kept


@dataclass(frozen=True)
class Writes:
    """The services an admin (or an inline) writes its rows through.

    `create` takes the form's values as keywords; `update` and `delete` take the stored row under
    the keyword `row` (e.g. "entry") and, for `update`, the form's values. An inline's rows also
    receive their parent under the name of the foreign key. With `by`, each service also takes
    the user who writes (audit trail, permission). `delete=None`: nothing guards deleting the
    row, Django deletes it.
    """

    row: str
    create: Callable[..., models.Model]
    update: Callable[..., models.Model] | None = None
    delete: Callable[..., None] | None = None
    by: bool = False


class ServiceRefused(Exception):
    """A service refused the save: carries its reason to the form shown again."""

    def __init__(self, error: ValidationError, *, inline: bool = False) -> None:
        super().__init__(error)
        self.error = error
        self.inline = inline


class ServiceForm(forms.ModelForm):
    """The form of a `ServiceAdmin`: shows the refusal of the service that tried to save it."""

    # Set by ServiceAdmin.get_form on the class modelform_factory made for this request.
    refusal: ServiceRefused | None = None
    # Service field names the form shows under another name (e.g. fiscal_year → fiscal_year_name).
    renamed: dict[str, str] = {}

    def full_clean(self) -> None:
        super().full_clean()
        if self.refusal is None or not self.is_bound:
            return
        if self.refusal.inline:
            # A row of an inline: its message on top of the page, whatever field it names.
            for message in self.refusal.error.messages:
                self.add_error(None, message)
        else:
            add_service_errors(self, self.refusal.error, self.renamed)


def form_values(form: forms.ModelForm) -> dict[str, Any]:
    """What the form sets on its row: its cleaned model fields, many-to-many ones included."""
    skipped = {form._meta.model._meta.pk.name, "DELETE"}
    return {
        name: form.cleaned_data[name]
        for name in form.fields
        if name in form.cleaned_data and name not in skipped
    }


def adopt(row: models.Model, saved: models.Model) -> None:
    """Make the admin's `row` the one the service saved (its id, its stored values).

    The admin goes on with its own object (change message, history, redirect), which the
    service did not write when it built or refetched its own.
    """
    if saved is row:
        return
    for field in row._meta.concrete_fields:
        setattr(row, field.attname, getattr(saved, field.attname))
    row._state.adding = False
    row._state.db = saved._state.db


class ServiceWrites:
    """Rows written through `writes`; override a method when a form and a service disagree."""

    writes: Writes

    def _by(self, request: HttpRequest) -> dict[str, Any]:
        return {"by": request.user} if self.writes.by else {}

    def create_row(self, request: HttpRequest, values: dict[str, Any]) -> models.Model:
        return self.writes.create(**values, **self._by(request))

    def update_row(
        self, request: HttpRequest, row: models.Model, values: dict[str, Any]
    ) -> models.Model:
        return self.writes.update(**{self.writes.row: row}, **values, **self._by(request))

    def delete_row(self, request: HttpRequest, row: models.Model) -> None:
        if self.writes.delete is None:
            row.delete()
        else:
            self.writes.delete(**{self.writes.row: row}, **self._by(request))


class ServiceInline(ServiceWrites):
    """An inline of a `ServiceAdmin`, mixed into TabularInline or StackedInline."""

    def get_formset(self, request: HttpRequest, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        # inlineformset_factory made a new class for this request: the inline stays with it.
        formset.service_inline = self
        return formset


class ServiceAdmin(ServiceWrites, TimeStampedAdmin):
    """Saves and deletes through the area's services, the row and its inlines all or nothing.

    A service's ValidationError shows on the form again (under its field when the form has it),
    or, for a deletion, as a message on the row's page: never a 500, never half a write.
    """

    form = ServiceForm
    actions = ("delete_selected",)

    def get_form(self, request: HttpRequest, obj=None, change: bool = False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        if not issubclass(form, ServiceForm):
            raise ImproperlyConfigured(f"{type(self).__name__}.form must be a ServiceForm.")
        # modelform_factory made a new class for this request: the refusal stays with it.
        form.refusal = getattr(request, "service_refusal", None)
        return form

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except ServiceRefused as refusal:
            # Django's transaction rolled the row and its inlines back; the same post, validated
            # again, now shows why.
            request.service_refusal = refusal
            return super().changeform_view(request, object_id, form_url, extra_context)

    def save_model(self, request: HttpRequest, obj, form, change: bool) -> None:
        values = form_values(form)
        try:
            if change:
                saved = self.update_row(request, obj, values)
            else:
                saved = self.create_row(request, values)
        except ValidationError as error:
            raise ServiceRefused(error) from error
        adopt(obj, saved)

    def save_related(self, request: HttpRequest, form, formsets, change: bool) -> None:
        # No form.save_m2m(): the services set the many-to-many fields they were given.
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)

    def save_formset(self, request: HttpRequest, form, formset, change: bool) -> None:
        inline = getattr(formset, "service_inline", None)
        if inline is None:
            formset.save()
            return
        # Sorts the rows into new, changed and deleted (the change message reads these lists),
        # and gives new rows their parent, without writing anything.
        formset.save(commit=False)
        parent = formset.fk.name
        try:
            for row in formset.deleted_objects:
                inline.delete_row(request, row)
            for row, _changed in formset.changed_objects:
                row_form = next(f for f in formset.initial_forms if f.instance is row)
                inline.update_row(request, row, form_values(row_form) | {parent: formset.instance})
            for row in formset.new_objects:
                row_form = next(f for f in formset.extra_forms if f.instance is row)
                saved = inline.create_row(
                    request, form_values(row_form) | {parent: formset.instance}
                )
                adopt(row, saved)
        except ValidationError as error:
            raise ServiceRefused(error, inline=True) from error

    def delete_model(self, request: HttpRequest, obj) -> None:
        self.delete_row(request, obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet) -> None:
        with transaction.atomic():
            for row in queryset:
                self.delete_row(request, row)

    def delete_view(self, request, object_id, extra_context=None) -> HttpResponse:
        try:
            return super().delete_view(request, object_id, extra_context)
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
            opts = self.opts
            return HttpResponseRedirect(
                reverse(
                    f"admin:{opts.app_label}_{opts.model_name}_change",
                    args=[quote(unquote(object_id))],
                    current_app=self.admin_site.name,
                )
            )

    @admin.action(permissions=["delete"], description=django_delete_selected.short_description)
    def delete_selected(self, request: HttpRequest, queryset: QuerySet) -> HttpResponse | None:
        """Django's bulk delete through the services: one refusal and nothing is deleted."""
        try:
            with transaction.atomic():
                return django_delete_selected(self, request, queryset)
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
            return None


class BilingualNameAdmin(ServiceAdmin):
    """Departments, fields of expertise, mandate types: a code and a name in each language.

    Each admin names the services of its model in `writes`; a code changed here renames the row.
    """

    list_display = ("code", "name_fr", "name_en")
    search_fields = ("code", "name_fr", "name_en")


class YesNoFilter(admin.SimpleListFilter):
    """A filter answering one yes-or-no question, asked by `condition()`."""

    def lookups(self, request, model_admin):
        return [("yes", _("Oui")), ("no", _("Non"))]

    def condition(self) -> Q:
        raise NotImplementedError

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(self.condition())
        if self.value() == "no":
            return queryset.exclude(self.condition())
        return queryset


class FiscalYearForm(ServiceForm):
    class Meta:
        model = FiscalYear
        fields = ("name", "start_date", "end_date")
        help_texts = {
            "start_date": _("Laissez vide pour le calculer à partir du nom."),
            "end_date": _("Laissez vide pour le calculer à partir du nom."),
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # The model fills both days from the name; a year with other bounds may still say so.
        self.fields["start_date"].required = False
        self.fields["end_date"].required = False


@admin.register(FiscalYear)
class FiscalYearAdmin(ServiceAdmin):
    writes = Writes(row="year", create=fiscal_year_create, update=fiscal_year_update)
    form = FiscalYearForm
    list_display = ("name", "start_date", "end_date")
    search_fields = ("name",)


class ClosingDayForm(ServiceForm):
    class Meta:
        model = ClosingDay
        fields = ("date", "label")


@admin.register(ClosingDay)
class ClosingDayAdmin(ServiceAdmin):
    """The centre's own closing days, beyond Quebec's statutory holidays: the dashboard's hours
    available leave them out."""

    writes = Writes(row="day", create=closing_day_create, update=closing_day_update)
    form = ClosingDayForm
    list_display = ("date", "label")
    search_fields = ("label",)
    date_hierarchy = "date"
