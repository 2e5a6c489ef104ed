"""The report in the workspace, for the centre's staff (any role): the years, the page, the PDF.

A closed fiscal year that has hours but no report yet is listed with what its report still
needs, and its page shows that checklist (rather than a 404)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from consortium.accounts.access import REPORT_CHANGE_ROLES, may_change_reports, role_required
from consortium.accounts.models import RoleKind
from consortium.core.forms import add_service_errors
from consortium.core.languages import active_language
from consortium.core.models import FiscalYear
from consortium.reports.forms import ReportTextForm
from consortium.reports.models import (
    MESSAGE_SECTIONS,
    ReportPdf,
    ReportPdfStatus,
    ReportPreparation,
    ReportSection,
    ReportText,
)
from consortium.reports.preparation import report_checks
from consortium.reports.rendering import report_context, report_pdf
from consortium.reports.selectors import (
    AnnualReport,
    annual_report,
    pending_report_years,
    pending_reports,
    report_missing,
    report_years,
)
from consortium.reports.services import report_pdf_request, report_prepare, report_text_write

# Every role of the centre reads the report; a signed-in user holding none gets 403.
staff_only = role_required(*RoleKind.values)
# The directors and the communications role (and administrators) prepare it and write its texts.
preparers_only = role_required(*REPORT_CHANGE_ROLES)


def _year_with_data(fiscal_year: str) -> str:
    if fiscal_year not in report_years():
        raise Http404(fiscal_year)
    return fiscal_year


def contents(report: AnnualReport) -> list[tuple[str, str]]:
    """The report's table of contents: (anchor, heading) of each section the page shows."""
    entries = [
        ("mot-presidence", _("Le mot de la présidence")),
        ("mot-direction", _("Le mot de la direction générale")),
        ("mission", _("Mission, vision et objectifs")),
        ("vie-associative", _("Vie associative")),
        ("membrariat", _("Membrariat")),
        ("services", _("Services aux membres")),
        ("finances", _("Affaires financières")),
        ("capital-humain", _("Capital humain")),
        ("developpement", _("Développement des affaires")),
        ("projets", _("Projets structurants")),
        ("communications", _("Les communications")),
    ]
    return [(anchor, label) for anchor, label in entries if report.shown[anchor.replace("-", "_")]]


@staff_only
def report_list(request: HttpRequest) -> HttpResponse:
    years = report_years()
    prepared = set(ReportPreparation.objects.values_list("fiscal_year__name", flat=True))
    # A year whose report is prepared is listed with the others, no longer as one to prepare.
    pending = [
        report
        for report in pending_reports(timezone.localdate(), years)
        if report.fiscal_year not in prepared
    ]
    preparing = {report.fiscal_year for report in pending}
    context = {
        "years": [year for year in years if year not in preparing],
        "pending": pending,
        "prepared": prepared,
        "may_prepare": may_change_reports(request),
        "section": "reports",
    }
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
        context = {
            "fiscal_year": fiscal_year,
            "missing": missing,
            "may_prepare": may_change_reports(request),
            "section": "reports",
        }
        return render(request, "reports/report_pending.html", context)
    context = report_context(fiscal_year, active_language())
    context["contents"] = contents(context["report"])
    context["missing"] = missing
    context["may_prepare"] = may_change_reports(request)
    context["section"] = "reports"
    context["pdf"] = _latest_pdf(fiscal_year, active_language())
    return render(request, "reports/report_detail.html", context)


def _latest_pdf(fiscal_year: str, language: str) -> ReportPdf | None:
    """The last PDF of the year in `language` asked of the worker (its bytes left unread)."""
    return (
        ReportPdf.objects.filter(fiscal_year__name=fiscal_year, language=language)
        .select_related("fiscal_year")
        .defer("content")
        .first()
    )


def _pdf_status(request: HttpRequest, fiscal_year: str, pdf: ReportPdf | None) -> HttpResponse:
    return render(
        request, "reports/_report_pdf_status.html", {"fiscal_year": fiscal_year, "pdf": pdf}
    )


@require_POST
@staff_only
def report_pdf_request_view(request: HttpRequest, fiscal_year: str) -> HttpResponse:
    """« Préparer le PDF »: the worker builds it; the page then shows how far it got."""
    year = get_object_or_404(FiscalYear, name=_year_with_data(fiscal_year))
    pdf, _created = report_pdf_request(
        fiscal_year=year, language=active_language(), by=request.user
    )
    if request.headers.get("HX-Request"):
        return _pdf_status(request, fiscal_year, _latest_pdf(fiscal_year, pdf.language))
    return redirect(reverse("reports:report_detail", args=[fiscal_year]) + "#report-pdf")


@staff_only
def report_pdf_status(request: HttpRequest, fiscal_year: str) -> HttpResponse:
    """The PDF's progress (HTMX polls it every 2 s while the worker builds it)."""
    return _pdf_status(
        request, fiscal_year, _latest_pdf(_year_with_data(fiscal_year), active_language())
    )


