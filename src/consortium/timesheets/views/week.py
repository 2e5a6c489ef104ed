"""The expert's week: a grid of mandates × days where hours save cell by cell (HTMX).

The grid is the editor of the expert themself (and of administrators, who may edit anyone's
time through `?expert=<id>`); anybody else asking for an expert's week gets a 404. Every write
goes through the timesheet services, which hold the rules and say why they refuse.
"""

import datetime as dt
import functools
import time
from decimal import Decimal
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Sum
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponseNotAllowed,
)
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from consortium.accounts.access import (
    expert_for_time,
    experts_time_editable_by,
    request_holds,
    request_roles,
    time_entry_for_edit,
)
from consortium.accounts.models import RoleKind
from consortium.accounts.selectors import expert_for_user
from consortium.core.formatting import long_date
from consortium.core.numbers import id_from_text
from consortium.core.weeks import week_start_of
from consortium.staff.models import Expert
from consortium.timesheets import rules
from consortium.timesheets.forms import EntryCommentForm, WeekCellForm, WeekJumpForm
from consortium.timesheets.models import TimeEntry, WeekStatus
from consortium.timesheets.selectors.sheet import (
    PICKER_GROUPS,
    week_sheet,
    week_sheet_mandate,
    week_sheet_mandates_to_add,
    week_sheet_totals,
)
from consortium.timesheets.services.entries import time_entry_set, time_entry_update
from consortium.timesheets.services.rows import mandate_pin_set, week_row_add
from consortium.timesheets.services.rows import week_row_remove as week_row_remove_service
from consortium.timesheets.services.weeks import week_copy_previous, week_submit, week_withdraw
from consortium.timesheets.views.week_cells import (
    CellView,
    cell_label,
    copy_summary,
    day_headings,
    hours_text,
    row_view,
    week_notices,
)

# Past this many, the skipped copies are summed up rather than listed one by one.
_SKIPPED_LISTED = 12


# --- whose week ---------------------------------------------------------------------------------


class NotAnExpert(Exception):
    """The signed-in user logs no time and asked for no one else's week."""


def _expert_asked(request: HttpRequest) -> Expert:
    """The expert whose week the request is about; 404 for a week the user may not edit."""
    asked = request.GET.get("expert")
    if asked:
        return expert_for_time(request.user, asked)
    expert = expert_for_user(request.user)
    if expert is None:
        raise NotAnExpert
    return expert


def _expert_or_404(request: HttpRequest) -> Expert:
    try:
        return _expert_asked(request)
    except NotAnExpert as error:
        raise Http404(_("Votre compte n'est lié à aucun expert.")) from error


def _query(request: HttpRequest) -> str:
    """The query string that keeps an administrator on the expert they opened."""
    asked = request.GET.get("expert")
    return "?" + urlencode({"expert": asked}) if asked else ""


def _week_url(request: HttpRequest, week_start: dt.date) -> str:
    return reverse("timesheets:week_of", args=[week_start]) + _query(request)


def _cells_context(request: HttpRequest, week_start: dt.date) -> dict:
    """What a cell's template needs besides the cell: where it posts, for whom."""
    query = _query(request)
    return {
        "query": query,
        "week_start": week_start,
        "cell_url": reverse("timesheets:week_cell", args=[week_start]) + query,
    }


def _is_htmx(request: HttpRequest) -> bool:
    return request.headers.get("HX-Request") == "true"


def _post_or_back_to_week(view):
    """A week's action (copy, submit, withdraw) is a POST; a GET of its address — the sign-in
    page's `next` after a session expired under the form, say — goes back to the week saying
    nothing was done, instead of a bare 405. Other methods are still refused (405)."""

    @functools.wraps(view)
    def wrapped(request: HttpRequest, day: dt.date) -> HttpResponse:
        if request.method == "GET":
            messages.info(request, _("Rien n'a été fait : recommencez depuis la semaine."))
            return redirect(_week_url(request, week_start_of(day)))
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        return view(request, day)

    return wrapped


# --- pages ---------------------------------------------------------------------------------------


def _not_an_expert_page(request: HttpRequest) -> HttpResponse:
    experts = []
    if request_holds(request, [RoleKind.ADMINISTRATOR]):
        editable = experts_time_editable_by(request.user, roles=request_roles(request))
        experts = list(
            editable.order_by("last_name", "first_name").values_list(
                "pk", "first_name", "last_name", "code"
            )
        )
    return render(request, "timesheets/week_no_expert.html", {"experts": experts}, status=404)


@login_required
@require_GET
def week(request: HttpRequest) -> HttpResponse:
    """This week (or, with `?date=`, the week of that day)."""
    jump = WeekJumpForm(request.GET) if "date" in request.GET else None
    if jump is not None and jump.is_valid():
        return redirect(_week_url(request, week_start_of(jump.cleaned_data["date"])))
    return _week_page(request, week_start_of(timezone.localdate()))


