"""The result's chart: each section's score out of 100 %, one bar each (server-side SVG through
`core.charts`, cached)."""

import altair as alt
from django.utils.translation import gettext as _

from consortium.core.charts import BAR_COLOUR, FONT, WIDTH


def section_scores_chart(rows: tuple[tuple[str, float | None], ...], title: str) -> dict:
    """[(section title, score or None)] in the questionnaire's order; a section without a
    score has no bar (its label stays)."""
    values = [{"section": label, "score": score} for label, score in rows]
    order = [label for label, _score in rows]
    chart = (
        alt.Chart(alt.Data(values=values), title=title)
        .mark_bar(color=BAR_COLOUR)
        .encode(
            y=alt.Y("section:N", sort=order, title=None, axis=alt.Axis(labelLimit=220)),
            x=alt.X(
                "score:Q",
                title=_("Score (%)"),
                scale=alt.Scale(domain=[0, 100]),
                axis=alt.Axis(tickCount=5),
            ),
            tooltip=[
                alt.Tooltip("section:N", title=_("Section")),
                alt.Tooltip("score:Q", title=_("Score (%)"), format=".1f"),
            ],
        )
        .properties(width=WIDTH - 200, height=24 * max(len(rows), 1))
    )
    return chart.configure(font=FONT).configure_view(stroke=None).to_dict(validate=False)
