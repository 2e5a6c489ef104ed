"""The report's long work, run by the task queue's worker (`consortium tasks worker`)."""

from django.utils import timezone
from django_tasks import task

from consortium.core.documents import html_pdf
from consortium.reports.models import ReportPdf, ReportPdfStatus
from consortium.reports.rendering import STYLESHEET, report_html


def _advance(pdf_id: int, **fields) -> None:
    ReportPdf.objects.filter(pk=pdf_id).update(updated_at=timezone.now(), **fields)


@task()
def report_pdf_build(*, pdf_id: int) -> None:
    """Build the year's report PDF and store it, saying how far it got on the way. Run again
    after a worker died, it builds it anew."""
    pdf = ReportPdf.objects.select_related("fiscal_year").get(pk=pdf_id)
    _advance(pdf_id, status=ReportPdfStatus.RUNNING, progress=10, error="")
    try:
        html = report_html(pdf.fiscal_year.name, pdf.language)
        _advance(pdf_id, progress=40)
        content = html_pdf(html, STYLESHEET.parent)
    except Exception as error:
        _advance(
            pdf_id,
            status=ReportPdfStatus.FAILED,
            error=f"{type(error).__name__}: {error}",
            finished_at=timezone.now(),
        )
        raise
    _advance(
        pdf_id,
        status=ReportPdfStatus.DONE,
        progress=100,
        content=content,
        finished_at=timezone.now(),
    )
