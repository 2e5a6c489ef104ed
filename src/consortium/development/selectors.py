"""Reads of business development: the activity report's table and partnerships."""

import unicodedata

from django.db.models import Count, Q

from consortium.core.fiscal_years import Period
from consortium.development.models import ActivityKind, DevelopmentActivity, Partnership


def name_sort_key(name: str) -> tuple[str, str]:
    """Accents and case aside, as a reader expects (É among the E), the same on every database."""
    stripped = "".join(
        c for c in unicodedata.normalize("NFD", name) if unicodedata.category(c) != "Mn"
    )
    return stripped.casefold(), name


def development_report(period: Period) -> dict:
    """Activities of each kind dated in the period, with the organisations met, and the
    partnerships in force during it. Three queries, whatever the data."""
    in_period = Q(date__range=(period.start, period.end))
    counts = dict(
        DevelopmentActivity.objects.filter(in_period)
        .order_by()
        .values_list("kind")
        .annotate(count=Count("pk"))
    )
    met = (
        DevelopmentActivity.organisations_met.through.objects.filter(
            developmentactivity__date__range=(period.start, period.end)
        )
        .order_by()
        .values_list("developmentactivity__kind", "organisation__name")
        .distinct()
    )
    names: dict[str, set[str]] = {}
    for kind, name in met:
        names.setdefault(kind, set()).add(name)
    partnerships = (
        Partnership.objects.filter(start__lte=period.end)
        .filter(Q(end__isnull=True) | Q(end__gte=period.start))
        .select_related("organisation")
        .order_by("start", "title")
    )
    return {
        "activities": [
            {
                "kind": kind.value,
                "label": str(kind.label),
                "count": counts.get(kind.value, 0),
                "organisations": sorted(names.get(kind.value, ()), key=name_sort_key),
            }
            for kind in ActivityKind
        ],
        "partnerships": [
            {"organisation": partnership.organisation.name, "title": partnership.title}
            for partnership in partnerships
        ],
    }
