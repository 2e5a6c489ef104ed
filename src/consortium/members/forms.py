"""Forms of the organisation pages: the organisation itself and its memberships (the services
hold the rules across rows), and inviting a person who represents the organisation."""

from django import forms
from django.utils.translation import gettext_lazy as _

from consortium.core.forms import DateInput, QuickSelect
from consortium.members.models import CANADA, Membership, Organisation, Province


class OrganisationForm(forms.ModelForm):
    class Meta:
        model = Organisation
        fields = (
            "code",
            "name",
            "legal_form",
            "country",
            "province",
            "region",
            "neq",
            "federation",
            "language",
        )
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
        self.fields["province"].choices = [
            ("", _("Aucune (hors du Canada)")),
            *self.fields["province"].choices[1:],
        ]
        # The page hides the region and the NEQ outside Quebec (organisation_form.js).
        for name in ("region", "neq"):
            self.fields[name].widget.attrs["data-quebec-only"] = ""
        self.fields["province"].widget.attrs["data-province"] = ""
        self.fields["country"].widget.attrs["data-country"] = ""

        self.fields["country"].required = False

    def clean_province(self) -> str:
        """A form that does not send the province at all keeps the organisation's (Quebec for
        a new one); one sent empty means outside Canada."""
        if "province" not in self.data:
            return self.instance.province or Province.QC
        return self.cleaned_data.get("province") or ""

    def clean_country(self) -> str:
        """Empty means Canada, the centre's own country."""
        return (self.cleaned_data.get("country") or "").strip().upper() or CANADA


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
