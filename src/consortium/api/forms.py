from django import forms
from django.utils.translation import gettext_lazy as _

from consortium.api.models import Scope


class TokenForm(forms.Form):
    name = forms.CharField(label=_("Nom"), max_length=100)
    scopes = forms.MultipleChoiceField(
        label=_("Portées"), choices=Scope.choices, widget=forms.CheckboxSelectMultiple
    )
    expires_on = forms.DateField(
        label=_("Expire le"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Vide : le jeton n'expire pas."),
    )
