"""The report on the web, for the centre's staff (any role): the years, the page, the PDF."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from consortium.accounts.access import role_required
from consortium.accounts.models import RoleKind
from consortium.core.languages import active_language
from consortium.reports.rendering import report_context, report_pdf
from consortium.reports.selectors import report_has_data, report_years

# Every role of the centre reads the report; a signed-in user holding none gets 403.
staff_only = role_required(*RoleKind.values)


def _year_with_data(fiscal_year: str) -> str:
    if not report_has_data(fiscal_year):
        raise Http404(fiscal_year)
    return fiscal_year


@staff_only
def report_list(request: HttpRequest) -> HttpResponse:
    return render(request, "reports/report_list.html", {"years": report_years()})


@staff_only
def report_detail(request: HttpRequest, fiscal_year: str) -> HttpResponse:
    context = report_context(_year_with_data(fiscal_year), active_language())
    return render(request, "reports/report_detail.html", context)


@staff_only
def report_pdf_download(request: HttpRequest, fiscal_year: str) -> HttpResponse:
    language = active_language()
    content = report_pdf(_year_with_data(fiscal_year), language)
    response = HttpResponse(content, content_type="application/pdf")
    filename = f"rapport-activites-{fiscal_year}-{language}.pdf"
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
