"""The report as HTML (the web page's body, or a whole document) and as PDF (WeasyPrint).

One set of templates serves both: `reports/report/body.html`; the PDF is the same body in a
standalone document with the report's stylesheet inlined and WeasyPrint's print rules.
"""

from pathlib import Path

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import mark_safe

from consortium.core.charts import chart_svg
from consortium.core.documents import html_pdf
from consortium.reports.selectors import annual_report

STYLESHEET = Path(__file__).resolve().parent / "static" / "reports" / "report.css"


def report_context(fiscal_year: str, language: str) -> dict:
    """The template context: the report's content and its charts as inline SVG."""
    with translation.override(language):
        report = annual_report(fiscal_year)
        specs = {
            "departments": report.services.charts.departments,
            "mandate_types": report.services.charts.mandate_types,
            "revenue": report.finance.chart,
        }
        svgs = {name: mark_safe(chart_svg(spec, language)) for name, spec in specs.items()}
    return {"report": report, "charts": svgs}


def report_html(fiscal_year: str, language: str) -> str:
    """The report as a standalone HTML document (the PDF's source)."""
    context = report_context(fiscal_year, language)
    with translation.override(language):
        return render_to_string(
            "reports/report_document.html",
            {**context, "stylesheet": STYLESHEET.read_text(encoding="utf-8")},
        )


def report_pdf(fiscal_year: str, language: str) -> bytes:
    """The report as a PDF: cover page, numbered pages, vector charts."""
    return html_pdf(report_html(fiscal_year, language), STYLESHEET.parent)
