"""The report's charts as Vega-Lite specifications (Altair), in the house style of
`consortium.core.charts`.

Each function takes plain rows (labels already in the active language) and returns a spec (a
dict): the report renders it to inline SVG with `core.charts.chart_svg`. No pandas: the rows go
in as `alt.Data(values=...)`.
"""

from decimal import Decimal

import altair as alt
from django.utils.translation import gettext as _

from consortium.core.charts import BAR_COLOUR, WIDTH, YEAR_COLOURS, styled


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
    return styled((bars + labels).properties(width=WIDTH - 180))


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
    return styled(chart)
