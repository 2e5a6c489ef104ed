"""The entries of one cell of the week (one mandate, one day), one by one: the list a cell of
several entries opens (HTMX, into the panel under the grid), where each is changed or deleted
and more are added, with an optional start and end. Every answer also redraws the cell and the
totals out of band. Every write goes through the timesheet services."""

import datetime as dt
from decimal import Decimal

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from consortium.accounts.access import time_entry_for_edit
from consortium.core.weeks import week_start_of
from consortium.mandates.models import Mandate
from consortium.staff.models import Expert
from consortium.timesheets.forms import hours_from_text
from consortium.timesheets.models import TimeEntry
from consortium.timesheets.selectors.ledger import closed_weeks
from consortium.timesheets.selectors.sheet import week_sheet_mandate, week_sheet_totals
from consortium.timesheets.services.entries import (
    time_entry_delete,
    time_entry_record,
    time_entry_update,
)
from consortium.timesheets.views.week import (
    _cells_context,
    _expert_or_404,
    _is_htmx,
    _query,
    _week_url,
)
from consortium.timesheets.views.week_cells import CellView, cell_label, hours_text


class EntryForm(forms.Form):
    """One entry of the day's list: hours, or a start and an end that make them."""

    description = forms.CharField(
        label=gettext_lazy("Description"), required=False, max_length=2000
    )
    start = forms.TimeField(label=gettext_lazy("Début"), required=False, input_formats=["%H:%M"])
    end = forms.TimeField(label=gettext_lazy("Fin"), required=False, input_formats=["%H:%M"])
    hours = forms.CharField(label=gettext_lazy("Heures"), required=False, max_length=20)

    def clean_hours(self) -> Decimal | None:
        try:
            return hours_from_text(self.cleaned_data["hours"])
        except ValueError as error:
            raise forms.ValidationError(str(error)) from error

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        if bool(data.get("start")) != bool(data.get("end")):
            raise forms.ValidationError(_("Indiquez le début et la fin, ou ni l'un ni l'autre."))
        if data.get("start"):
            # The times make the hours: typed hours that disagree would only be refused.
            data["hours"] = None
        elif data.get("hours") is None:
            raise forms.ValidationError(_("Indiquez les heures, ou le début et la fin."))
        return data


def _errors_of(form: forms.Form) -> str:
    return " ".join(message for messages in form.errors.values() for message in messages)


def _cell(expert: Expert, mandate: Mandate, day: dt.date, entries: list[TimeEntry]) -> CellView:
    total = sum((entry.hours for entry in entries), Decimal(0)) if entries else None
    one = entries[0] if len(entries) == 1 else None
    return CellView(
        mandate_id=mandate.pk,
        code=mandate.code,
        day=day,
        value=hours_text(total),
        readonly=False,
        entry_id=one.pk if one else None,
        comment=one.description if one else "",
        entries=len(entries),
    )


def _day_entries(
    request: HttpRequest,
    expert: Expert,
    mandate: Mandate,
    day: dt.date,
    *,
    form: EntryForm | None = None,
    error: str = "",
    focus: str = "",
    status: int = 200,
) -> HttpResponse:
    """The list (HTMX: with the cell and the totals out of band; else its own page)."""
    week_start = week_start_of(day)
    entries = list(
        TimeEntry.objects.filter(expert=expert, mandate=mandate, date=day).order_by(
            "start_time", "pk"
        )
    )
    for entry in entries:
        entry.hours_text = hours_text(entry.hours)  # 7,5 / 7.5, as the grid writes it
    closed = bool(closed_weeks(expert.pk, [day]))
    query = _query(request)
    context = {
        **_cells_context(request, week_start),
        "label": cell_label(mandate.code, day),
        "cell_key": f"{mandate.pk}-{day.isoformat()}",
        "entries": entries,
        "editable": not closed,
        "form": form or EntryForm(),
        "error": error,
        "focus": focus,
        "list_url": reverse("timesheets:week_day_entries", args=[day, mandate.pk]) + query,
        "week_url": _week_url(request, week_start),
    }
    if not _is_htmx(request):
        return render(request, "timesheets/week_day_entries.html", context, status=status)
    row_total, day_total, week_total = week_sheet_totals(
        expert.pk, week_start, mandate_id=mandate.pk, day=day
    )
    context["cell"] = _cell(expert, mandate, day, entries)
    context["oob"] = True
    context["totals"] = {
        "row": hours_text(row_total),
        "day": hours_text(day_total),
        "week": hours_text(week_total),
    }
    # An error answers 200: HTMX swaps only successful answers, and the list must show it.
    return render(request, "timesheets/_week_day_entries_saved.html", context)


