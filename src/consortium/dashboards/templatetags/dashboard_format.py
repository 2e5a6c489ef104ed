"""The dashboards' own number format: `{% load dashboard_format %}`, then `{{ value|exact_hours }}`
for an expert's hours to the quarter (7,5 h), where the report's `hours` rounds to whole hours."""

from decimal import Decimal

from babel.numbers import format_decimal
from django import template

from consortium.reports.formatting import NO_BREAK_SPACE, NOTHING, babel_locale

register = template.Library()


@register.filter
def exact_hours(value: Decimal | int | float | None) -> str:
    """7 h, 7,5 h, 7,25 h / 7.5 h: as many decimals as the hours have, at most two."""
    if value is None:
        return NOTHING
    number = format_decimal(Decimal(str(value)), format="#,##0.##", locale=babel_locale())
    return f"{number}{NO_BREAK_SPACE}h"
