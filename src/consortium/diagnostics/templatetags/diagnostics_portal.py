"""`{% load diagnostics_portal %}`: the card the portal's overview shows
(`{% diagnostics_portal_card organisation %}`: last score, draft to resume, requests awaiting a
decision) and the change of a score since the previous diagnostic, in words and arrows (never
colour alone)."""

from decimal import Decimal

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _

from consortium.core.formatting import number
from consortium.diagnostics.selectors import portal_card

register = template.Library()


@register.inclusion_tag("diagnostics/portal/_card.html")
def diagnostics_portal_card(organisation):
    return {"card": portal_card(organisation)}


@register.filter
def score_change(change: Decimal | None) -> str:
    """▲ +12,5 points (hausse) / ▼ −3,0 points (baisse) / = stable; "—" without a comparison."""
    if change is None:
        return "—"
    if change > 0:
        return format_html(
            '<span class="change-up"><span aria-hidden="true">▲</span> {}</span>',
            _("hausse de %(points)s points") % {"points": number(change, 1)},
        )
    if change < 0:
        return format_html(
            '<span class="change-down"><span aria-hidden="true">▼</span> {}</span>',
            _("baisse de %(points)s points") % {"points": number(-change, 1)},
        )
    return format_html('<span aria-hidden="true">=</span> {}', _("stable"))
