"""The report in the workspace, for the centre's staff (any role): the years, the page, the PDF.

A closed fiscal year that has hours but no report yet is listed with what its report still
needs, and its page shows that checklist (rather than a 404)."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from consortium.accounts.access import role_required
from consortium.accounts.models import RoleKind
from consortium.core.languages import active_language
from consortium.reports.rendering import report_context, report_pdf
from consortium.reports.selectors import (
    AnnualReport,
    pending_report_years,
    pending_reports,
    report_missing,
    report_years,
)

# Every role of the centre reads the report; a signed-in user holding none gets 403.
staff_only = role_required(*RoleKind.values)


def _year_with_data(fiscal_year: str) -> str:
    if fiscal_year not in report_years():
        raise Http404(fiscal_year)
    return fiscal_year


def contents(report: AnnualReport) -> list[tuple[str, str]]:
    """The report's table of contents: (anchor, heading) of each section the page shows."""
    texts = report.texts
    mission = texts.mission or texts.vision or texts.objectives
    entries = [
        ("mot-presidence", _("Le mot de la présidence"), texts.president),
        ("mot-direction", _("Le mot de la direction générale"), texts.general_manager),
        ("mission", _("Mission, vision et objectifs"), mission),
        ("vie-associative", _("Vie associative"), True),
        ("membrariat", _("Membrariat"), True),
        ("services", _("Services aux membres"), True),
        ("finances", _("Affaires financières"), True),
        ("capital-humain", _("Capital humain"), True),
        ("developpement", _("Développement des affaires"), True),
        ("projets", _("Projets structurants"), True),
        ("communications", _("Les communications"), True),
    ]
    return [(anchor, label) for anchor, label, shown in entries if shown]


@staff_only
def report_list(request: HttpRequest) -> HttpResponse:
    years = report_years()
    pending = pending_reports(timezone.localdate(), years)
    preparing = {report.fiscal_year for report in pending}
    context = {"years": [year for year in years if year not in preparing], "pending": pending}
    return render(request, "reports/report_list.html", context)


@staff_only
def report_detail(request: HttpRequest, fiscal_year: str) -> HttpResponse:
    """The report, with its table of contents; for a year still to prepare, what its report
    needs first (alone when the year is not stored: it has no figures yet)."""
    years = report_years()
    pending = fiscal_year in pending_report_years(timezone.localdate(), years)
    if not pending and fiscal_year not in years:
        raise Http404(fiscal_year)
    missing = report_missing(fiscal_year) if pending else []
    if fiscal_year not in years:
        context = {"fiscal_year": fiscal_year, "missing": missing}
        return render(request, "reports/report_pending.html", context)
    context = report_context(fiscal_year, active_language())
    context["contents"] = contents(context["report"])
    context["missing"] = missing
    return render(request, "reports/report_detail.html", context)


@staff_only
def report_pdf_download(request: HttpRequest, fiscal_year: str) -> HttpResponse:
    language = active_language()
    content = report_pdf(_year_with_data(fiscal_year), language)
    response = HttpResponse(content, content_type="application/pdf")
    filename = f"rapport-activites-{fiscal_year}-{language}.pdf"
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
