"""A finished diagnostic's result as a PDF (WeasyPrint through `core.documents`), from the same
partial as the page, with its own print stylesheet."""

from pathlib import Path

from django.template.loader import render_to_string

from consortium.core.charts import cached_chart
from consortium.core.documents import document_stylesheet, html_pdf
from consortium.diagnostics.charts import section_scores_chart
from consortium.diagnostics.selectors import Result

STYLESHEET = Path(__file__).resolve().parent / "static" / "diagnostics" / "result_print.css"


def result_html(result: Result, chart_title: str) -> str:
    return render_to_string(
        "diagnostics/result_pdf.html",
        {
            "result": result,
            "organisation": result.diagnostic.organisation,
            "chart": cached_chart(section_scores_chart, result.chart_rows(), chart_title),
            "stylesheet": document_stylesheet(STYLESHEET),
            "printing": True,
        },
    )


def result_pdf(result: Result, chart_title: str) -> bytes:
    return html_pdf(result_html(result, chart_title), STYLESHEET.parent)