@login_required
@require_GET
def week_of(request: HttpRequest, day: dt.date) -> HttpResponse:
    monday = week_start_of(day)
    if monday != day:
        return redirect(_week_url(request, monday))
    return _week_page(request, monday)


def _picker_groups(mandates: list[dict], *, is_own_week: bool) -> list[dict]:
    """The add-row picker's option groups, in the order it offers them, leaving out empty ones."""
    labels = {
        "pinned": _("Épinglés"),
        "assigned": _("Affectés"),
        "recent": _("Récents"),
        "department": _("Mon département") if is_own_week else _("Département de l’expert"),
        "other": _("Autres départements"),
    }
    return [
        {"label": labels[group], "mandates": chosen}
        for group in PICKER_GROUPS
        if (chosen := [mandate for mandate in mandates if mandate["group"] == group])
    ]


def _week_page(request: HttpRequest, week_start: dt.date) -> HttpResponse:
    try:
        expert = _expert_asked(request)
    except NotAnExpert:
        return _not_an_expert_page(request)
    sheet = week_sheet(expert, week_start)
    closed = sheet.is_closed
    to_add = []
    if not closed:
        to_add = week_sheet_mandates_to_add(
            expert, week_start, exclude_ids=[row.mandate_id for row in sheet.rows]
        )
    today = timezone.localdate()
    context = {
        "sheet": sheet,
        "expert": expert,
        "is_own_week": expert.user_id == request.user.pk,
        "week_start": week_start,
        "week_end": sheet.days[-1],
        "title": _("Semaine du %(date)s") % {"date": long_date(week_start)},
        "week_label": long_date(week_start),
        "status_label": WeekStatus(sheet.status).label,
        "editable": not closed,
        "notices": week_notices(sheet),
        "days": day_headings(sheet),
        "rows": [row_view(row, closed=closed) for row in sheet.rows],
        "week_total": hours_text(sheet.total),
        "picker_groups": _picker_groups(to_add, is_own_week=expert.user_id == request.user.pk),
        **_cells_context(request, week_start),
        "expert_param": request.GET.get("expert", ""),
        "previous_week": week_start - dt.timedelta(days=7),
        "next_week": week_start + dt.timedelta(days=7),
        "this_week": week_start_of(today),
        "is_this_week": week_start == week_start_of(today),
        "today": today,
        # The phone's one-day view opens on today when it is in the week, else on Monday.
        "shown_day": (today - week_start).days if 0 <= (today - week_start).days < 7 else 0,
        "jump_form": WeekJumpForm(initial={"date": week_start.isoformat()}),
    }
    return render(request, "timesheets/week.html", context)


def _row_mandate(request: HttpRequest, week_start: dt.date, mandate_id: int):
    expert = _expert_or_404(request)
    mandate = week_sheet_mandate(expert, week_start, mandate_id)
    if mandate is None:
        raise Http404(_("Ce mandat n'est pas ouvert cette semaine."))
    return expert, mandate


@login_required
@_post_or_back_to_week
def week_row(request: HttpRequest, day: dt.date) -> HttpResponse:
    """Add a mandate's row to the week: it stays in the grid without hours, after a reload too.
    HTMX gets the new row; a plain form goes back to the week."""
    week_start = week_start_of(day)
    mandate_id = id_from_text(request.POST.get("mandate", ""))
    if mandate_id is None:
        return HttpResponseBadRequest(_("Choisissez un mandat."))
    expert, mandate = _row_mandate(request, week_start, mandate_id)
    try:
        week_row_add(expert=expert, week_start=week_start, mandate=mandate, by=request.user)
    except PermissionDenied as error:
        raise Http404 from error
    if not _is_htmx(request):
        return redirect(_week_url(request, week_start))
    sheet = week_sheet(expert, week_start)
    row = next(row for row in sheet.rows if row.mandate_id == mandate_id)
    context = {"row": row_view(row, closed=sheet.is_closed), **_cells_context(request, week_start)}
    return render(request, "timesheets/_week_row.html", context)


def _grid_message(request: HttpRequest, week_start: dt.date, message: str) -> HttpResponse:
    """A refusal said next to the grid (HTMX) or as the week's message (a plain form)."""
    if not _is_htmx(request):
        messages.error(request, message)
        return redirect(_week_url(request, week_start))
    response = HttpResponse(message)
    response["HX-Retarget"] = "#grid-message"
    response["HX-Reswap"] = "innerHTML"
    return response


