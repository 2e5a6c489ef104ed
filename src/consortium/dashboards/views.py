"""The first page after signing in, and the dashboards.

One address, `dashboards:dashboard`, whose content follows the roles: the centre's dashboard for
directors, finance, communications and administrators; an expert's own week and month for an
expert who holds no other role (and, on request, for anyone who is also an expert).
"""

import dataclasses
import datetime as dt
from decimal import Decimal

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from consortium.accounts.access import (
    may_approve_weeks,
    request_holds,
    request_represented_ids,
    request_roles,
    service_requests_visible_to,
)
from consortium.accounts.models import RoleKind
from consortium.accounts.selectors import expert_for_user
from consortium.core.fiscal_years import fiscal_year_name_for, is_supported_day
from consortium.core.languages import active_language
from consortium.core.listing import SORT_PARAMETER, SortColumn, sort_headers
from consortium.core.weeks import week_start_of
from consortium.dashboards import charts
from consortium.dashboards.selectors.centre import centre_dashboard, department_names
from consortium.dashboards.selectors.expert import expert_dashboard
from consortium.dashboards.selectors.utilisation import (
    ExpertUtilisation,
    UtilisationBand,
    workday_hours,
)
from consortium.diagnostics.models import ServiceRequest
from consortium.diagnostics.selectors import new_requests_inbox
from consortium.staff.models import Role
from consortium.timesheets.selectors.ledger import fiscal_years_with_hours

CENTRE_ROLES = (
    RoleKind.DIRECTOR,
    RoleKind.FINANCE,
    RoleKind.COMMUNICATIONS,
    RoleKind.ADMINISTRATOR,
)
# Utilisation expert by expert is about people's work: those who manage it, not communications.
EXPERT_FIGURES_ROLES = (RoleKind.DIRECTOR, RoleKind.FINANCE, RoleKind.ADMINISTRATOR)
OWN_VIEW = "moi"
# The answers the page leads with: this many of the least used experts (the answer, its link to
# the rest included, fits above the fold of a 1366 × 900 screen).
UNDER_USED_SHOWN = 5

# The utilisation table by expert: its sortable columns and what each sorts by, and its filters
# (GET parameters of their own, so that they leave the rest of the page as it is).
UTILISATION_COLUMNS = (
    SortColumn("nom", _("Expert")),
    SortColumn("departement", _("Département")),
    SortColumn("role", _("Rôle")),
    SortColumn("heures", _("Heures saisies"), numeric=True),
    SortColumn("disponibles", _("Heures disponibles"), numeric=True),
    SortColumn("taux", _("Taux"), numeric=True),
)
UTILISATION_SORT_KEYS = {
    "nom": lambda row: row.name.casefold(),
    "departement": lambda row: (row.department.casefold(), row.name.casefold()),
    "role": lambda row: (row.role_label.casefold(), row.name.casefold()),
    "heures": lambda row: row.hours,
    "disponibles": lambda row: row.available,
    "taux": lambda row: row.rate if row.rate is not None else Decimal(-1),
}
UTILISATION_DEFAULT_SORT = "-taux"
UTILISATION_ANCHOR = "#utilisation-experts"
BAND_PARAMETERS = {
    "sous": UtilisationBand.LOW,
    "normal": UtilisationBand.NORMAL,
    "au-dessus": UtilisationBand.OVER,
}
UTILISATION_FILTERS = ("expert_departement", "role", "seuil")


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """Experts start on their week, a member's contact on the portal, everyone else on the
    dashboard."""
    roles = request_roles(request)
    if RoleKind.EXPERT in roles and not request_holds(request, CENTRE_ROLES):
        return redirect("timesheets:week")
    if not roles and request_represented_ids(request):
        return redirect("portal:home")
    return redirect("dashboards:dashboard")


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    roles = request_roles(request)
    if request_holds(request, CENTRE_ROLES):
        expert = expert_for_user(request.user)
        if expert is not None and request.GET.get("vue") == OWN_VIEW:
            return _expert_dashboard(request, expert, also_centre=True)
        return _centre_dashboard(request, roles, also_expert=expert is not None)
    expert = expert_for_user(request.user)
    if expert is not None:
        return _expert_dashboard(request, expert, also_centre=False)
    if RoleKind.EXPERT in roles:
        return render(request, "dashboards/no_expert.html", status=404)
    raise PermissionDenied


def _chosen_department(request: HttpRequest, names: dict[int, str]) -> int | None:
    try:
        department_id = int(request.GET.get("departement", ""))
    except ValueError:
        return None
    return department_id if department_id in names else None


