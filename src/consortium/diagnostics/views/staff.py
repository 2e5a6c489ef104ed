"""The staff's diagnostic pages, under /diagnostics/: every organisation's finished diagnostics
and the aggregate (every staff role reads), a finished result, and the service requests a
director decides for the departments they direct (`access.service_requests`)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from consortium.accounts.access import (
    STAFF_ROLES,
    request_roles,
    role_required,
    service_request_for_decision,
    service_requests_visible_to,
)
from consortium.accounts.models import RoleKind
from consortium.core.charts import cached_chart
from consortium.core.forms import add_service_errors
from consortium.core.listing import page_links, paginate
from consortium.diagnostics.charts import section_scores_chart
from consortium.diagnostics.forms import AcceptForm, DeclineForm, DiagnosticFilterForm
from consortium.diagnostics.models import Diagnostic, DiagnosticStatus, ServiceRequest
from consortium.diagnostics.selectors import (
    SMALLEST_CELL,
    aggregate,
    aggregate_sections,
    diagnostic_result,
    finished_diagnostic_list,
    service_request_rows,
)
from consortium.diagnostics.services import (
    service_request_accept,
    service_request_decline,
    suggested_mandate_code,
    suggested_mandate_title,
)

PER_PAGE = 50
DECIDING_ROLES = (RoleKind.DIRECTOR,)


@role_required(*STAFF_ROLES)
def diagnostic_list(request: HttpRequest) -> HttpResponse:
    form = DiagnosticFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    rows = finished_diagnostic_list(
        region=filters.get("region", ""),
        legal_form=filters.get("legal_form", ""),
        organisation=(filters.get("organisation") or "").strip(),
    )
    page = paginate(request, rows, PER_PAGE)
    sections = aggregate_sections()
    context = {
        "form": form,
        "page": page,
        "page_links": page_links(request, page),
        "tables": aggregate(sections),
        "sections": sections,
        "smallest_cell": SMALLEST_CELL,
    }
    return render(request, "diagnostics/staff/diagnostic_list.html", context)


@role_required(*STAFF_ROLES)
def diagnostic_detail(request: HttpRequest, pk: int) -> HttpResponse:
    diagnostic = (
        Diagnostic.objects.select_related("organisation", "questionnaire")
        .filter(pk=pk, status=DiagnosticStatus.FINISHED)
        .first()
    )
    if diagnostic is None:
        raise Http404(str(pk))
    outcome = diagnostic_result(diagnostic)
    context = {
        "organisation": diagnostic.organisation,
        "result": outcome,
        "chart": cached_chart(
            section_scores_chart, outcome.chart_rows(), _("Score par section (%)")
        ),
        "may_request": False,
    }
    return render(request, "diagnostics/staff/diagnostic_detail.html", context)


def _requests_of(request: HttpRequest):
    return service_requests_visible_to(
        request.user, among=ServiceRequest.objects.all(), roles=request_roles(request)
    )


@role_required(*DECIDING_ROLES)
def service_request_list(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("statut", "")
    rows = service_request_rows(_requests_of(request))
    if status in {"new", "accepted", "declined"}:
        rows = rows.filter(status=status)
    page = paginate(request, rows, PER_PAGE)
    context = {"page": page, "page_links": page_links(request, page), "status": status}
    return render(request, "diagnostics/staff/service_request_list.html", context)


def _for_decision(request: HttpRequest, pk: int) -> ServiceRequest:
    found = service_request_for_decision(
        request.user,
        pk,
        among=ServiceRequest.objects.select_related(
            "organisation", "mandate_type", "department", "section", "diagnostic"
        ),
        roles=request_roles(request),
    )
    return found


@role_required(*DECIDING_ROLES)
def service_request_accept_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Accept: the mandate's fields as suggested, which the director may adjust, then confirm."""
    service_request = _for_decision(request, pk)
    initial = {
        "code": suggested_mandate_code(service_request),
        "title": suggested_mandate_title(service_request),
        "mandate_type": service_request.mandate_type_id,
        "department": service_request.department_id,
        "start": timezone.localdate(),
    }
    form = AcceptForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            mandate = service_request_accept(
                request=service_request, by=request.user, **form.cleaned_data
            )
        except PermissionDenied:
            raise
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("Demande acceptée : le mandat %(code)s est ouvert.") % {"code": mandate.code},
            )
            return redirect("diagnostics:service_request_list")
    context = {"service_request": service_request, "form": form}
    return render(request, "diagnostics/staff/service_request_accept.html", context)


@role_required(*DECIDING_ROLES)
def service_request_decline_view(request: HttpRequest, pk: int) -> HttpResponse:
    service_request = _for_decision(request, pk)
    form = DeclineForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            service_request_decline(
                request=service_request,
                reason=form.cleaned_data["decline_reason"],
                by=request.user,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Demande refusée; le membre en verra le motif."))
            return redirect("diagnostics:service_request_list")
    context = {"service_request": service_request, "form": form}
    return render(request, "diagnostics/staff/service_request_decline.html", context)
