"""Forms of the organisation pages: the organisation itself and its memberships (the services
hold the rules across rows), and inviting a person who represents the organisation."""

from django import forms
from django.utils.translation import gettext_lazy as _

from consortium.core.forms import DateInput, QuickSelect
from consortium.members.models import Membership, Organisation


class OrganisationForm(forms.ModelForm):
    class Meta:
        model = Organisation
        fields = ("code", "name", "legal_form", "neq", "region", "federation", "language")
        widgets = {"federation": QuickSelect()}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        federations = Organisation.objects.order_by("name")
        if self.instance.pk is not None:
            federations = federations.exclude(pk=self.instance.pk)
        self.fields["federation"].queryset = federations
        self.fields["federation"].empty_label = _("Aucun")
        self.fields["region"].choices = [
            ("", _("Non précisée")),
            *self.fields["region"].choices[1:],
        ]


class MembershipForm(forms.ModelForm):
    class Meta:
        model = Membership
        fields = ("category", "start", "end")
        widgets = {"start": DateInput(), "end": DateInput()}
        help_texts = {"end": _("Vide : l'adhésion continue.")}


class ContactInviteForm(forms.Form):
    email = forms.EmailField(
        label=_("Courriel"),
        max_length=254,
        error_messages={
            "required": _("Indiquez le courriel de la personne."),
            "invalid": _("Le courriel n'est pas une adresse valide."),
        },
    )
    first_name = forms.CharField(
        label=_("Prénom"),
        max_length=150,
        error_messages={"required": _("Indiquez le prénom de la personne.")},
    )
    last_name = forms.CharField(
        label=_("Nom"),
        max_length=150,
        error_messages={"required": _("Indiquez le nom de la personne.")},
    )
    title = forms.CharField(
        label=_("Fonction"),
        max_length=120,
        required=False,
        help_text=_("Par exemple : directrice générale, trésorier."),
    )