def _utilisation_table(request: HttpRequest, rows: list[ExpertUtilisation]) -> dict:
    """The experts' utilisation as the table's GET parameters filter and sort it (no query)."""
    try:
        department_id = int(request.GET.get("expert_departement", ""))
    except ValueError:
        department_id = None
    role = request.GET.get("role", "")
    role = role if role in Role.values else ""
    band_key = request.GET.get("seuil", "")
    band = BAND_PARAMETERS.get(band_key)
    shown = [
        row
        for row in rows
        if (department_id is None or row.department_id == department_id)
        and (not role or row.role == role)
        and (band is None or row.band is band)
    ]
    wanted = request.GET.get(SORT_PARAMETER, "")
    if wanted.lstrip("-") not in UTILISATION_SORT_KEYS:
        wanted = UTILISATION_DEFAULT_SORT
    key = UTILISATION_SORT_KEYS[wanted.lstrip("-")]
    shown.sort(key=lambda row: row.name.casefold())
    shown.sort(key=key, reverse=wanted.startswith("-"))
    headers = [
        dataclasses.replace(header, url=header.url + UTILISATION_ANCHOR)
        for header in sort_headers(request, UTILISATION_COLUMNS, wanted)
    ]
    return {
        "rows": shown,
        "headers": headers,
        "sort": wanted,
        "department_id": department_id,
        "role": role,
        "band": band_key if band else "",
        "roles": Role.choices,
        "is_open": any(request.GET.get(name) for name in (*UTILISATION_FILTERS, SORT_PARAMETER)),
    }


def _under_used(rows: list[ExpertUtilisation]) -> dict:
    """The answer "who is under-used": the experts under the low threshold, least used first."""
    low = [row for row in rows if row.band is UtilisationBand.LOW]
    low.sort(key=lambda row: (row.rate, row.name.casefold()))
    return {"count": len(low), "rows": low[:UNDER_USED_SHOWN]}


def _centre_dashboard(
    request: HttpRequest, roles: frozenset[str], *, also_expert: bool
) -> HttpResponse:
    today = timezone.localdate()
    fiscal_years = fiscal_years_with_hours(today)
    fiscal_year = request.GET.get("exercice", "")
    if fiscal_year not in fiscal_years:
        fiscal_year = fiscal_year_name_for(today)
    names = department_names()
    department_id = _chosen_department(request, names)
    data = centre_dashboard(
        user=request.user,
        roles=roles,
        fiscal_year=fiscal_year,
        today=today,
        department_id=department_id,
        department_names=names,
    )
    context = {
        "dashboard": data,
        "charts": charts.centre_charts(data, active_language()),
        "fiscal_years": fiscal_years,
        "fiscal_year": fiscal_year,
        "department_id": department_id,
        "department_name": names.get(department_id, ""),
        "shows_expert_figures": request_holds(request, EXPERT_FIGURES_ROLES),
        "can_approve": may_approve_weeks(roles),
        "also_expert": also_expert,
        "own_view": OWN_VIEW,
        "workday_hours": workday_hours(),
        "utilisation_table": _utilisation_table(request, data.utilisation),
        "under_used": _under_used(data.utilisation),
        # A director's inbox of the members' service requests to their departments: one query.
        "service_requests": new_requests_inbox(
            service_requests_visible_to(
                request.user, among=ServiceRequest.objects.all(), roles=roles
            )
        )
        if RoleKind.DIRECTOR in roles
        else None,
    }
    return render(request, "dashboards/centre.html", context)


def _chosen_day(request: HttpRequest, today: dt.date) -> dt.date:
    try:
        day = dt.date.fromisoformat(request.GET.get("date", ""))
    except ValueError:
        return today
    # Year 1 or 9999 would overflow the week's arithmetic: such a day is no day at all.
    return day if is_supported_day(day) else today


def _expert_dashboard(request: HttpRequest, expert, *, also_centre: bool) -> HttpResponse:
    today = timezone.localdate()
    day = _chosen_day(request, today)
    data = expert_dashboard(expert=expert, day=day)
    week_start = data.week.start
    context = {
        "dashboard": data,
        "charts": charts.expert_charts(data, active_language()),
        "today": today,
        "previous_week": week_start - dt.timedelta(days=7),
        "next_week": week_start + dt.timedelta(days=7),
        "is_this_week": week_start == week_start_of(today),
        "also_centre": also_centre,
        "own_view": OWN_VIEW,
    }
    return render(request, "dashboards/expert.html", context)
