"""The report on the web, for signed-in staff: the list of years, the page, the PDF."""

from django.contrib.admin.views.decorators import staff_member_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language

from consortium.reports.rendering import report_context, report_pdf
from consortium.reports.selectors import report_has_data, report_years


def _language() -> str:
    return "en" if (get_language() or "fr").startswith("en") else "fr"


def _year_with_data(fiscal_year: str) -> str:
    if not report_has_data(fiscal_year):
        raise Http404(fiscal_year)
    return fiscal_year


@staff_member_required
def report_list(request: HttpRequest) -> HttpResponse:
    return render(request, "reports/report_list.html", {"years": report_years()})


@staff_member_required
def report_detail(request: HttpRequest, fiscal_year: str) -> HttpResponse:
    context = report_context(_year_with_data(fiscal_year), _language())
    return render(request, "reports/report_detail.html", context)


@staff_member_required
def report_pdf_download(request: HttpRequest, fiscal_year: str) -> HttpResponse:
    language = _language()
    content = report_pdf(_year_with_data(fiscal_year), language)
    response = HttpResponse(content, content_type="application/pdf")
    filename = f"rapport-activites-{fiscal_year}-{language}.pdf"
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
