"""What every form that calls a service needs: the service's refusal shown on the form, dates
bounded to the years the centre can hold, and the two widgets the workspace's forms share (a
date picker, a fast select for long lists of organisations)."""

import datetime as dt

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join

from consortium.core.fiscal_years import is_supported_day, unsupported_day_message


class SupportedDateField(forms.DateField):
    """A date in the years the centre can hold (`core.fiscal_years.FIRST_YEAR..LAST_YEAR`)."""

    def validate(self, value: dt.date | None) -> None:
        super().validate(value)
        if value is not None and not is_supported_day(value):
            raise ValidationError(unsupported_day_message(), code="unsupported_day")


def add_service_errors(
    form: forms.BaseForm, error: ValidationError, renamed: dict[str, str] | None = None
) -> None:
    """Show a service's refusal on the form: under its field when the form has it, else on top.

    Services name model fields (`hours`, `date`…) that a form may not show (a read-only expert,
    say) or shows under another name (`renamed`); those messages still reach the user instead of
    a 500.
    """
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    renamed = renamed or {}
    for field, errors in error.error_dict.items():
        name = renamed.get(field, field)
        target = name if name in form.fields and name != NON_FIELD_ERRORS else None
        for message in errors:
            form.add_error(target, message)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs: dict | None = None) -> None:
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class QuickSelect(forms.Select):
    """A select drawn in Python: Django draws each option from a template, about 0.2 ms each,
    too slow for the hundreds of organisations a mandate may be for."""

    def render(self, name, value, attrs=None, renderer=None) -> str:
        widget = self.get_context(name, value, attrs)["widget"]
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                (option["value"], " selected" if option["selected"] else "", option["label"])
                for _group, group_options, _index in widget["optgroups"]
                for option in group_options
            ),
        )
        return format_html(
            '<select name="{}"{}>{}</select>', widget["name"], flatatt(widget["attrs"]), options
        )
