"""The dashboards' charts: Vega-Lite specs in the report's colours and fonts, drawn to SVG once
per spec through the chart cache of `consortium.core.charts`."""

from decimal import Decimal

import altair as alt
from babel.dates import format_date
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from consortium.core.charts import (
    BAR_COLOUR,
    EXACT_HOURS_FORMAT,
    HOURS_FORMAT,
    WIDTH,
    YEAR_COLOURS,
    charts_as_svg,
    styled,
)
from consortium.core.formatting import babel_locale
from consortium.dashboards.selectors.centre import CentreDashboard, ComparisonRow
from consortium.dashboards.selectors.expert import ExpertDashboard

STANDARD_COLOUR = "#a4161a"  # the standard day's line: dark red, AA on white


# --- the specs ----------------------------------------------------------------------------------


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
    return styled(chart)


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
    return styled(chart)


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
    return styled(chart.properties(width=WIDTH - 120, height=180))


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
    return styled((bars + labels).properties(width=WIDTH - 180))


# --- the charts of each dashboard ---------------------------------------------------------------


def _month_label(month, language: str) -> str:
    return format_date(month, "MMM", locale=babel_locale(language))


def _day_label(day, language: str) -> str:
    return format_date(day, "EEE d", locale=babel_locale(language))


def _comparison(rows: list[ComparisonRow]) -> list[dict]:
    """Only what the chart draws, so that the call's key does not depend on anything else."""
    return [{"label": row.label, "current": row.current, "prior": row.prior} for row in rows]


def centre_charts(dashboard: CentreDashboard, language: str) -> dict[str, SafeString]:
    periods = dashboard.periods
    current, prior = periods.year.label, periods.prior_year.label
    months = [
        {"label": _month_label(row.month, language), "current": row.current, "prior": row.prior}
        for row in dashboard.by_month
    ]
    calls = {"months": (hours_by_month_comparison_chart, (months, current, prior))}
    if dashboard.by_department:
        calls["departments"] = (
            hours_by_department_comparison_chart,
            (_comparison(dashboard.by_department), current, prior),
        )
    if dashboard.by_mandate_type:
        calls["mandate_types"] = (
            hours_by_mandate_type_comparison_chart,
            (_comparison(dashboard.by_mandate_type), current, prior),
        )
    return charts_as_svg(calls, language)


def expert_charts(dashboard: ExpertDashboard, language: str) -> dict[str, SafeString]:
    days = [
        {"label": _day_label(row.date, language), "hours": row.hours} for row in dashboard.week.days
    ]
    mandates = [
        {"label": f"{row.code} – {row.organisation}", "hours": row.hours}
        for row in dashboard.month.by_mandate
    ]
    calls = {"week": (hours_by_day_chart, (days, dashboard.standard_day))}
    if mandates:
        calls["mandates"] = (hours_by_mandate_chart, (mandates,))
    return charts_as_svg(calls, language)
