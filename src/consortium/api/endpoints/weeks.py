"""Weeks: the list a user sees on the site, and its moves through `timesheets/services/weeks.py`
(submit by the expert, approve and return by a director of their department)."""

from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Router

from consortium.accounts.access import (
    experts_visible_to,
    request_roles,
    week_for_approval,
    weeks_visible_to,
)
from consortium.api import schemas
from consortium.api.errors import ApiError
from consortium.api.models import Scope
from consortium.api.pagination import PageNumber, PageSize, paginate
from consortium.api.schemas import Code, Day, Id
from consortium.api.security import require_scope
from consortium.timesheets.models import TimesheetWeek
from consortium.timesheets.services.weeks import week_approve, week_return, week_submit

router = Router(tags=["weeks"])


def _week_for_decision(request, week_id: int) -> TimesheetWeek:
    """404 for a week out of reach; 403 for one the user sees but does not decide."""
    roles = request_roles(request)
    if not weeks_visible_to(
        request.user, among=TimesheetWeek.objects.filter(pk=week_id), roles=roles
    ).exists():
        raise ApiError(404, _("Cette semaine n'existe pas ou ne relève pas de vous."))
    try:
        return week_for_approval(
            request.user, week_id, among=TimesheetWeek.objects.all(), roles=roles
        )
    except Http404:
        raise ApiError(403, _("Vous ne pouvez pas décider de cette semaine.")) from None


@router.get("/weeks", response=schemas.WeekPage)
def weeks_list(
    request,
    expert: Code | None = None,
    status: Code | None = None,
    week_from: Day | None = None,
    week_to: Day | None = None,
    page: int = PageNumber,
    page_size: int = PageSize,
):
    require_scope(request, Scope.WEEKS_READ)
    rows = (
        weeks_visible_to(
            request.user, among=TimesheetWeek.objects.all(), roles=request_roles(request)
        )
        .select_related("expert", "decided_by")
        .order_by("-week_start", "expert__code")
    )
    if expert:
        rows = rows.filter(expert__code=expert)
    if status:
        rows = rows.filter(status=status)
    if week_from:
        rows = rows.filter(week_start__gte=week_from)
    if week_to:
        rows = rows.filter(week_start__lte=week_to)
    return paginate(rows, page, page_size)


@router.post("/weeks/submit", response=schemas.Week)
def week_submit_endpoint(request, payload: schemas.WeekSubmit):
    """The expert hands in a week (its Monday) for approval."""
    require_scope(request, Scope.WEEKS_WRITE)
    expert = (
        experts_visible_to(request.user, roles=request_roles(request))
        .filter(code=payload.expert)
        .first()
    )
    if expert is None:
        raise ApiError(
            422,
            _("La demande est refusée : voyez chaque champ dans « errors »."),
            errors=[
                {
                    "field": "body.expert",
                    "message": _("Expert inconnu ou hors de votre portée : %s.") % payload.expert,
                }
            ],
        )
    return week_submit(expert=expert, week_start=payload.week_start, by=request.user)


@router.post("/weeks/{int:week_id}/approve", response=schemas.Week)
def week_approve_endpoint(request, week_id: Id):
    require_scope(request, Scope.WEEKS_WRITE)
    return week_approve(week=_week_for_decision(request, week_id), by=request.user)


@router.post("/weeks/{int:week_id}/return", response=schemas.Week)
def week_return_endpoint(request, week_id: Id, payload: schemas.WeekReturn):
    require_scope(request, Scope.WEEKS_WRITE)
    return week_return(
        week=_week_for_decision(request, week_id), by=request.user, reason=payload.reason
    )