@staff_only
def report_pdf_file(request: HttpRequest, fiscal_year: str, pk: int) -> HttpResponse:
    """The PDF the worker built."""
    pdf = get_object_or_404(
        ReportPdf.objects.select_related("fiscal_year"),
        pk=pk,
        fiscal_year__name=fiscal_year,
        status=ReportPdfStatus.DONE,
    )
    response = HttpResponse(bytes(pdf.content), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{pdf.filename}"'
    return response


@staff_only
def report_pdf_download(request: HttpRequest, fiscal_year: str) -> HttpResponse:
    language = active_language()
    content = report_pdf(_year_with_data(fiscal_year), language)
    response = HttpResponse(content, content_type="application/pdf")
    filename = f"rapport-activites-{fiscal_year}-{language}.pdf"
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def _fiscal_year_to_prepare(fiscal_year: str) -> str:
    """A year with hours (stored or not, closed or not); 404 for any other name."""
    years = report_years()
    if fiscal_year in years or fiscal_year in pending_report_years(timezone.localdate(), years):
        return fiscal_year
    raise Http404(fiscal_year)


FINANCE_ADMIN = "/admin/finance/"


@preparers_only
def report_preparation(request: HttpRequest, fiscal_year: str) -> HttpResponse:
    """What the year's report has and lacks, section by section, each lack with where to enter
    it; the texts to write; « Préparer le rapport »."""
    fiscal_year = _fiscal_year_to_prepare(fiscal_year)
    report = annual_report(fiscal_year)
    context = {
        "fiscal_year": fiscal_year,
        "checks": report_checks(report, FINANCE_ADMIN),
        "texts": _text_rows(report),
        "preparation": ReportPreparation.objects.filter(fiscal_year__name=fiscal_year)
        .select_related("prepared_by")
        .first(),
        "section": "reports",
    }
    return render(request, "reports/report_preparation.html", context)


def _text_rows(report: AnnualReport) -> list[dict]:
    written = {
        ReportSection.PRESIDENT_MESSAGE: report.texts.president,
        ReportSection.GENERAL_MANAGER_MESSAGE: report.texts.general_manager,
        ReportSection.MISSION: report.texts.mission,
        ReportSection.VISION: report.texts.vision,
        ReportSection.OBJECTIVES: report.texts.objectives,
    }
    return [
        {
            "section": section,
            "label": section.label,
            "text": text,
            "english": bool(text and text.body_en.strip()),
        }
        for section, text in written.items()
    ]


@require_POST
@preparers_only
def report_prepare_view(request: HttpRequest, fiscal_year: str) -> HttpResponse:
    fiscal_year = _fiscal_year_to_prepare(fiscal_year)
    try:
        _preparation, created = report_prepare(fiscal_year=fiscal_year, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("reports:report_preparation", fiscal_year=fiscal_year)
    if created:
        messages.success(request, _("Le rapport %(year)s est préparé.") % {"year": fiscal_year})
    return redirect("reports:report_detail", fiscal_year=fiscal_year)


def _preview(form: ReportTextForm) -> dict[str, dict]:
    """The text as the report prints it, in French and in English."""
    text = ReportText(section=form.section, **form.values())
    preview = {}
    for language in ("fr", "en"):
        with translation.override(language):
            preview[language] = {
                "title": text.title,
                "paragraphs": text.paragraphs,
                "lines": text.lines,
                "signatory_name": text.signatory_name,
                "signatory_title": text.signatory_title,
            }
    return preview


@preparers_only
def report_text_edit(request: HttpRequest, fiscal_year: str, section: str) -> HttpResponse:
    """One section's text, French and English side by side; « Aperçu » shows it as printed
    (without saving), « Enregistrer » writes it."""
    fiscal_year = _fiscal_year_to_prepare(fiscal_year)
    if section not in ReportSection.values:
        raise Http404(section)
    section = ReportSection(section)
    text = ReportText.objects.filter(fiscal_year__name=fiscal_year, section=section).first()
    instance = text or ReportText(section=section)
    preview = None
    if request.method == "POST":
        form = ReportTextForm(request.POST, instance=instance, section=section)
        if form.is_valid():
            if "preview" in request.POST:
                preview = _preview(form)
            else:
                try:
                    report_text_write(
                        fiscal_year=fiscal_year, section=section, by=request.user, **form.values()
                    )
                except ValidationError as error:
                    add_service_errors(form, error)
                else:
                    messages.success(
                        request, _("« %(section)s » est enregistré.") % {"section": section.label}
                    )
                    return redirect("reports:report_preparation", fiscal_year=fiscal_year)
    else:
        form = ReportTextForm(instance=instance, section=section)
    context = {
        "fiscal_year": fiscal_year,
        "report_section": section,
        "is_message": section in MESSAGE_SECTIONS,
        "form": form,
        "common_fields": [form[name] for name in ("signatory_name",) if name in form.fields],
        "french_fields": [form[name] for name in form.fields if name.endswith("_fr")],
        "english_fields": [form[name] for name in form.fields if name.endswith("_en")],
        "preview": preview,
        "back": reverse("reports:report_preparation", args=[fiscal_year]),
        "section": "reports",
    }
    return render(request, "reports/report_text_form.html", context)
