"""The member's diagnostic, under /portail/<code>/diagnostic/: start or resume the draft, one
section a page, finish, the result (page and PDF), and asking for a service.

The organisation comes from `portal_organisation_for_change`: only the organisations the contact
represents (a federation's contact does not take its enterprises' diagnostic: 404). A diagnostic
of another organisation is a 404 too.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from consortium.accounts.access import (
    portal_organisation_for_change,
    portal_organisations_visible_to,
    portal_required,
)
from consortium.core.charts import cached_chart
from consortium.core.forms import add_service_errors
from consortium.core.numbers import id_from_text
from consortium.diagnostics.charts import section_scores_chart
from consortium.diagnostics.forms import SectionAnswersForm
from consortium.diagnostics.models import Diagnostic, Section
from consortium.diagnostics.pdf import result_pdf
from consortium.diagnostics.selectors import (
    active_questionnaire,
    diagnostic_result,
    diagnostic_sheet,
    finished_diagnostics,
    open_requests,
    organisation_diagnostic,
    organisation_draft,
)
from consortium.diagnostics.services import (
    diagnostic_answers_save,
    diagnostic_finish,
    diagnostic_start,
    service_request_create,
)
from consortium.mandates.models import MandateType
from consortium.staff.models import Department


def _diagnostic_or_404(organisation, pk: int, *, finished: bool | None = None) -> Diagnostic:
    diagnostic = organisation_diagnostic(organisation, pk)
    if diagnostic is None or (finished is not None and diagnostic.is_finished != finished):
        raise Http404(str(pk))
    return diagnostic


def _chart_title() -> str:
    return _("Score par section (%)")


@portal_required
def entry(request: HttpRequest) -> HttpResponse:
    """The navigation's "Diagnostic": straight to the organisation's, or a choice of them."""
    organisations = list(portal_organisations_visible_to(request.user).order_by("name"))
    if len(organisations) == 1:
        return redirect("diagnostics_portal:overview", organisations[0].code)
    return render(request, "diagnostics/portal/entry.html", {"organisations": organisations})


@portal_required
def overview(request: HttpRequest, code: str) -> HttpResponse:
    organisation = portal_organisation_for_change(request.user, code)
    context = {
        "organisation": organisation,
        "draft": organisation_draft(organisation),
        "finished": list(finished_diagnostics(organisation)),
        "requests": list(open_requests(organisation)),
    }
    return render(request, "diagnostics/portal/overview.html", context)


@portal_required
@require_POST
def begin(request: HttpRequest, code: str) -> HttpResponse:
    """Start the organisation's draft, or resume it if a colleague already did."""
    organisation = portal_organisation_for_change(request.user, code)
    if active_questionnaire() is None and organisation_draft(organisation) is None:
        messages.error(request, _("Aucun questionnaire de diagnostic n'est offert pour l'instant."))
        return redirect("diagnostics_portal:overview", organisation.code)
    diagnostic, _created = diagnostic_start(organisation=organisation, by=request.user)
    return redirect("diagnostics_portal:section", organisation.code, diagnostic.pk, 1)


@portal_required
def section(request: HttpRequest, code: str, pk: int, number: int) -> HttpResponse:
    organisation = portal_organisation_for_change(request.user, code)
    diagnostic = _diagnostic_or_404(organisation, pk)
    if diagnostic.is_finished:
        return redirect("diagnostics_portal:result", organisation.code, diagnostic.pk)
    sheet = diagnostic_sheet(diagnostic)
    if not 1 <= number <= len(sheet.sections):
        raise Http404(str(number))
    current = sheet.sections[number - 1]
    form = SectionAnswersForm(request.POST or None, section=current)
    if request.method == "POST" and form.is_valid():
        try:
            diagnostic_answers_save(diagnostic=diagnostic, answers=form.answers(), by=request.user)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            action = request.POST.get("action", "next")
            if action == "save":
                messages.success(
                    request,
                    _("Réponses enregistrées. Vous ou un collègue pourrez reprendre plus tard."),
                )
                return redirect("diagnostics_portal:overview", organisation.code)
            if action == "previous" and number > 1:
                return redirect(
                    "diagnostics_portal:section", organisation.code, diagnostic.pk, number - 1
                )
            if number < len(sheet.sections) and action != "finish":
                return redirect(
                    "diagnostics_portal:section", organisation.code, diagnostic.pk, number + 1
                )
            return redirect("diagnostics_portal:finish", organisation.code, diagnostic.pk)
    context = {
        "organisation": organisation,
        "diagnostic": diagnostic,
        "sheet": sheet,
        "current": current,
        "form": form,
        "is_last": number == len(sheet.sections),
    }
    return render(request, "diagnostics/portal/section.html", context)


