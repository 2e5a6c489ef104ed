"""Money to the cent, as invoices print it (114,98 $ / $114.98), where the workspace's `money`
rounds to whole dollars: `{% load invoicing %}`, then `{{ invoice.total|cents }}`."""

from decimal import Decimal

from babel import Locale
from babel.numbers import format_currency
from django import template

from consortium.core.formatting import NOTHING, babel_locale
from consortium.core.money import cents as to_the_cent

register = template.Library()


@register.filter
def cents(value) -> str:
    if value is None or value == "":
        return NOTHING
    locale = babel_locale()
    pattern = Locale.parse(locale).currency_formats["standard"].pattern.split(";")[0]
    amount = to_the_cent(value if isinstance(value, Decimal) else Decimal(str(value)))
    return format_currency(amount, "CAD", format=pattern, locale=locale, currency_digits=False)
