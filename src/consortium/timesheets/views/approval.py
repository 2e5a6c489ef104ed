"""Directors approve the weeks their experts submit, send them back with a reason, or reopen them.

The list is for directors and administrators (403 for other roles); a week outside the user's
reach (`accounts.access.week_for_approval`) is a 404 on its page and on every action, whoever asks.
"""

import datetime as dt
from decimal import Decimal

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import dateformat, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from consortium.accounts.access import (
    departments_reviewed_by,
    request_roles,
    role_required,
    week_for_approval,
)
from consortium.accounts.models import RoleKind
from consortium.core.listing import clear_filters_url, filter_chips
from consortium.core.locks import locked_ranges
from consortium.staff.models import Expert
from consortium.timesheets.models import TimesheetWeek, WeekStatus
from consortium.timesheets.selectors import review
from consortium.timesheets.services import weeks as week_services

RECENT_DECISIONS_DAYS = 30
RECENT_DECISIONS_SHOWN = 50
WORKDAYS_A_WEEK = 5


def expected_week_hours() -> Decimal:
    """The hours a full week holds: the expected workday five times (35 h by default)."""
    return Decimal(str(settings.WORKDAY_HOURS)) * WORKDAYS_A_WEEK


class ApprovalFilterForm(forms.Form):
    department = forms.TypedChoiceField(
        label=gettext_lazy("Département"), required=False, coerce=int, empty_value=None
    )
    expert = forms.TypedChoiceField(
        label=gettext_lazy("Expert"), required=False, coerce=int, empty_value=None
    )

    def __init__(self, *args, departments, experts, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        everyone = [("", _("Tous"))]
        self.fields["department"].choices = everyone + [(d.pk, str(d)) for d in departments]
        self.fields["expert"].choices = everyone + [(e.pk, e.full_name) for e in experts]


class WeekReturnForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Motif du renvoi"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text=gettext_lazy("L'expert verra ce motif et pourra corriger sa semaine."),
    )
    # Asked only when the week touches a locked period (`_locked_part`): its expert cannot
    # correct those days until finance unlocks them.
    understood = forms.BooleanField(
        label=gettext_lazy(
            "Je comprends que l'expert ne pourra pas corriger les jours verrouillés."
        ),
        required=False,
    )


def _day_and_month(day: dt.date) -> str:
    return dateformat.format(day, _("j F"))


def _report_refusal(request: HttpRequest, error: ValidationError | PermissionDenied) -> None:
    """Show why a service refused, as error messages on the next page."""
    if isinstance(error, ValidationError):
        refusals = error.messages
    else:
        refusals = [str(error) or _("Cette action ne vous est pas permise.")]
    for message in refusals:
        messages.error(request, message)


@role_required(RoleKind.DIRECTOR)
def approval_list(request: HttpRequest) -> HttpResponse:
    roles = request_roles(request)
    departments = list(departments_reviewed_by(request.user, roles=roles))
    experts = list(
        Expert.objects.filter(department__in=[d.pk for d in departments])
        .exclude(user=request.user)
        .order_by("last_name", "first_name")
    )
    filters = ApprovalFilterForm(request.GET or None, departments=departments, experts=experts)
    department_id = expert_id = None
    if filters.is_valid():
        department_id = filters.cleaned_data["department"]
        expert_id = filters.cleaned_data["expert"]
    awaiting = [
        week
        for week in review.weeks_awaiting_approval(request.user)
        if department_id in (None, week.expert.department_id)
        and expert_id in (None, week.expert_id)
    ]
    expected = expected_week_hours()
    locks = (
        locked_ranges(min(w.week_start for w in awaiting), max(w.week_end for w in awaiting))
        if awaiting
        else []
    )
    for week in awaiting:
        week.gap = (week.hours or Decimal(0)) - expected
        week.gap_size = abs(week.gap)
        week.touches_lock = _touches(week, locks)
    decided = review.weeks_recently_decided(
        request.user,
        since=timezone.now() - dt.timedelta(days=RECENT_DECISIONS_DAYS),
        roles=roles,
        department_id=department_id,
        expert_id=expert_id,
        limit=RECENT_DECISIONS_SHOWN,
    )
    return render(
        request,
        "timesheets/approval_list.html",
        {
            "filters": filters,
            "chips": filter_chips(request, filters),
            "clear_url": clear_filters_url(request, filters),
            "awaiting": awaiting,
            "expected": expected,
            "any_locked": any(week.touches_lock for week in awaiting),
            "return_form": WeekReturnForm(auto_id="list_%s"),
            "decided": decided,
            "recent_days": RECENT_DECISIONS_DAYS,
            "decided_cut": len(decided) == RECENT_DECISIONS_SHOWN,
        },
    )