@portal_required
def finish(request: HttpRequest, code: str, pk: int) -> HttpResponse:
    """Asks to confirm, listing what is unanswered section by section, then finishes."""
    organisation = portal_organisation_for_change(request.user, code)
    diagnostic = _diagnostic_or_404(organisation, pk)
    if diagnostic.is_finished:
        return redirect("diagnostics_portal:result", organisation.code, diagnostic.pk)
    sheet = diagnostic_sheet(diagnostic)
    error = ""
    if request.method == "POST":
        try:
            diagnostic_finish(diagnostic=diagnostic, by=request.user)
        except ValidationError as refusal:
            error = " ".join(refusal.messages)
        else:
            messages.success(request, _("Diagnostic terminé. Voici votre résultat."))
            return redirect("diagnostics_portal:result", organisation.code, diagnostic.pk)
    context = {
        "organisation": organisation,
        "diagnostic": diagnostic,
        "sheet": sheet,
        "unanswered_sections": [row for row in sheet.sections if row.unanswered],
        "error": error,
    }
    return render(request, "diagnostics/portal/finish.html", context)


@portal_required
def result(request: HttpRequest, code: str, pk: int) -> HttpResponse:
    organisation = portal_organisation_for_change(request.user, code)
    diagnostic = _diagnostic_or_404(organisation, pk, finished=True)
    outcome = diagnostic_result(diagnostic)
    context = {
        "organisation": organisation,
        "result": outcome,
        "chart": cached_chart(section_scores_chart, outcome.chart_rows(), _chart_title()),
        "past": list(finished_diagnostics(organisation)),
        "may_request": True,
    }
    return render(request, "diagnostics/portal/result.html", context)


@portal_required
def result_download(request: HttpRequest, code: str, pk: int) -> HttpResponse:
    organisation = portal_organisation_for_change(request.user, code)
    diagnostic = _diagnostic_or_404(organisation, pk, finished=True)
    content = result_pdf(diagnostic_result(diagnostic), _chart_title())
    response = HttpResponse(content, content_type="application/pdf")
    day = diagnostic.finished_at.date().isoformat()
    response["Content-Disposition"] = f'inline; filename="diagnostic-{organisation.code}-{day}.pdf"'
    return response


@portal_required
@require_POST
def request_service(request: HttpRequest, code: str, pk: int) -> HttpResponse:
    """ "Demander ce service": a request for one service of a section under its threshold; a
    second click says it was already requested. With HTMX, only the service's line changes."""
    organisation = portal_organisation_for_change(request.user, code)
    diagnostic = _diagnostic_or_404(organisation, pk, finished=True)
    section_id = id_from_text(request.POST.get("section", ""))
    section_row = Section.objects.filter(
        pk=section_id, questionnaire_id=diagnostic.questionnaire_id
    ).first()
    mandate_type = MandateType.objects.filter(
        pk=id_from_text(request.POST.get("mandate_type", ""))
    ).first()
    department = Department.objects.filter(
        pk=id_from_text(request.POST.get("department", ""))
    ).first()
    if section_row is None or mandate_type is None or department is None:
        raise Http404("service")
    try:
        created = service_request_create(
            organisation=organisation,
            diagnostic=diagnostic,
            section=section_row,
            mandate_type=mandate_type,
            department=department,
            message=request.POST.get("message", "")[:2000],
            by=request.user,
        )
        text = _("Demande envoyée : le département %(department)s vous répondra.") % {
            "department": department.name
        }
        level = messages.SUCCESS
    except ValidationError as refusal:
        created = None
        text = " ".join(refusal.messages)
        level = messages.WARNING
    if request.headers.get("HX-Request"):
        return render(
            request,
            "diagnostics/portal/_service_status.html",
            {"text": text, "created": created, "level": level},
        )
    messages.add_message(request, level, text)
    return redirect(
        reverse("diagnostics_portal:result", args=[organisation.code, diagnostic.pk])
        + f"#section-{section_row.pk}"
    )
