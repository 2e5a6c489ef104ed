"""Mandate pages: the list (filters, sorting, pages, exports), a mandate's page, and opening,
editing and closing one. Access comes from accounts.access; rules from mandates.services."""

from babel.dates import format_date
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from consortium.accounts.access import (
    MANDATE_CHANGE_ROLES,
    STAFF_ROLES,
    can_create_mandates,
    departments_open_to,
    mandate_for_change,
    mandate_for_read,
    mandates_visible_to,
    request_roles,
    role_required,
)
from consortium.core.charts import cached_chart, hours_by_period_chart
from consortium.core.exports import FORMATS, Column, Kind, export_response
from consortium.core.formatting import babel_locale, long_date
from consortium.core.forms import add_service_errors
from consortium.core.languages import english_is_active
from consortium.core.listing import (
    SortColumn,
    clear_filters_url,
    filter_chips,
    page_links,
    paginate,
    per_page,
    per_page_links,
    query_string,
    sort_by,
    sort_headers,
    with_defaults,
)
from consortium.mandates import services
from consortium.mandates.filters import MandateFilter, default_filters
from consortium.mandates.forms import (
    MandateAssignmentForm,
    MandateCloseForm,
    MandateForm,
    close_form_default_end,
)
from consortium.mandates.models import MandateAssignment, MandateStatus
from consortium.mandates.selectors import (
    assignable_experts,
    budget_state,
    last_entry_day,
    mandate_assignments,
    mandate_export_rows,
    mandate_hours,
    mandate_list_rows,
    next_mandate_code,
)
from consortium.members.models import Organisation

PER_PAGE = 50


def _name_field(relation: str) -> str:
    name = f"{relation}__name_en" if english_is_active() else f"{relation}__name_fr"
    return f"{name}__folded"


def _sort_columns() -> list[SortColumn]:
    return [
        SortColumn("code", gettext_lazy("Code"), ("code",)),
        SortColumn("title", gettext_lazy("Titre"), ("title__folded", "title")),
        SortColumn("organisation", gettext_lazy("Organisation"), ("organisation__name__folded",)),
        SortColumn("type", gettext_lazy("Type"), (_name_field("mandate_type"),)),
        SortColumn("department", gettext_lazy("Département"), (_name_field("department"),)),
        SortColumn("start", gettext_lazy("Début"), ("start",)),
        SortColumn("end", gettext_lazy("Fin"), ("end",)),
        SortColumn("hours", gettext_lazy("Heures"), ("hours",), numeric=True),
        SortColumn("budget", gettext_lazy("% du budget"), ("budget_pct",), numeric=True),
    ]


def _name(row: dict, relation: str) -> str:
    english = row[f"{relation}__name_en"] if english_is_active() else ""
    return english or row[f"{relation}__name_fr"]


def _export_columns() -> list[Column]:
    statuses = dict(MandateStatus.choices)
    return [
        Column(_("Code"), lambda row: row["code"], width=12),
        Column(_("Titre"), lambda row: row["title"], width=40),
        Column(_("Code de l'organisation"), lambda row: row["organisation__code"], width=12),
        Column(_("Organisation"), lambda row: row["organisation__name"], width=32),
        Column(_("Type de mandat"), lambda row: _name(row, "mandate_type"), width=24),
        Column(_("Département"), lambda row: _name(row, "department"), width=24),
        Column(_("Début"), lambda row: row["start"], Kind.DATE, width=11),
        Column(_("Fin"), lambda row: row["end"], Kind.DATE, width=11),
        Column(_("Statut"), lambda row: str(statuses.get(row["status"], row["status"]))),
        Column(_("Heures"), lambda row: row["hours"], Kind.NUMBER, width=10),
        Column(_("Budget d'heures"), lambda row: row["budget_hours"], Kind.NUMBER, width=10),
        Column(_("% du budget"), lambda row: row["budget_pct"], Kind.NUMBER, width=10),
    ]


@role_required(*STAFF_ROLES)
def mandate_list(request: HttpRequest) -> HttpResponse:
    roles = request_roles(request)
    visible = mandate_list_rows(mandates_visible_to(request.user, roles=roles))
    filters = MandateFilter(with_defaults(request, default_filters()), queryset=visible)
    columns = _sort_columns()
    mandates, current_sort = sort_by(filters.qs, request, columns, default="code")
    export_format = request.GET.get("format")
    if export_format in FORMATS:
        return export_response(
            export_format,
            _("mandats"),
            _("Mandats"),
            _export_columns(),
            mandate_export_rows(mandates),
        )
    rows = per_page(request, PER_PAGE)
    page = paginate(request, mandates, rows)
    for mandate in page.object_list:
        mandate.budget_state = budget_state(mandate.hours, mandate.budget_hours)
    return render(
        request,
        "mandates/mandate_list.html",
        {
            "filters": filters,
            "page": page,
            "page_links": page_links(request, page),
            "headers": sort_headers(request, columns, current_sort),
            "csv_url": query_string(request, format="csv", page=None),
            "xlsx_url": query_string(request, format="xlsx", page=None),
            "can_create": can_create_mandates(roles),
            "chips": filter_chips(request, filters.form),
            "clear_url": clear_filters_url(request, filters.form),
            "per_page_links": per_page_links(request, rows),
        },
    )


def _month_label(month) -> str:
    return format_date(month, "MMM y", locale=babel_locale())


