"""What every form that calls a service needs: the service's refusal shown on the form, and
dates bounded to the years the centre can hold."""

import datetime as dt

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError

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
