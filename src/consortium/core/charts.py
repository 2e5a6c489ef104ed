"""Chart primitives every page shares: the house style of the Vega-Lite specs (Altair), their
server-side SVG (vl-convert), and the cache that draws each chart once.

The specs themselves stay with the app that shows them (`reports.charts`, `dashboards.charts`);
they take plain rows (labels already in the active language) and return a spec (a dict). No
pandas: the rows go in as `alt.Data(values=...)`.

vl-convert takes tens of milliseconds a chart, too slow for every page view. The SVG is cached
under a hash of the spec and the language: the same figures give the same spec and reuse the
drawing; new hours change the spec, hence the key, and are drawn afresh. Which spec a call of a
spec function gives (same function, same arguments) is remembered too, so that a page whose
figures did not change builds no spec at all.
"""

import hashlib
import json
from collections.abc import Callable
from decimal import Decimal

import altair as alt
import vl_convert
from django.core.cache import cache
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from consortium.core.formatting import NO_BREAK_SPACE
from consortium.core.languages import active_language

FONT = "DejaVu Sans"
WIDTH = 440
BAR_COLOUR = "#1f5f8b"
YEAR_COLOURS = ["#9bbad3", "#1f5f8b"]  # prior year light, this year dark
HOURS_FORMAT = ",.0f"
EXACT_HOURS_FORMAT = ",.2~f"
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

CACHE_PREFIX = "charts:svg:"
SPEC_PREFIX = "charts:spec:"
CACHE_SECONDS = 7 * 24 * 60 * 60

ChartCall = tuple[Callable[..., dict], tuple]  # a spec function, its arguments


def styled(chart: alt.TopLevelMixin) -> dict:
    """The spec of `chart` in the house style: the report's font, no frame around the view."""
    return chart.configure(font=FONT).configure_view(stroke=None).to_dict()


def chart_svg(spec: dict, language: str | None = None) -> str:
    """The chart as an SVG document (vector), numbers in the language's format."""
    svg = vl_convert.vegalite_to_svg(spec, format_locale=FORMAT_LOCALES[active_language(language)])
    # Inline in HTML: the XML prolog, if any, is not allowed there.
    return svg[svg.find("<svg") :]


def hours_by_period_chart(hours_by_period: list[tuple[str, Decimal]], title: str) -> dict:
    """Hours of each period in time order (months, fiscal years): [(label, hours)], one bar each.

    Drawn on the mandate and organisation pages; the labels are already in the reader's
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


# --- the SVG cache -------------------------------------------------------------------------------


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
            svgs[svg_key] = drawn[svg_key] = chart_svg(spec, language)
    remembered = {call_keys[name]: svg_keys[call_keys[name]] for name in specs}
    if remembered or drawn:
        cache.set_many({**remembered, **drawn}, CACHE_SECONDS)
    # vl-convert's own SVG: the labels in it are escaped by Vega.
    return {name: mark_safe(svgs[svg_keys[call_keys[name]]]) for name in calls}


def cached_chart(function: Callable[..., dict], *arguments) -> SafeString:
    """One chart of a spec function, in the active language, from the cache when the same
    figures were drawn before (the mandate and organisation pages use it)."""
    return charts_as_svg({"chart": (function, arguments)}, active_language())["chart"]
