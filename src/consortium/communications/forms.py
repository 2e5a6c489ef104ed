"""The forms of the communications pages: each hands its cleaned data to a service."""

from django import forms
from django.db import models
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from consortium.communications.models import (
    AdCampaign,
    Channel,
    Event,
    PressCoverage,
    Publication,
)
from consortium.core.fiscal_years import Period, fiscal_year_months
from consortium.core.forms import DateInput

# The channels people follow (an ad network or the website has no followers).
FOLLOWER_CHANNELS = [
    Channel.LINKEDIN,
    Channel.FACEBOOK,
    Channel.INSTAGRAM,
    Channel.TWITTER,
    Channel.YOUTUBE,
    Channel.NEWSLETTER,
]


class FollowerMonthForm(forms.Form):
    """One month's followers, one field per channel; a channel left empty is left alone."""

    month = forms.ChoiceField(label=_("Mois"))

    def __init__(self, *args, period: Period, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.months = {month.label: month for month in fiscal_year_months(period)}
        self.fields["month"].choices = [
            (label, date_format(month.start, "F Y").capitalize())
            for label, month in self.months.items()
        ]
        for channel in FOLLOWER_CHANNELS:
            self.fields[channel.value] = forms.IntegerField(
                label=channel.label, required=False, min_value=0
            )

    def clean(self) -> dict:
        cleaned = super().clean()
        if not any(cleaned.get(channel.value) is not None for channel in FOLLOWER_CHANNELS):
            raise forms.ValidationError(_("Indiquez les abonnés d'au moins un canal."))
        return cleaned

    def service_arguments(self) -> dict:
        return {
            "month": self.months[self.cleaned_data["month"]].start,
            "followers": {c.value: self.cleaned_data.get(c.value) for c in FOLLOWER_CHANNELS},
        }


def _https_by_default(field, **kwargs):
    """A Web address typed without its scheme (« exemple.ca/nouvelle ») is taken as https."""
    if isinstance(field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return field.formfield(**kwargs)


class PublicationForm(forms.ModelForm):
    formfield_callback = _https_by_default

    class Meta:
        model = Publication
        fields = ["kind", "channel", "date", "title", "url"]
        widgets = {"date": DateInput()}


class AdCampaignForm(forms.ModelForm):
    class Meta:
        model = AdCampaign
        fields = ["name", "programme", "channel", "start", "end", "impressions"]
        widgets = {"start": DateInput(), "end": DateInput()}


class PressCoverageForm(forms.ModelForm):
    formfield_callback = _https_by_default

    class Meta:
        model = PressCoverage
        fields = ["outlet", "date", "title", "url"]
        widgets = {"date": DateInput()}


class EventForm(forms.ModelForm):
    class Meta:
        model = Event
        fields = [
            "title",
            "slug",
            "date",
            "kind",
            "online",
            "place",
            "capacity",
            "registration_open",
            "description",
        ]
        widgets = {"date": DateInput(), "description": forms.Textarea(attrs={"rows": 4})}


class RegistrationForm(forms.Form):
    """The public sign-up form of an event."""

    name = forms.CharField(label=_("Nom"), max_length=200)
    email = forms.EmailField(label=_("Courriel"), max_length=254)
    organisation = forms.CharField(label=_("Organisation"), max_length=255, required=False)