def _touches(week: TimesheetWeek, locks: list[tuple[dt.date, dt.date]]) -> bool:
    return any(start <= week.week_end and end >= week.week_start for start, end in locks)


def _locked_part(week: TimesheetWeek) -> tuple[dt.date, dt.date] | None:
    """The days of the week a lock covers, as (first, last), or None."""
    sunday = week.week_start + dt.timedelta(days=6)
    days = [
        day
        for start, end in locked_ranges(week.week_start, sunday)
        for day in (max(start, week.week_start), min(end, sunday))
    ]
    return (min(days), max(days)) if days else None


def _detail_context(week: TimesheetWeek, return_form: WeekReturnForm | None = None) -> dict:
    history_url = reverse("timesheets:audit_trail")
    history_query = f"?expert={week.expert_id}&du={week.week_start.isoformat()}"
    return {
        "week": week,
        "title": _("Semaine de %(expert)s du %(day)s")
        % {"expert": week.expert.full_name, "day": dateformat.format(week.week_start, _("j F Y"))},
        "grid": review.week_grid(week),
        "expected": expected_week_hours(),
        "changes": review.week_entry_changes(week),
        "return_form": return_form or WeekReturnForm(),
        "history_url": history_url + history_query,
        "is_submitted": week.status == WeekStatus.SUBMITTED,
        "is_approved": week.status == WeekStatus.APPROVED,
        "locked_part": _locked_part(week),
    }


@login_required
def approval_detail(request: HttpRequest, week_id: int) -> HttpResponse:
    week = week_for_approval(request.user, week_id, among=TimesheetWeek.objects.all())
    return render(request, "timesheets/approval_detail.html", _detail_context(week))


def _decided(request: HttpRequest, week: TimesheetWeek, message: str) -> None:
    messages.success(
        request,
        message % {"expert": week.expert.full_name, "day": _day_and_month(week.week_start)},
    )


@login_required
@require_POST
def week_approve(request: HttpRequest, week_id: int) -> HttpResponse:
    week = week_for_approval(request.user, week_id, among=TimesheetWeek.objects.all())
    try:
        week_services.week_approve(week=week, by=request.user)
    except (ValidationError, PermissionDenied) as error:
        _report_refusal(request, error)
        return redirect("timesheets:approval_detail", week_id=week.pk)
    _decided(request, week, _("Semaine de %(expert)s du %(day)s approuvée."))
    if request.POST.get("then") == "next":
        following = review.weeks_awaiting_approval(request.user)
        if following:
            return redirect("timesheets:approval_detail", week_id=following[0].pk)
        messages.info(request, _("Plus aucune semaine n'attend votre approbation."))
    return redirect("timesheets:approval_list")


@login_required
@require_POST
def week_return(request: HttpRequest, week_id: int) -> HttpResponse:
    week = week_for_approval(request.user, week_id, among=TimesheetWeek.objects.all())
    form = WeekReturnForm(request.POST)
    if form.is_valid() and _locked_part(week) and not form.cleaned_data["understood"]:
        form.add_error(
            "understood",
            _(
                "Cette semaine touche une période verrouillée : confirmez que vous la renvoyez "
                "quand même."
            ),
        )
    if form.is_valid():
        try:
            week_services.week_return(
                week=week, by=request.user, reason=form.cleaned_data["reason"]
            )
        except PermissionDenied as error:
            _report_refusal(request, error)
            return redirect("timesheets:approval_detail", week_id=week.pk)
        except ValidationError as error:
            if "reason" in getattr(error, "error_dict", {}):
                form.add_error("reason", error.error_dict["reason"])
            else:
                _report_refusal(request, error)
                return redirect("timesheets:approval_detail", week_id=week.pk)
        else:
            _decided(request, week, _("Semaine de %(expert)s du %(day)s renvoyée."))
            return redirect("timesheets:approval_list")
    return render(
        request, "timesheets/approval_detail.html", _detail_context(week, form), status=400
    )


