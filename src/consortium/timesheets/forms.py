"""What the expert types in the week grid, read into plain values for the services."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy

from consortium.core.forms import SupportedDateField
from consortium.timesheets import rules


def hours_from_text(text: str) -> Decimal | None:
    """The hours of a cell as typed ("7", "7,5", "7.5", "7:30" or "7h30", read by
    `rules.parse_hours` as an import reads them); empty (or 0): none.

    Raises ValueError with a French message for anything else; the range (0 < h <= 24) is the
    services' to check, so that the grid says exactly what they say.
    """
    if not text.strip():
        return None
    hours = rules.parse_hours(text)
    return None if hours == 0 else hours


class WeekCellForm(forms.Form):
    """One cell of the grid: a mandate, a day of the week, the hours as typed."""

    mandate = forms.IntegerField(min_value=1)
    day = SupportedDateField(input_formats=["%Y-%m-%d"])
    hours = forms.CharField(required=False, max_length=20, strip=False)

    def clean_hours(self) -> Decimal | None:
        try:
            return hours_from_text(self.cleaned_data["hours"])
        except ValueError as error:
            raise forms.ValidationError(str(error)) from error


class EntryCommentForm(forms.Form):
    comment = forms.CharField(
        label=gettext_lazy("Commentaire"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class WeekJumpForm(forms.Form):
    """The date picker: any day leads to its week."""

    date = SupportedDateField(
        label=gettext_lazy("Aller à la semaine du"), input_formats=["%Y-%m-%d"]
    )
