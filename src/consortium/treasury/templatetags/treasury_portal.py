"""The portal's treasury card: `{% load treasury_portal %}{% treasury_portal_card organisation %}`
(the reserve at the lowest point against its target, the date of the adopted policy)."""

from django import template

from consortium.treasury.selectors import portal_card

register = template.Library()


@register.inclusion_tag("treasury/_portal_card.html")
def treasury_portal_card(organisation) -> dict:
    return portal_card(organisation)
