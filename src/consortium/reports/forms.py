"""The form of one section of the report's texts: French and English side by side."""

from django import forms
from django.utils.translation import gettext_lazy as _

from consortium.reports.models import MESSAGE_SECTIONS, ReportText

SIGNATORY_FIELDS = ("signatory_name", "signatory_title_fr", "signatory_title_en")


class ReportTextForm(forms.ModelForm):
    class Meta:
        model = ReportText
        fields = (
            "title_fr",
            "title_en",
            "body_fr",
            "body_en",
            "signatory_name",
            "signatory_title_fr",
            "signatory_title_en",
        )
        widgets = {
            "body_fr": forms.Textarea(attrs={"rows": 14, "lang": "fr"}),
            "body_en": forms.Textarea(attrs={"rows": 14, "lang": "en"}),
            "title_en": forms.TextInput(attrs={"lang": "en"}),
            "signatory_title_en": forms.TextInput(attrs={"lang": "en"}),
        }
        help_texts = {
            "body_fr": _("Paragraphes séparés par une ligne vide; les objectifs, un par ligne."),
            "body_en": _("Vide : le rapport anglais reprend le texte français."),
        }

    def __init__(self, *args, section: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.section = section
        if section not in MESSAGE_SECTIONS:
            for name in SIGNATORY_FIELDS:
                del self.fields[name]

    def values(self) -> dict[str, str]:
        return {name: self.cleaned_data.get(name, "") for name in self.Meta.fields}
