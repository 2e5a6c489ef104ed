"""The report's charts as Vega-Lite specifications (Altair), and their server-side SVG.

Each function takes plain rows (labels already in the active language) and returns a spec (a
dict): the report renders it to inline SVG with `chart_svg`; a dashboard may embed the same spec
with vega-embed to make it interactive. No pandas: the rows go in as `alt.Data(values=...)`.
"""

from decimal import Decimal

import altair as alt
import vl_convert
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from consortium.reports.formatting import NO_BREAK_SPACE

FONT = "DejaVu Sans"
WIDTH = 440
BAR_COLOUR = "#1f5f8b"
YEAR_COLOURS = ["#9bbad3", "#1f5f8b"]  # prior year light, this year dark
# d3-format locales (vl-convert's own, with the space before the dollar sign that fr-CA writes).
FORMAT_LOCALES = {
    "fr": {
        "decimal": ",",
        "thousands": NO_BREAK_SPACE,
        "grouping": [3],
        "currency": ["", "\u00a0$"],
        "percent": "\u00a0%",
    },
    "en": {"decimal": ".", "thousands": ",", "grouping": [3], "currency": ["$", ""]},
}


def _language(language: str | None = None) -> str:
    return "en" if (language or get_language() or "fr").startswith("en") else "fr"


def _config(chart: alt.TopLevelMixin) -> dict:
    return chart.configure(font=FONT).configure_view(stroke=None).to_dict()


def _share_bars(rows: list[dict], title: str, category_title: str) -> dict:
    """Horizontal bars of each row's share of the total, largest first, labelled in %."""
    values = [{"label": row["label"], "share": float(row["share"])} for row in rows]
    base = alt.Chart(alt.Data(values=values), title=title).encode(
        y=alt.Y("label:N", sort="-x", title=None, axis=alt.Axis(labelLimit=220)),
        x=alt.X("share:Q", title=_("Part des heures"), axis=alt.Axis(format=".0%")),
        tooltip=[
            alt.Tooltip("label:N", title=category_title),
            alt.Tooltip("share:Q", title=_("Part des heures"), format=".1%"),
        ],
    )
    bars = base.mark_bar(color=BAR_COLOUR)
    labels = base.mark_text(align="left", dx=3, fontSize=10).encode(
        text=alt.Text("share:Q", format=".0%")
    )
    return _config((bars + labels).properties(width=WIDTH - 180))


def _shares(hours_by_label: list[tuple[str, Decimal]]) -> list[dict]:
    total = sum((value for _label, value in hours_by_label), Decimal(0))
    if not total:
        return []
    return [{"label": label, "share": value / total} for label, value in hours_by_label]


def hours_by_department_chart(hours_by_department: list[tuple[str, Decimal]]) -> dict:
    """Share of the service hours of each department: [(name, hours)]."""
    return _share_bars(
        _shares(hours_by_department),
        _("Proportions d'heures de services par département"),
        _("Département"),
    )


def hours_by_mandate_type_chart(hours_by_mandate_type: list[tuple[str, Decimal]]) -> dict:
    """Share of the service hours of each mandate type: [(name, hours)]."""
    return _share_bars(
        _shares(hours_by_mandate_type),
        _("Proportions d'heures de services par type de mandat"),
        _("Type de mandat"),
    )


def revenue_by_category_chart(rows: list[dict], current_year: str, prior_year: str) -> dict:
    """Revenue of each member category, the prior year next to this one.

    rows: [{"label", "current", "prior"}] (amounts in dollars).
    """
    values = []
    for row in rows:
        values.append({"label": row["label"], "year": prior_year, "amount": float(row["prior"])})
        values.append(
            {"label": row["label"], "year": current_year, "amount": float(row["current"])}
        )
    order = [row["label"] for row in rows]
    chart = (
        alt.Chart(alt.Data(values=values), title=_("Produits par catégorie de membre"))
        .mark_bar()
        .encode(
            y=alt.Y("label:N", sort=order, title=None, axis=alt.Axis(labelLimit=200)),
            yOffset=alt.YOffset("year:N", sort=[prior_year, current_year]),
            x=alt.X("amount:Q", title=_("Produits"), axis=alt.Axis(format="$,.0f", tickCount=4)),
            color=alt.Color(
                "year:N",
                title=_("Exercice"),
                sort=[prior_year, current_year],
                scale=alt.Scale(domain=[prior_year, current_year], range=YEAR_COLOURS),
                legend=alt.Legend(orient="bottom"),
            ),
            tooltip=[
                alt.Tooltip("label:N", title=_("Catégorie")),
                alt.Tooltip("year:N", title=_("Exercice")),
                alt.Tooltip("amount:Q", title=_("Produits"), format="$,.0f"),
            ],
        )
        .properties(width=WIDTH - 120)
    )
    return _config(chart)


def chart_svg(spec: dict, language: str | None = None) -> str:
    """The chart as an SVG document (vector), numbers in the language's format."""
    svg = vl_convert.vegalite_to_svg(spec, format_locale=FORMAT_LOCALES[_language(language)])
    # Inline in HTML: the XML prolog, if any, is not allowed there.
    return svg[svg.find("<svg") :]