@login_required
@require_POST
def week_reopen(request: HttpRequest, week_id: int) -> HttpResponse:
    week = week_for_approval(request.user, week_id, among=TimesheetWeek.objects.all())
    try:
        week_services.week_reopen(week=week, by=request.user)
    except (ValidationError, PermissionDenied) as error:
        _report_refusal(request, error)
    else:
        _decided(request, week, _("Semaine de %(expert)s du %(day)s rouverte."))
    return redirect("timesheets:approval_detail", week_id=week.pk)


@role_required(RoleKind.DIRECTOR)
@require_POST
def week_approve_many(request: HttpRequest) -> HttpResponse:
    """Approve the weeks ticked on the list: all of them, or none if one is refused."""
    ids = {int(value) for value in request.POST.getlist("week") if value.isdigit()}
    # Only weeks within the user's reach count: a forged id outside it is ignored, not approved.
    weeks = [week for week in review.weeks_awaiting_approval(request.user) if week.pk in ids]
    if not weeks:
        messages.warning(request, _("Cochez au moins une semaine à approuver."))
        return redirect("timesheets:approval_list")
    try:
        week_services.week_approve_many(weeks=weeks, by=request.user)
    except (ValidationError, PermissionDenied) as error:
        _report_refusal(request, error)
        messages.error(request, _("Aucune semaine n'a été approuvée."))
        return redirect("timesheets:approval_list")
    messages.success(
        request,
        _("%(count)s semaines approuvées.") % {"count": len(weeks)}
        if len(weeks) > 1
        else _("Semaine de %(expert)s du %(day)s approuvée.")
        % {"expert": weeks[0].expert.full_name, "day": _day_and_month(weeks[0].week_start)},
    )
    return redirect("timesheets:approval_list")


@role_required(RoleKind.DIRECTOR)
@require_POST
def week_return_many(request: HttpRequest) -> HttpResponse:
    """Send the weeks ticked on the list back with one reason: all of them, or none."""
    ids = {int(value) for value in request.POST.getlist("week") if value.isdigit()}
    weeks = [week for week in review.weeks_awaiting_approval(request.user) if week.pk in ids]
    if not weeks:
        messages.warning(request, _("Cochez au moins une semaine à renvoyer."))
        return redirect("timesheets:approval_list")
    form = WeekReturnForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Indiquez pourquoi les semaines sont renvoyées."))
        return redirect("timesheets:approval_list")
    locks = locked_ranges(min(w.week_start for w in weeks), max(w.week_end for w in weeks))
    locked = [week for week in weeks if _touches(week, locks)]
    if locked and not form.cleaned_data["understood"]:
        messages.error(
            request,
            _(
                "Ces semaines touchent une période verrouillée : %(weeks)s. Confirmez que vous "
                "les renvoyez quand même."
            )
            % {
                "weeks": ", ".join(
                    f"{week.expert.full_name} ({_day_and_month(week.week_start)})"
                    for week in locked
                )
            },
        )
        return redirect("timesheets:approval_list")
    try:
        week_services.week_return_many(
            weeks=weeks, by=request.user, reason=form.cleaned_data["reason"]
        )
    except (ValidationError, PermissionDenied) as error:
        _report_refusal(request, error)
        messages.error(request, _("Aucune semaine n'a été renvoyée."))
        return redirect("timesheets:approval_list")
    messages.success(
        request,
        _("%(count)s semaines renvoyées.") % {"count": len(weeks)}
        if len(weeks) > 1
        else _("Semaine de %(expert)s du %(day)s renvoyée.")
        % {"expert": weeks[0].expert.full_name, "day": _day_and_month(weeks[0].week_start)},
    )
    return redirect("timesheets:approval_list")
