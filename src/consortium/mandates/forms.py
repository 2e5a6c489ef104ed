"""Forms of the mandate pages: they check input; the services hold the rules across rows."""

import datetime as dt

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from consortium.core.forms import DateInput, QuickSelect
from consortium.mandates.models import Mandate, MandateStatus
from consortium.mandates.services import MANDATE_EDITABLE_FIELDS
from consortium.members.models import Organisation


class MandateForm(forms.ModelForm):
    """A new mandate (with its code) or the editable fields of one; `departments` limits whose."""

    class Meta:
        model = Mandate
        fields = ("code", *MANDATE_EDITABLE_FIELDS)
        widgets = {
            "start": DateInput(),
            "end": DateInput(),
            "organisation": QuickSelect(),
            "billed_organisation": QuickSelect(),
        }

    def __init__(self, *args, departments: QuerySet, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            del self.fields["code"]
        self.fields["department"].queryset = departments
        self.fields["organisation"].queryset = Organisation.objects.order_by("name")
        self.fields["billed_organisation"].queryset = Organisation.objects.order_by("name")
        for name in ("hourly_rate", "fixed_fee"):
            self.fields[name].widget.attrs.update({"min": "0", "step": "0.01"})
        self.fields["budget_hours"].widget.attrs.update({"min": "0", "step": "0.5"})

    def service_arguments(self) -> dict:
        return {name: self.cleaned_data[name] for name in MANDATE_EDITABLE_FIELDS}


class MandateCloseForm(forms.Form):
    end = forms.DateField(label=_("Dernier jour du mandat"), widget=DateInput())
    status = forms.ChoiceField(
        label=_("Le mandat est"),
        choices=[
            (MandateStatus.CLOSED, MandateStatus.CLOSED.label),
            (MandateStatus.CANCELLED, MandateStatus.CANCELLED.label),
        ],
        initial=MandateStatus.CLOSED,
        widget=forms.RadioSelect,
    )


def close_form_default_end(
    last_entry_day: dt.date | None, start: dt.date, today: dt.date
) -> dt.date:
    """The last day hours were logged; without hours, today (or the first day, if still ahead)."""
    return last_entry_day or max(today, start)


class ExpertChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj.full_name} ({obj.department.code})"


class MandateAssignmentForm(forms.Form):
    """Assign an expert to a mandate: those not yet on it, the mandate's department first."""

    expert = ExpertChoiceField(
        label=_("Expert"),
        queryset=None,
        empty_label=_("Choisir un expert"),
        widget=QuickSelect(),
        error_messages={
            "required": _("Choisissez l'expert à affecter."),
            "invalid_choice": _("Cet expert ne peut être affecté à ce mandat."),
        },
    )
    role = forms.CharField(
        label=_("Rôle sur le mandat"),
        max_length=120,
        required=False,
        help_text=_("Facultatif. Par exemple : responsable, soutien."),
    )

    def __init__(self, *args, experts: QuerySet, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["expert"].queryset = experts
