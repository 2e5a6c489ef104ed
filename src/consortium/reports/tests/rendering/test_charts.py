"""The charts: Vega-Lite specs with the active language's titles, rendered to vector SVG."""

from decimal import Decimal

from django.utils import translation

from consortium.core.charts import chart_svg
from consortium.reports import charts

HOURS = [("Comptabilité", Decimal("300")), ("Formation", Decimal("100"))]


def test_a_chart_is_a_vega_lite_spec_with_inline_values():
    spec = charts.hours_by_department_chart(HOURS)
    assert spec["$schema"].startswith("https://vega.github.io/schema/vega-lite/")
    [values] = list(spec["datasets"].values()) if "datasets" in spec else [spec["data"]["values"]]
    assert {row["label"] for row in values} == {"Comptabilité", "Formation"}


def test_the_chart_svg_is_titled_and_numbered_in_french():
    svg = chart_svg(charts.hours_by_department_chart(HOURS), "fr")
    assert svg.startswith("<svg")
    assert "Proportions d'heures de services par département" in svg
    assert "75\u00a0%" in svg
    assert "<image" not in svg


def test_the_chart_svg_is_titled_and_numbered_in_english():
    with translation.override("en"):
        spec = charts.revenue_by_category_chart(
            [{"label": "User members", "current": Decimal(1_500_000), "prior": Decimal(10)}],
            "2020-2021",
            "2019-2020",
        )
    svg = chart_svg(spec, "en")
    assert "Revenue by member category" in svg
    assert "$1,500,000" in svg or "$1,000,000" in svg
