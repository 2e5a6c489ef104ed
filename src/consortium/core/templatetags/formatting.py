"""The figures of every page as template filters: `{% load formatting %}`, then
`{{ amount|money }}`, `{{ total|money_to_the_cent }}`, `{{ share|percent:1 }}`,
`{{ variance|signed_percent }}`, `{{ count|number }}`, `{{ total|hours }}`,
`{{ day_total|exact_hours }}`, `{{ day|long_date }}`; all in the active language (see
`consortium.core.formatting`)."""

from django import template

from consortium.core import formatting

register = template.Library()


@register.filter
def money(value):
    return formatting.money(value)


@register.filter
def money_to_the_cent(value):
    return formatting.money_to_the_cent(value)


@register.filter
def percent(value, decimals=0):
    return formatting.percent(value, int(decimals))


@register.filter
def signed_percent(value, decimals=0):
    return formatting.signed_percent(value, int(decimals))


@register.filter
def number(value, decimals=0):
    return formatting.number(value, int(decimals))


@register.filter
def signed_number(value):
    return formatting.signed_number(value)


@register.filter
def hours(value):
    return formatting.hours(value)


@register.filter
def exact_hours(value):
    return formatting.exact_hours(value)


@register.filter
def long_date(value):
    return formatting.long_date(value)


@register.filter
def day_in_words(value):
    return formatting.day_in_words(value)


@register.filter
def person(user, nobody=None):
    """`{{ change.changed_by|person }}`; `{{ batch.imported_by|person:_("Ligne de commande") }}`."""
    return formatting.person(user, nobody)