@login_required
@require_POST
def week_row_remove(request: HttpRequest, day: dt.date, mandate_id: int) -> HttpResponse:
    """Take a row without hours out of the week's grid (it stays out after a reload)."""
    week_start = week_start_of(day)
    expert, mandate = _row_mandate(request, week_start, mandate_id)
    try:
        week_row_remove_service(
            expert=expert, week_start=week_start, mandate=mandate, by=request.user
        )
    except PermissionDenied as error:
        raise Http404 from error
    except ValidationError as refused:
        return _grid_message(request, week_start, " ".join(refused.messages))
    if not _is_htmx(request):
        messages.success(
            request, _("Ligne %(code)s retirée de la semaine.") % {"code": mandate.code}
        )
        return redirect(_week_url(request, week_start))
    return HttpResponse("")


@login_required
@require_POST
def week_row_pin(request: HttpRequest, day: dt.date, mandate_id: int) -> HttpResponse:
    """Pin a row's mandate to every week of the grid while it is open, or unpin it."""
    week_start = week_start_of(day)
    expert, mandate = _row_mandate(request, week_start, mandate_id)
    try:
        pinned = mandate_pin_set(
            expert=expert,
            mandate=mandate,
            pinned=request.POST.get("pinned") == "1",
            by=request.user,
        )
    except PermissionDenied as error:
        raise Http404 from error
    if not _is_htmx(request):
        return redirect(_week_url(request, week_start))
    context = {
        "row": {"mandate_id": mandate.pk, "code": mandate.code, "pinned": pinned},
        **_cells_context(request, week_start),
    }
    return render(request, "timesheets/_week_row_pin.html", context)


@login_required
@require_POST
def week_cell(request: HttpRequest, day: dt.date) -> HttpResponse:
    """Save one cell through the services; answer the cell and, out of band, the totals."""
    week_start = week_start_of(day)
    expert = _expert_or_404(request)
    form = WeekCellForm(request.POST)
    form.is_valid()
    if "mandate" in form.errors or "day" in form.errors:
        return HttpResponseBadRequest(_("Cellule inconnue."))
    cell_day = form.cleaned_data["day"]
    if week_start_of(cell_day) != week_start:
        return HttpResponseBadRequest(_("Ce jour n'est pas de cette semaine."))
    mandate = week_sheet_mandate(expert, week_start, form.cleaned_data["mandate"])
    if mandate is None:
        raise Http404(_("Ce mandat n'est pas ouvert cette semaine."))
    entry = None
    error = ""
    if "hours" in form.errors:
        error = " ".join(form.errors["hours"])
    else:
        try:
            entry = time_entry_set(
                expert=expert,
                mandate=mandate,
                date=cell_day,
                hours=form.cleaned_data["hours"],
                by=request.user,
            )
        except ValidationError as refused:
            error = " ".join(refused.messages)
    count = 1 if entry else 0
    value = hours_text(entry and entry.hours)
    if error:
        # A refused cell keeps the typed value to correct, and the entry it holds, for its
        # comment; a cell of several entries shows their sum and opens their list.
        entries = list(TimeEntry.objects.filter(expert=expert, mandate=mandate, date=cell_day)[:2])
        count = len(entries)
        entry = entries[0] if count == 1 else None
        value = request.POST.get("hours", "")
        if count > 1:
            value = hours_text(
                TimeEntry.objects.filter(expert=expert, mandate=mandate, date=cell_day).aggregate(
                    total=Sum("hours")
                )["total"]
            )
    cell = CellView(
        mandate_id=mandate.pk,
        code=mandate.code,
        day=cell_day,
        value=value,
        readonly=False,
        entry_id=entry.pk if entry else None,
        comment=entry.description if entry else "",
        error=error,
        entries=count,
    )
    context = {"cell": cell, **_cells_context(request, week_start)}
    if not error:
        row_total, day_total, week_total = week_sheet_totals(
            expert.pk, week_start, mandate_id=mandate.pk, day=cell_day
        )
        context["totals"] = {
            "row": hours_text(row_total),
            "day": hours_text(day_total),
            "week": hours_text(week_total),
            # When they were read: saves that overlap answer out of order, and the page keeps
            # the latest totals, not the last to arrive (week.js).
            "at": time.time_ns(),
        }
    if not _is_htmx(request):
        if error:
            messages.error(request, f"{cell.label} : {error}")
        return redirect(_week_url(request, week_start))
    # Rendered without the request: a cell needs neither the user's roles nor a CSRF token.
    return HttpResponse(render_to_string("timesheets/_week_cell_saved.html", context))


