"""The results page's charts: one bar per answer value or choice, as Vega-Lite specs (Altair)
in the house style of `core.charts`, drawn to SVG server-side and cached there."""

import altair as alt
from django.utils.translation import gettext as _

from consortium.core.charts import BAR_COLOUR, WIDTH, styled


def answer_counts_chart(counts: tuple[tuple[str, int], ...]) -> dict:
    """How many answers gave each value or choice: ((label, count), …) in their order (the page
    names the question above the chart)."""
    values = [{"label": label, "count": count} for label, count in counts]
    order = [label for label, _count in counts]
    base = alt.Chart(alt.Data(values=values)).encode(
        y=alt.Y("label:N", sort=order, title=None, axis=alt.Axis(labelLimit=200)),
        x=alt.X("count:Q", title=_("Réponses"), axis=alt.Axis(format="d", tickMinStep=1)),
        tooltip=[
            alt.Tooltip("label:N", title=_("Réponse")),
            alt.Tooltip("count:Q", title=_("Réponses")),
        ],
    )
    bars = base.mark_bar(color=BAR_COLOUR)
    labels = base.mark_text(align="left", dx=3, fontSize=10).encode(text="count:Q")
    height = max(60, 18 * len(values))
    return styled((bars + labels).properties(width=WIDTH - 160, height=height))
