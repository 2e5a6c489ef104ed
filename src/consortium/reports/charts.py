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


# --- dashboards ---------------------------------------------------------------------------------
# The dashboards draw their charts from these specs, in the report's colours and fonts.

HOURS_FORMAT = ",.0f"
EXACT_HOURS_FORMAT = ",.2~f"
STANDARD_COLOUR = "#a4161a"  # the standard day's line: dark red, AA on white


def _comparison_values(rows: list[dict], current_year: str, prior_year: str) -> list[dict]:
    """One value per row and year, the prior year's first; no value for a `current` of None."""
    values = []
    for row in rows:
        values.append({"label": row["label"], "year": prior_year, "hours": float(row["prior"])})
        if row["current"] is not None:
            values.append(
                {"label": row["label"], "year": current_year, "hours": float(row["current"])}
            )
    return values


def _comparison_encoding(category_title: str, current_year: str, prior_year: str) -> dict:
    """The colour and tooltip both year comparisons share: the prior year pale, this one dark."""
    years = [prior_year, current_year]
    return {
        "color": alt.Color(
            "year:N",
            title=_("Exercice"),
            sort=years,
            scale=alt.Scale(domain=years, range=YEAR_COLOURS),
            legend=alt.Legend(orient="bottom"),
        ),
        "tooltip": [
            alt.Tooltip("label:N", title=category_title),
            alt.Tooltip("year:N", title=_("Exercice")),
            alt.Tooltip("hours:Q", title=_("Heures"), format=HOURS_FORMAT),
        ],
    }


def _year_comparison_bars(
    rows: list[dict], current_year: str, prior_year: str, title: str, category_title: str
) -> dict:
    """Horizontal bars of hours, the prior year's under this year's, in the rows' order.

    rows: [{"label", "current", "prior"}] (hours).
    """
    values = _comparison_values(rows, current_year, prior_year)
    order = [row["label"] for row in rows]
    chart = (
        alt.Chart(alt.Data(values=values), title=title)
        .mark_bar()
        .encode(
            y=alt.Y("label:N", sort=order, title=None, axis=alt.Axis(labelLimit=200)),
            yOffset=alt.YOffset("year:N", sort=[prior_year, current_year]),
            x=alt.X("hours:Q", title=_("Heures"), axis=alt.Axis(format=HOURS_FORMAT, tickCount=4)),
            **_comparison_encoding(category_title, current_year, prior_year),
        )
        .properties(width=WIDTH - 180)
    )
    return _config(chart)


def hours_by_department_comparison_chart(
    rows: list[dict], current_year: str, prior_year: str
) -> dict:
    """Hours of each department, this year against the same period of the prior year.

    rows: [{"label", "current", "prior"}].
    """
    return _year_comparison_bars(
        rows,
        current_year,
        prior_year,
        _("Heures par département"),
        _("Département"),
    )


def hours_by_mandate_type_comparison_chart(
    rows: list[dict], current_year: str, prior_year: str
) -> dict:
    """Hours of each mandate type, this year against the same period of the prior year.

    rows: [{"label", "current", "prior"}].
    """
    return _year_comparison_bars(
        rows,
        current_year,
        prior_year,
        _("Heures par type de mandat"),
        _("Type de mandat"),
    )


def hours_by_month_comparison_chart(rows: list[dict], current_year: str, prior_year: str) -> dict:
    """Hours of each month of the fiscal year next to the same month of the prior year.

    rows: [{"label", "current", "prior"}] in the fiscal year's order; `current` None for a month
    still to come (no bar, rather than a misleading zero).
    """
    values = _comparison_values(rows, current_year, prior_year)
    order = [row["label"] for row in rows]
    chart = (
        alt.Chart(alt.Data(values=values), title=_("Heures par mois"))
        .mark_bar()
        .encode(
            x=alt.X("label:N", sort=order, title=None, axis=alt.Axis(labelAngle=0)),
            xOffset=alt.XOffset("year:N", sort=[prior_year, current_year]),
            y=alt.Y("hours:Q", title=_("Heures"), axis=alt.Axis(format=HOURS_FORMAT, tickCount=4)),
            **_comparison_encoding(_("Mois"), current_year, prior_year),
        )
        .properties(width=WIDTH, height=200)
    )
    return _config(chart)