@role_required(*STAFF_ROLES)
def mandate_detail(request: HttpRequest, code: str) -> HttpResponse:
    mandate = mandate_for_read(request.user, code, roles=request_roles(request))
    return _detail_page(request, mandate)


def _detail_page(
    request: HttpRequest, mandate, assignment_form: MandateAssignmentForm | None = None
) -> HttpResponse:
    hours = mandate_hours(mandate)
    months = [(_month_label(month), value) for month, value in hours.by_month]
    chart = None
    if len(months) > 1:
        chart = cached_chart(hours_by_period_chart, months, str(_("Heures par mois")))
    if assignment_form is None and mandate.user_may_change:
        assignment_form = MandateAssignmentForm(experts=assignable_experts(mandate))
    return render(
        request,
        "mandates/mandate_detail.html",
        {
            "mandate": mandate,
            "hours": hours,
            "months": months,
            "chart": chart,
            "assignments": mandate_assignments(mandate),
            "assignment_form": assignment_form,
        },
        status=400 if assignment_form is not None and assignment_form.errors else 200,
    )


@require_POST
@role_required(*MANDATE_CHANGE_ROLES)
def mandate_assignment_add(request: HttpRequest, code: str) -> HttpResponse:
    """Assign an expert from the mandate's page; a refusal shows on that page's form."""
    mandate = mandate_for_change(request.user, code, roles=request_roles(request))
    mandate.user_may_change = True
    form = MandateAssignmentForm(request.POST, experts=assignable_experts(mandate))
    if form.is_valid():
        try:
            assignment = services.mandate_assignment_add(
                mandate=mandate, by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("%(name)s est affecté(e) au mandat %(code)s.")
                % {"name": assignment.expert.full_name, "code": mandate.code},
            )
            return redirect(f"{mandate_url(mandate)}#assignments-title")
    return _detail_page(request, mandate, form)


@require_POST
@role_required(*MANDATE_CHANGE_ROLES)
def mandate_assignment_remove(request: HttpRequest, code: str, assignment_id: int) -> HttpResponse:
    mandate = mandate_for_change(request.user, code, roles=request_roles(request))
    assignment = get_object_or_404(
        MandateAssignment.objects.select_related("expert", "mandate"),
        pk=assignment_id,
        mandate=mandate,
    )
    services.mandate_assignment_remove(assignment=assignment, by=request.user)
    messages.success(
        request,
        _("%(name)s n'est plus affecté(e) au mandat %(code)s.")
        % {"name": assignment.expert.full_name, "code": mandate.code},
    )
    return redirect(f"{mandate_url(mandate)}#assignments-title")


def mandate_url(mandate) -> str:
    return reverse("mandates:mandate_detail", args=[mandate.code])


def _new_mandate_initial(request: HttpRequest) -> dict:
    """A new mandate's form: the next free code of the year, today as its start and, from an
    organisation's page (`?organisation=CODE`), that organisation."""
    today = timezone.localdate()
    initial = {"code": next_mandate_code(today), "start": today}
    organisation = Organisation.objects.filter(code=request.GET.get("organisation", "")).first()
    if organisation is not None:
        initial["organisation"] = organisation.pk
    return initial


@role_required(*MANDATE_CHANGE_ROLES)
def mandate_create(request: HttpRequest) -> HttpResponse:
    departments = departments_open_to(request.user, roles=request_roles(request))
    form = MandateForm(
        request.POST or None, departments=departments, initial=_new_mandate_initial(request)
    )
    if request.method == "POST" and form.is_valid():
        try:
            mandate = services.mandate_create(
                code=form.cleaned_data["code"], **form.service_arguments()
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Le mandat %(code)s est ouvert.") % {"code": mandate.code})
            return redirect("mandates:mandate_detail", code=mandate.code)
    return render(request, "mandates/mandate_form.html", {"form": form, "mandate": None})


@role_required(*MANDATE_CHANGE_ROLES)
def mandate_update(request: HttpRequest, code: str) -> HttpResponse:
    roles = request_roles(request)
    mandate = mandate_for_change(request.user, code, roles=roles)
    departments = departments_open_to(request.user, roles=roles)
    form = MandateForm(request.POST or None, instance=mandate, departments=departments)
    if request.method == "POST" and form.is_valid():
        try:
            services.mandate_update(mandate=mandate, **form.service_arguments())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, _("Le mandat %(code)s est enregistré.") % {"code": mandate.code}
            )
            return redirect("mandates:mandate_detail", code=mandate.code)
    return render(request, "mandates/mandate_form.html", {"form": form, "mandate": mandate})


@role_required(*MANDATE_CHANGE_ROLES)
def mandate_close(request: HttpRequest, code: str) -> HttpResponse:
    mandate = mandate_for_change(request.user, code, roles=request_roles(request))
    last_day = last_entry_day(mandate)
    initial = {"end": close_form_default_end(last_day, mandate.start, timezone.localdate())}
    form = MandateCloseForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            closed = services.mandate_close(
                mandate=mandate, end=form.cleaned_data["end"], status=form.cleaned_data["status"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("Le mandat %(code)s est %(status)s; son dernier jour : %(day)s.")
                % {
                    "code": closed.code,
                    "status": closed.get_status_display(),
                    "day": long_date(closed.end),
                },
            )
            return redirect("mandates:mandate_detail", code=mandate.code)
    return render(
        request,
        "mandates/mandate_close.html",
        {"form": form, "mandate": mandate, "last_day": last_day},
    )
