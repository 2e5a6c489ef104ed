"""The survey forms: a survey (from a starter), a question with its choices, and the answer form
built from a survey's questions (every kind, in the request's language)."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from consortium.core.forms import SupportedDateField
from consortium.core.models import FiscalYear
from consortium.surveys.models import Audience, Measure, Question, QuestionKind, SurveyKind
from consortium.surveys.services import NOT_APPLICABLE
from consortium.surveys.starters import BLANK, STARTERS


class SurveyForm(forms.Form):
    fiscal_year = forms.ModelChoiceField(
        label=gettext_lazy("Exercice financier"),
        queryset=FiscalYear.objects.order_by("-start_date"),
        to_field_name="name",
    )
    kind = forms.ChoiceField(label=gettext_lazy("Type"), choices=SurveyKind.choices)
    audience = forms.ChoiceField(label=gettext_lazy("Public"), choices=Audience.choices)
    title_fr = forms.CharField(label=gettext_lazy("Titre (français)"), max_length=255)
    title_en = forms.CharField(
        label=gettext_lazy("Titre (anglais)"), max_length=255, required=False
    )
    intro_fr = forms.CharField(
        label=gettext_lazy("Présentation (français)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    intro_en = forms.CharField(
        label=gettext_lazy("Présentation (anglais)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    opens_on = SupportedDateField(
        label=gettext_lazy("Ouvert le"), widget=forms.DateInput(attrs={"type": "date"})
    )
    closes_on = SupportedDateField(
        label=gettext_lazy("Fermé le"), widget=forms.DateInput(attrs={"type": "date"})
    )
    benchmark_pct = forms.DecimalField(
        label=gettext_lazy("Résultat d'organisations semblables (%)"),
        required=False,
        min_value=0,
        max_value=100,
        decimal_places=1,
        help_text=gettext_lazy("Sondage d'engagement : le résultat de référence."),
    )


class SurveyCreateForm(SurveyForm):
    starter = forms.ChoiceField(
        label=gettext_lazy("Partir de"),
        choices=list(STARTERS.items()),
        initial=BLANK,
        widget=forms.RadioSelect,
    )

    field_order = ["starter"]


class QuestionForm(forms.Form):
    kind = forms.ChoiceField(label=gettext_lazy("Type de question"), choices=QuestionKind.choices)
    text_fr = forms.CharField(
        label=gettext_lazy("Question (français)"), widget=forms.Textarea(attrs={"rows": 2})
    )
    text_en = forms.CharField(
        label=gettext_lazy("Question (anglais)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    required = forms.BooleanField(label=gettext_lazy("Réponse obligatoire"), required=False)
    measure = forms.ChoiceField(
        label=gettext_lazy("Mesure lue par le rapport"), choices=Measure.choices, required=False
    )
    choices = forms.CharField(
        label=gettext_lazy("Choix"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy(
            "Choix unique ou multiples : un choix par ligne, dans l'ordre, « français | anglais »."
        ),
    )

    @staticmethod
    def initial_for(question: Question) -> dict:
        return {
            "kind": question.kind,
            "text_fr": question.text_fr,
            "text_en": question.text_en,
            "required": question.required,
            "measure": question.measure,
            "choices": "\n".join(
                f"{c.label_fr} | {c.label_en}" if c.label_en else c.label_fr
                for c in question.choices.all()
            ),
        }

    def clean_choices(self) -> list[tuple[str, str]]:
        pairs = []
        for line in self.cleaned_data["choices"].splitlines():
            french, _bar, english = line.partition("|")
            if french.strip():
                pairs.append((french.strip(), english.strip()))
        return pairs


def _radio(label: str, choices: list[tuple[str, str]], required: bool) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label, choices=choices, required=required, widget=forms.RadioSelect
    )


class AnswerForm(forms.Form):
    """One field per question (`q_<id>`), labelled in the active language; the services check
    the values (`surveys.services.answer_values`) and their refusals come back under the fields.
    `read_only` shows the answers of a closed survey, every field disabled."""

    def __init__(self, *args, questions: list[Question], read_only: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = questions
        for question in questions:
            field = self._field(question)
            # The service decides what is missing, with a message naming the question.
            field.required = False
            field.disabled = read_only
            self.fields[f"q_{question.pk}"] = field

    def rows(self) -> list[tuple[Question, forms.BoundField]]:
        return [(question, self[f"q_{question.pk}"]) for question in self.questions]

    @staticmethod
    def _field(question: Question) -> forms.Field:
        label, required = question.text, question.required
        if question.kind == QuestionKind.YES_NO:
            return _radio(label, [("yes", _("Oui")), ("no", _("Non"))], required)
        if question.kind == QuestionKind.SCALE_0_10:
            return _radio(label, [(str(n), str(n)) for n in range(11)], required)
        if question.kind == QuestionKind.LIKERT_5:
            scale = [
                ("1", _("1 — Pas du tout d'accord")),
                ("2", _("2 — Plutôt en désaccord")),
                ("3", _("3 — Ni d'accord ni en désaccord")),
                ("4", _("4 — Plutôt d'accord")),
                ("5", _("5 — Tout à fait d'accord")),
                (NOT_APPLICABLE, _("Ne s'applique pas")),
            ]
            return _radio(label, scale, required)
        options = [(str(choice.pk), choice.label) for choice in question.choices.all()]
        if question.kind == QuestionKind.SINGLE:
            return _radio(label, options, required)
        if question.kind == QuestionKind.MULTIPLE:
            return forms.MultipleChoiceField(
                label=label,
                choices=options,
                required=required,
                widget=forms.CheckboxSelectMultiple,
            )
        return forms.CharField(
            label=label, required=required, widget=forms.Textarea(attrs={"rows": 3})
        )

    def values(self) -> dict[int, object]:
        """The raw answers by question id, for the services."""
        return {
            question.pk: self.cleaned_data.get(f"q_{question.pk}") for question in self.questions
        }

    def add_refusal(self, error: ValidationError) -> None:
        if hasattr(error, "error_dict"):
            for field, messages in error.message_dict.items():
                self.add_error(field if field in self.fields else None, messages)
        else:
            self.add_error(None, error)
