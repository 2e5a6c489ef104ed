"""The dashboards' charts: the report's Vega-Lite specs, drawn to SVG once per spec.

vl-convert takes tens of milliseconds a chart, too slow for every page view. The SVG is cached
under a hash of the spec and the language: the same figures give the same spec and reuse the
drawing; new hours change the spec, hence the key, and are drawn afresh. Which spec a call of a
spec function gives (same function, same arguments) is remembered too, so that a page whose
figures did not change builds no spec at all.
"""

import hashlib
import json
from collections.abc import Callable

import altair as alt
from babel.dates import format_date
from django.core.cache import cache
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from consortium.reports import charts
from consortium.reports.formatting import babel_locale

CACHE_PREFIX = "dashboards:chart:"
SPEC_PREFIX = "dashboards:spec:"
CACHE_SECONDS = 7 * 24 * 60 * 60

ChartCall = tuple[Callable[..., dict], tuple]  # a spec function of reports.charts, its arguments


def chart_cache_key(spec: dict, language: str) -> str:
    """Where the SVG of `spec` is cached: the same spec in the same language, the same drawing."""
    payload = json.dumps(spec, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return CACHE_PREFIX + hashlib.sha256(f"{language}\n{payload}".encode()).hexdigest()


def _call_key(call: ChartCall, language: str) -> str:
    """Where the SVG key of a spec function's call is remembered: building a spec with Altair
    costs milliseconds too, and the same arguments always give the same spec."""
    function, arguments = call
    payload = repr((function.__module__, function.__qualname__, arguments, alt.__version__))
    return SPEC_PREFIX + hashlib.sha256(f"{language}\n{payload}".encode()).hexdigest()


def charts_as_svg(calls: dict[str, ChartCall], language: str) -> dict[str, SafeString]:
    """Each chart as inline SVG: built and drawn once, then read from the cache (two round
    trips to the cache when everything is there)."""
    call_keys = {name: _call_key(call, language) for name, call in calls.items()}
    svg_keys = cache.get_many(list(call_keys.values()))
    specs = {}
    for name, call in calls.items():
        if call_keys[name] not in svg_keys:
            function, arguments = call
            specs[name] = function(*arguments)
            svg_keys[call_keys[name]] = chart_cache_key(specs[name], language)
    svgs = cache.get_many([svg_keys[key] for key in call_keys.values()])
    drawn = {}
    for name, call in calls.items():
        svg_key = svg_keys[call_keys[name]]
        if svg_key not in svgs:
            function, arguments = call
            spec = specs.get(name) or function(*arguments)
            svgs[svg_key] = drawn[svg_key] = charts.chart_svg(spec, language)
    remembered = {call_keys[name]: svg_keys[call_keys[name]] for name in specs}
    if remembered or drawn:
        cache.set_many({**remembered, **drawn}, CACHE_SECONDS)
    # vl-convert's own SVG: the labels in it are escaped by Vega.
    return {name: mark_safe(svgs[svg_keys[call_keys[name]]]) for name in calls}


def cached_chart(function: Callable[..., dict], *arguments) -> SafeString:
    """One chart of a spec function of reports.charts, in the active language, from the cache
    when the same figures were drawn before (the mandate and organisation pages use it)."""
    language = "en" if (get_language() or "fr").startswith("en") else "fr"
    return charts_as_svg({"chart": (function, arguments)}, language)["chart"]


def _month_label(month, language: str) -> str:
    return format_date(month, "MMM", locale=babel_locale(language))


def _day_label(day, language: str) -> str:
    return format_date(day, "EEE d", locale=babel_locale(language))


def _comparison(rows: list[dict]) -> list[dict]:
    """Only what the chart draws, so that the call's key does not depend on anything else."""
    return [
        {"label": row["label"], "current": row["current"], "prior": row["prior"]} for row in rows
    ]


def centre_charts(dashboard: dict, language: str) -> dict[str, SafeString]:
    periods = dashboard["periods"]
    current, prior = periods.year.label, periods.prior_year.label
    months = [
        {
            "label": _month_label(row["month"], language),
            "current": row["current"],
            "prior": row["prior"],
        }
        for row in dashboard["by_month"]
    ]
    calls = {"months": (charts.hours_by_month_comparison_chart, (months, current, prior))}
    if dashboard["by_department"]:
        calls["departments"] = (
            charts.hours_by_department_comparison_chart,
            (_comparison(dashboard["by_department"]), current, prior),
        )
    if dashboard["by_mandate_type"]:
        calls["mandate_types"] = (
            charts.hours_by_mandate_type_comparison_chart,
            (_comparison(dashboard["by_mandate_type"]), current, prior),
        )
    return charts_as_svg(calls, language)


def expert_charts(dashboard: dict, language: str) -> dict[str, SafeString]:
    days = [
        {"label": _day_label(row["date"], language), "hours": row["hours"]}
        for row in dashboard["week"]["days"]
    ]
    mandates = [
        {"label": f"{row['code']} – {row['organisation']}", "hours": row["hours"]}
        for row in dashboard["month"]["by_mandate"]
    ]
    calls = {"week": (charts.hours_by_day_chart, (days, dashboard["standard_day"]))}
    if mandates:
        calls["mandates"] = (charts.hours_by_mandate_chart, (mandates,))
    return charts_as_svg(calls, language)
