"""The forms of the projects' pages: they parse input; the services decide."""

from django import forms
from django.utils.translation import gettext_lazy as _

from consortium.core.forms import DateInput
from consortium.mandates.models import Mandate
from consortium.projects.models import ProjectPhase, StructuringProject
from consortium.staff.models import Expert


class ProjectForm(forms.ModelForm):
    class Meta:
        model = StructuringProject
        fields = (
            "code",
            "title",
            "funder",
            "programme",
            "amount",
            "start",
            "end",
            "description_fr",
            "description_en",
        )
        widgets = {
            "start": DateInput(),
            "end": DateInput(),
            "description_fr": forms.Textarea(attrs={"rows": 4}),
            "description_en": forms.Textarea(attrs={"rows": 4}),
        }

    def validate_unique(self) -> None:
        """The service says whether the code is taken."""


class PhaseForm(forms.Form):
    title_fr = forms.CharField(label=_("titre (français)"), max_length=255)
    title_en = forms.CharField(label=_("titre (anglais)"), max_length=255, required=False)
    planned_hours = forms.DecimalField(
        label=_("heures prévues"), min_value=0, max_digits=8, decimal_places=2, initial=0
    )


class _ProjectPartForm(forms.Form):
    def __init__(self, *args, project: StructuringProject, **kwargs):
        super().__init__(*args, **kwargs)
        self.project = project
        if "phase" in self.fields:
            self.fields["phase"].queryset = ProjectPhase.objects.filter(project=project).order_by(
                "order"
            )


class DeliverableForm(_ProjectPartForm):
    phase = forms.ModelChoiceField(label=_("volet"), queryset=ProjectPhase.objects.none())
    title_fr = forms.CharField(label=_("titre (français)"), max_length=255)
    title_en = forms.CharField(label=_("titre (anglais)"), max_length=255, required=False)
    owner = forms.ModelChoiceField(
        label=_("responsable"),
        queryset=Expert.objects.filter(left_on__isnull=True).order_by("last_name", "first_name"),
        required=False,
    )
    due_date = forms.DateField(label=_("échéance"), required=False, widget=DateInput())


class ExpenseForm(_ProjectPartForm):
    date = forms.DateField(label=_("date"), widget=DateInput())
    description = forms.CharField(label=_("description"), max_length=255)
    amount = forms.DecimalField(label=_("montant"), max_digits=12, decimal_places=2)
    phase = forms.ModelChoiceField(
        label=_("volet"),
        queryset=ProjectPhase.objects.none(),
        required=False,
        empty_label=_("(le projet entier)"),
    )


class ChecklistItemForm(_ProjectPartForm):
    label_fr = forms.CharField(label=_("point (français)"), max_length=255)
    label_en = forms.CharField(label=_("point (anglais)"), max_length=255, required=False)


class MandateLinkForm(_ProjectPartForm):
    phase = forms.ModelChoiceField(label=_("volet"), queryset=ProjectPhase.objects.none())
    mandate = forms.CharField(
        label=_("code du mandat"),
        max_length=30,
        help_text=_("Les heures approuvées de ce mandat comptent pour ce volet."),
    )

    def clean_mandate(self) -> Mandate:
        code = self.cleaned_data["mandate"].strip()
        mandate = Mandate.objects.filter(code=code).first()
        if mandate is None:
            raise forms.ValidationError(
                _("Aucun mandat ne porte le code « %(code)s ».") % {"code": code}
            )
        return mandate


class SubmitForm(forms.Form):
    comment = forms.CharField(
        label=_("commentaire"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class ReturnForm(forms.Form):
    comment = forms.CharField(label=_("raison du retour"), widget=forms.Textarea(attrs={"rows": 2}))


class ValidateForm(forms.Form):
    ticked = forms.MultipleChoiceField(
        label=_("liste de contrôle"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    comment = forms.CharField(
        label=_("commentaire"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, checklist, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ticked"].choices = [(str(item.pk), item.label) for item in checklist]
