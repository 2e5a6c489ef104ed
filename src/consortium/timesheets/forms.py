"""What the expert types in the week grid, read into plain values for the services."""

import re
from decimal import ROUND_HALF_UP, Decimal

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from consortium.core.forms import SupportedDateField
from consortium.timesheets import rules

_HOURS_AND_MINUTES = re.compile(r"^\s*(\d{1,2})\s*[:hH]\s*(\d{1,2})?\s*$")


def hours_from_text(text: str) -> Decimal | None:
    """The hours of a cell as typed: "7", "7,5", "7.5", "7:30" or "7h30"; empty (or 0): none.

    Raises ValueError with a French message for anything else; the range (0 < h <= 24) is the
    services' to check, so that the grid says exactly what they say.
    """
    if not text.strip():
        return None
    match = _HOURS_AND_MINUTES.match(text)
    if match:
        minutes = int(match[2] or 0)
        if minutes >= 60:
            raise ValueError(
                _("« %(value)s » : les minutes vont de 0 à 59.") % {"value": text.strip()}
            )
        hours = Decimal(match[1]) + Decimal(minutes) / 60
        hours = hours.quantize(rules.HOURS_STEP, rounding=ROUND_HALF_UP)
    else:
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
