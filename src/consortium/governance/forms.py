"""The governance forms: a meeting, its attendance, a resolution, a board seat with its holders,
and the filters of the lists."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from consortium.core.forms import DateInput, SupportedDateField
from consortium.governance.models import BoardRole, MeetingKind, ResolutionOutcome
from consortium.members.models import Organisation

# "CODE — Name": what the organisation field's suggestions read, and what it reads back.
ORGANISATION_SEPARATOR = " — "


def organisation_label(organisation: Organisation) -> str:
    return f"{organisation.code}{ORGANISATION_SEPARATOR}{organisation.name}"


class MeetingFilterForm(forms.Form):
    kind = forms.ChoiceField(
        label=gettext_lazy("Instance"),
        choices=[("", gettext_lazy("Toutes")), *MeetingKind.choices],
        required=False,
    )
    year = forms.TypedChoiceField(
        label=gettext_lazy("Année"), coerce=int, required=False, empty_value=None
    )

    def __init__(self, *args, years: list[int], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [("", _("Toutes")), *((year, year) for year in years)]


class MeetingForm(forms.Form):
    kind = forms.ChoiceField(label=gettext_lazy("Instance"), choices=MeetingKind.choices)
    date = SupportedDateField(label=gettext_lazy("Date"), widget=DateInput())
    title = forms.CharField(label=gettext_lazy("Titre"), max_length=255, required=False)
    agenda = forms.CharField(
        label=gettext_lazy("Ordre du jour"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    minutes = forms.FileField(
        label=gettext_lazy("Procès-verbal (PDF)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
    )


class AttendanceForm(forms.Form):
    holders = forms.TypedMultipleChoiceField(
        label=gettext_lazy("Titulaires présents"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    others = forms.CharField(
        label=gettext_lazy("Autres personnes présentes"),
        help_text=gettext_lazy("Une personne par ligne."),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, seats: list, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.holders_by_pk = {holder.pk: holder for seat in seats for holder in seat.holders.all()}
        self.fields["holders"].choices = [
            (holder.pk, f"{holder.full_name} ({seat.get_role_display()})")
            for seat in seats
            for holder in seat.holders.all()
        ]

    def chosen_holders(self) -> list:
        return [self.holders_by_pk[pk] for pk in self.cleaned_data["holders"]]

    def other_names(self) -> list[str]:
        return self.cleaned_data["others"].splitlines()


class ResolutionForm(forms.Form):
    number = forms.CharField(label=gettext_lazy("Numéro"), max_length=30)
    text = forms.CharField(label=gettext_lazy("Texte"), widget=forms.Textarea(attrs={"rows": 3}))
    outcome = forms.ChoiceField(
        label=gettext_lazy("Décision"),
        choices=ResolutionOutcome.choices,
        initial=ResolutionOutcome.ADOPTED,
        widget=forms.RadioSelect,
    )


class BoardSeatForm(forms.Form):
    role = forms.ChoiceField(label=gettext_lazy("Fonction"), choices=BoardRole.choices)
    organisation = forms.CharField(
        label=gettext_lazy("Organisation représentée"),
        required=False,
        help_text=gettext_lazy("Tapez le code ou une partie du nom, puis choisissez."),
        widget=forms.TextInput(attrs={"list": "organisation-choices", "autocomplete": "off"}),
    )
    is_executive = forms.BooleanField(
        label=gettext_lazy("Membre du comité exécutif"), required=False
    )
    term_start = SupportedDateField(label=gettext_lazy("Début du mandat"), widget=DateInput())
    term_end = SupportedDateField(
        label=gettext_lazy("Fin du mandat"),
        required=False,
        widget=DateInput(),
        help_text=gettext_lazy("Dernier jour; vide si en cours."),
    )
    order = forms.IntegerField(
        label=gettext_lazy("Ordre d'affichage"), min_value=0, initial=0, required=False
    )
    first_name_1 = forms.CharField(label=gettext_lazy("Prénom du titulaire"), max_length=100)
    last_name_1 = forms.CharField(label=gettext_lazy("Nom du titulaire"), max_length=100)
    first_name_2 = forms.CharField(
        label=gettext_lazy("Prénom du second titulaire"),
        max_length=100,
        required=False,
        help_text=gettext_lazy("Seulement si deux personnes partagent le siège."),
    )
    last_name_2 = forms.CharField(
        label=gettext_lazy("Nom du second titulaire"), max_length=100, required=False
    )

    def clean_organisation(self) -> Organisation | None:
        typed = self.cleaned_data["organisation"].strip()
        if not typed:
            return None
        code = typed.split(ORGANISATION_SEPARATOR, 1)[0].strip()
        found = Organisation.objects.filter(code__iexact=code).first()
        if found is None:
            matches = list(Organisation.objects.filter(name__iexact=typed)[:2])
            found = matches[0] if len(matches) == 1 else None
        if found is None:
            raise ValidationError(_("Aucune organisation ne porte ce code ou ce nom."))
        return found

    def clean(self) -> dict:
        data = super().clean()
        first, last = data.get("first_name_2", ""), data.get("last_name_2", "")
        if bool(first) != bool(last):
            self.add_error(
                "last_name_2" if first else "first_name_2",
                _("Le second titulaire a un prénom et un nom."),
            )
        return data

    def holders(self) -> list[tuple[str, str]]:
        data = self.cleaned_data
        names = [(data["first_name_1"], data["last_name_1"])]
        if data.get("first_name_2") and data.get("last_name_2"):
            names.append((data["first_name_2"], data["last_name_2"]))
        return names


class CompositionForm(forms.Form):
    on = SupportedDateField(label=gettext_lazy("Date"), widget=DateInput())
