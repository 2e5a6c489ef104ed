"""The admin site's name, the bases every model admin shares, and fiscal years."""

from django import forms
from django.contrib import admin
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from consortium.core.models import FiscalYear

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


class ServiceCheckedForm(forms.ModelForm):
    """Runs a service's rule across rows on the row as edited, and shows its refusal on the form.

    `service_check` takes the unsaved instance and raises ValidationError (e.g. an expert's new
    leaving date would leave logged hours outside their employment).
    """

    service_check = None

    def validate_unique(self) -> None:
        super().validate_unique()
        check = type(self).service_check
        if check is not None and self.instance.pk is not None and not self.errors:
            try:
                check(self.instance)
            except ValidationError as error:
                self.add_error(None, error)


def service_checked_form(check) -> type[ServiceCheckedForm]:
    return type("ServiceCheckedForm", (ServiceCheckedForm,), {"service_check": staticmethod(check)})


class BilingualNameAdmin(TimeStampedAdmin):
    """Departments, fields of expertise, mandate types: a code and a name in each language."""

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


def add_service_errors(
    form: forms.BaseForm, error: ValidationError, renamed: dict[str, str] | None = None
) -> None:
    """Show a service's refusal on the form: under its field when the form has it, else on top.

    Services name model fields (`hours`, `date`…) that an admin form may not show (a read-only
    expert, say) or shows under another name (`renamed`); those messages still reach the user
    instead of a 500.
    """
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    renamed = renamed or {}
    for field, errors in error.error_dict.items():
        name = renamed.get(field, field)
        target = name if name in form.fields and name != NON_FIELD_ERRORS else None
        for message in errors:
            form.add_error(target, message)


class FiscalYearForm(forms.ModelForm):
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
class FiscalYearAdmin(TimeStampedAdmin):
    form = FiscalYearForm
    list_display = ("name", "start_date", "end_date")
    search_fields = ("name",)
