"""How a utilisation rate looks: the badge class of each `UtilisationBand`.

`{% load utilisation %}` then `<span class="badge {{ row.band|utilisation_badge }}">`.
"""

from django import template

from consortium.dashboards.selectors.utilisation import UtilisationBand

register = template.Library()

BADGE_CLASSES = {
    UtilisationBand.LOW: "warn",
    UtilisationBand.NORMAL: "ok",
    UtilisationBand.OVER: "bad",
}


@register.filter
def utilisation_badge(band: UtilisationBand | None) -> str:
    """warn under the low threshold, bad beyond the standard day, ok between; none without a
    rate."""
    return BADGE_CLASSES.get(band, "")