def hours_by_day_chart(rows: list[dict], standard_hours: Decimal) -> dict:
    """One week's hours by day, with the standard day as a line.

    rows: [{"label", "hours"}] Monday to Sunday.
    """
    values = [{"label": row["label"], "hours": float(row["hours"])} for row in rows]
    order = [row["label"] for row in rows]
    bars = (
        alt.Chart(alt.Data(values=values))
        .mark_bar(color=BAR_COLOUR)
        .encode(
            x=alt.X("label:N", sort=order, title=None, axis=alt.Axis(labelAngle=0)),
            y=alt.Y("hours:Q", title=_("Heures"), axis=alt.Axis(format=EXACT_HOURS_FORMAT)),
            tooltip=[
                alt.Tooltip("label:N", title=_("Jour")),
                alt.Tooltip("hours:Q", title=_("Heures"), format=EXACT_HOURS_FORMAT),
            ],
        )
    )
    standard = (
        alt.Chart(alt.Data(values=[{"standard": float(standard_hours)}]))
        .mark_rule(color=STANDARD_COLOUR, strokeDash=[4, 3], strokeWidth=2)
        .encode(y=alt.Y("standard:Q"))
    )
    chart = alt.layer(bars, standard, title=_("Heures de la semaine par jour"))
    return _config(chart.properties(width=WIDTH - 120, height=180))


def hours_by_mandate_chart(rows: list[dict]) -> dict:
    """Hours of each mandate, largest first, labelled in hours.

    rows: [{"label", "hours"}].
    """
    values = [{"label": row["label"], "hours": float(row["hours"])} for row in rows]
    base = alt.Chart(alt.Data(values=values), title=_("Heures du mois par mandat")).encode(
        y=alt.Y("label:N", sort="-x", title=None, axis=alt.Axis(labelLimit=220)),
        x=alt.X("hours:Q", title=_("Heures"), axis=alt.Axis(format=EXACT_HOURS_FORMAT)),
        tooltip=[
            alt.Tooltip("label:N", title=_("Mandat")),
            alt.Tooltip("hours:Q", title=_("Heures"), format=EXACT_HOURS_FORMAT),
        ],
    )
    bars = base.mark_bar(color=BAR_COLOUR)
    labels = base.mark_text(align="left", dx=3, fontSize=10).encode(
        text=alt.Text("hours:Q", format=EXACT_HOURS_FORMAT)
    )
    return _config((bars + labels).properties(width=WIDTH - 180))


def hours_by_period_chart(hours_by_period: list[tuple[str, Decimal]], title: str) -> dict:
    """Hours of each period in time order (months, fiscal years): [(label, hours)], one bar each.

    Added for the mandate and organisation pages; the labels are already in the reader's
    language and sort as given.
    """
    values = [{"label": label, "hours": float(hours)} for label, hours in hours_by_period]
    order = [label for label, _hours in hours_by_period]
    chart = (
        alt.Chart(alt.Data(values=values), title=title)
        .mark_bar(color=BAR_COLOUR)
        .encode(
            x=alt.X("label:N", sort=order, title=None, axis=alt.Axis(labelAngle=-45)),
            y=alt.Y("hours:Q", title=_("Heures"), axis=alt.Axis(format=",.0f", tickCount=4)),
            tooltip=[
                alt.Tooltip("label:N", title=_("Période")),
                alt.Tooltip("hours:Q", title=_("Heures"), format=",.1f"),
            ],
        )
        .properties(width=WIDTH, height=180)
    )
    # Unvalidated: the spec is fixed, and schema validation costs a web page ~25 ms.
    return chart.configure(font=FONT).configure_view(stroke=None).to_dict(validate=False)
