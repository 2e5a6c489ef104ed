"""Forms of the diagnostic's pages: one section's answers, the staff's filters, accepting and
declining a service request. They check input; the services hold the rules."""

from django import forms
from django.utils.translation import gettext_lazy as _

from consortium.core.forms import SupportedDateField
from consortium.diagnostics.selectors import SheetSection
from consortium.diagnostics.services import NOT_APPLICABLE
from consortium.mandates.models import MandateType
from consortium.members.models import LegalForm, Region
from consortium.staff.models import Department


def question_field_name(question_id: int) -> str:
    return f"question_{question_id}"


class SectionAnswersForm(forms.Form):
    """One radio group per question of the section; none is required (save and come back)."""

    def __init__(self, *args, section: SheetSection, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.section = section
        for row in section.questions:
            choices = [(str(option.pk), option.label) for option in row.options]
            if row.question.allows_not_applicable:
                choices.append((NOT_APPLICABLE, _("Ne s'applique pas")))
            self.fields[question_field_name(row.question.pk)] = forms.ChoiceField(
                label=row.question.text,
                help_text=row.question.help,
                choices=choices,
                required=False,
                widget=forms.RadioSelect,
                initial=row.value,
            )

    def answers(self) -> dict[int, str]:
        return {
            row.question.pk: self.cleaned_data.get(question_field_name(row.question.pk)) or ""
            for row in self.section.questions
        }

    def rows(self):
        """Each question with its bound field, for the template."""
        return [(row, self[question_field_name(row.question.pk)]) for row in self.section.questions]


class DiagnosticFilterForm(forms.Form):
    organisation = forms.CharField(label=_("Organisation (code ou nom)"), required=False)
    region = forms.ChoiceField(
        label=_("Région"), required=False, choices=[("", _("Toutes")), *Region.choices]
    )
    legal_form = forms.ChoiceField(
        label=_("Forme juridique"),
        required=False,
        choices=[("", _("Toutes")), *LegalForm.choices],
    )


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs: dict | None = None) -> None:
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class AcceptForm(forms.Form):
    """The mandate accepting a request opens, as suggested; the director may adjust it."""

    code = forms.CharField(label=_("Code du mandat"), max_length=30)
    title = forms.CharField(label=_("Titre du mandat"), max_length=255)
    mandate_type = forms.ModelChoiceField(
        label=_("Type de mandat"), queryset=MandateType.objects.order_by("code")
    )
    department = forms.ModelChoiceField(
        label=_("Département"), queryset=Department.objects.order_by("code")
    )
    start = SupportedDateField(label=_("Début"), widget=DateInput())


class DeclineForm(forms.Form):
    decline_reason = forms.CharField(
        label=_("Motif du refus"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Le membre lira ce motif."),
    )
