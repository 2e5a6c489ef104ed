"""Forms of the organisation pages: inviting a person who represents the organisation."""

from django import forms
from django.utils.translation import gettext_lazy as _


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