@login_required
@require_http_methods(["GET", "POST"])
def week_comment(request: HttpRequest, entry_id: int) -> HttpResponse:
    """The comment of one entry: the inline form (HTMX) or its own page, and its saving."""
    entry = time_entry_for_edit(request.user, entry_id, among=TimeEntry.objects.all())
    week_start = week_start_of(entry.date)
    cell = CellView(
        mandate_id=entry.mandate_id,
        code=entry.mandate.code,
        day=entry.date,
        value=hours_text(entry.hours),
        readonly=False,
        entry_id=entry.pk,
        comment=entry.description,
    )
    form = EntryCommentForm(request.POST or None, initial={"comment": entry.description})
    if request.method == "POST" and form.is_valid():
        try:
            entry = time_entry_update(
                entry=entry, description=form.cleaned_data["comment"], by=request.user
            )
        except ValidationError as refused:
            form.add_error(None, " ".join(refused.messages))
        else:
            cell.comment = entry.description
            if not _is_htmx(request):
                messages.success(request, _("Commentaire enregistré."))
                return redirect(_week_url(request, week_start))
            context = {"cell": cell, **_cells_context(request, week_start)}
            return render(request, "timesheets/_week_comment_saved.html", context)
    context = {
        "cell": cell,
        "form": form,
        "query": _query(request),
        "week_start": week_start,
        "week_url": _week_url(request, week_start),
    }
    if _is_htmx(request):
        response = render(request, "timesheets/_week_comment_form.html", context)
        if request.method == "POST":
            # A refused comment goes back to the form, not into the cell the form aimed at.
            response["HX-Retarget"] = "#comment-panel"
            response["HX-Reswap"] = "innerHTML"
        return response
    return render(request, "timesheets/week_comment.html", context)


@login_required
@_post_or_back_to_week
def week_copy(request: HttpRequest, day: dt.date) -> HttpResponse:
    """Copy the previous week's hours into this week, then show what was and was not copied."""
    week_start = week_start_of(day)
    expert = _expert_or_404(request)
    try:
        copy = week_copy_previous(expert=expert, week_start=week_start, by=request.user)
    except PermissionDenied as error:
        raise Http404 from error
    except ValidationError as refused:
        messages.error(request, " ".join(refused.messages))
        return redirect(_week_url(request, week_start))
    if not (copy.copied or copy.present or copy.skipped):
        messages.info(request, _("La semaine précédente n'a aucune heure à copier."))
    elif copy.copied or copy.present:
        messages.success(request, copy_summary(copy.copied, copy.present))
    for skipped in copy.skipped[:_SKIPPED_LISTED]:
        messages.warning(
            request,
            _("Non copiée — %(cell)s : %(reason)s")
            % {"cell": cell_label(skipped.mandate_code, skipped.day), "reason": skipped.reason},
        )
    if len(copy.skipped) > _SKIPPED_LISTED:
        more = len(copy.skipped) - _SKIPPED_LISTED
        messages.warning(
            request,
            ngettext(
                "Et %(count)s autre entrée non copiée.",
                "Et %(count)s autres entrées non copiées.",
                more,
            )
            % {"count": more},
        )
    return redirect(_week_url(request, week_start))


@login_required
@_post_or_back_to_week
def week_submit_view(request: HttpRequest, day: dt.date) -> HttpResponse:
    """Hand the week in for approval; an empty week, a week not begun, a total other than the
    expected week or a day over the expected workday asks to confirm first, saying why."""
    week_start = week_start_of(day)
    expert = _expert_or_404(request)
    if request.POST.get("confirmed") != "1":
        sheet = week_sheet(expert, week_start)
        warnings = []
        if not sheet.is_closed:
            warnings = rules.submission_warnings(
                sheet.days,
                sheet.day_totals,
                today=timezone.localdate(),
                workday=Decimal(str(settings.WORKDAY_HOURS)),
            )
        if warnings:
            return render(
                request,
                "timesheets/week_submit_confirm.html",
                {
                    "title": _("Soumettre la semaine du %(date)s ?")
                    % {"date": long_date(week_start)},
                    "warnings": warnings,
                    "week_start": week_start,
                    "query": _query(request),
                    "week_url": _week_url(request, week_start),
                },
            )
    return _week_action(
        request,
        week_submit,
        expert,
        week_start,
        _("Semaine du %(date)s soumise pour approbation."),
    )


def _week_action(request, action, expert: Expert, week_start: dt.date, done: str):
    """Run a week's `action` (submit, withdraw) for the user, then back to the week with its
    message: `done` on success, the service's refusal otherwise (404 for a week out of reach)."""
    try:
        action(expert=expert, week_start=week_start, by=request.user)
    except PermissionDenied as error:
        raise Http404 from error
    except ValidationError as refused:
        messages.error(request, " ".join(refused.messages))
    else:
        messages.success(request, done % {"date": long_date(week_start)})
    return redirect(_week_url(request, week_start))


@login_required
@_post_or_back_to_week
def week_withdraw_view(request: HttpRequest, day: dt.date) -> HttpResponse:
    """Take back a submitted week before a director decides it."""
    week_start = week_start_of(day)
    return _week_action(
        request,
        week_withdraw,
        _expert_or_404(request),
        week_start,
        _("Semaine du %(date)s retirée : vous pouvez la modifier et la soumettre de nouveau."),
    )