def _cell_of(request: HttpRequest, day: dt.date, mandate_id: int) -> tuple[Expert, Mandate]:
    expert = _expert_or_404(request)
    mandate = week_sheet_mandate(expert, week_start_of(day), mandate_id)
    if mandate is None:
        raise Http404(_("Ce mandat n'est pas ouvert cette semaine."))
    return expert, mandate


def _done(request: HttpRequest, message: str, list_url: str) -> HttpResponse | None:
    """Without HTMX, a write ends on the list again (post, redirect, get)."""
    if _is_htmx(request):
        return None
    messages.success(request, message)
    return redirect(list_url)


@login_required
@require_http_methods(["GET", "POST"])
def week_day_entries(request: HttpRequest, day: dt.date, mandate_id: int) -> HttpResponse:
    """The entries of one mandate on one day; a POST adds one."""
    expert, mandate = _cell_of(request, day, mandate_id)
    if request.method == "GET":
        return _day_entries(request, expert, mandate, day)
    form = EntryForm(request.POST)
    if not form.is_valid():
        return _day_entries(request, expert, mandate, day, form=form, error=_errors_of(form))
    data = form.cleaned_data
    try:
        time_entry_record(
            expert=expert,
            mandate=mandate,
            date=day,
            hours=data["hours"],
            description=data["description"],
            start_time=data["start"],
            end_time=data["end"],
            by=request.user,
        )
    except ValidationError as refused:
        error = " ".join(refused.messages)
        return _day_entries(request, expert, mandate, day, form=form, error=error)
    list_url = reverse("timesheets:week_day_entries", args=[day, mandate.pk]) + _query(request)
    return _done(request, _("Entrée ajoutée."), list_url) or _day_entries(
        request, expert, mandate, day, focus="new"
    )


@login_required
@require_POST
def week_entry_change(request: HttpRequest, entry_id: int) -> HttpResponse:
    """Change one entry of the list: its description, times and hours."""
    entry = time_entry_for_edit(request.user, entry_id, among=TimeEntry.objects.all())
    expert, mandate, day = entry.expert, entry.mandate, entry.date
    form = EntryForm(request.POST, prefix=f"entry-{entry.pk}")
    if not form.is_valid():
        return _day_entries(request, expert, mandate, day, error=_errors_of(form))
    data = form.cleaned_data
    try:
        time_entry_update(
            entry=entry,
            hours=data["hours"],
            description=data["description"],
            start_time=data["start"],
            end_time=data["end"],
            by=request.user,
        )
    except ValidationError as refused:
        return _day_entries(request, expert, mandate, day, error=" ".join(refused.messages))
    list_url = reverse("timesheets:week_day_entries", args=[day, mandate.pk]) + _query(request)
    return _done(request, _("Entrée modifiée."), list_url) or _day_entries(
        request, expert, mandate, day, focus=str(entry.pk)
    )


@login_required
@require_POST
def week_entry_delete(request: HttpRequest, entry_id: int) -> HttpResponse:
    """Delete one entry of the list."""
    entry = time_entry_for_edit(request.user, entry_id, among=TimeEntry.objects.all())
    expert, mandate, day = entry.expert, entry.mandate, entry.date
    try:
        time_entry_delete(entry=entry, by=request.user)
    except ValidationError as refused:
        return _day_entries(request, expert, mandate, day, error=" ".join(refused.messages))
    list_url = reverse("timesheets:week_day_entries", args=[day, mandate.pk]) + _query(request)
    return _done(request, _("Entrée supprimée."), list_url) or _day_entries(
        request, expert, mandate, day, focus="new"
    )
