"""The audit trail of an expert's hours: every change (who, when, before, after) over a period,
on the page and as CSV, with the files imported meanwhile.

For directors (their departments' experts), finance and administrators (everyone): 403 for other
roles, 404 for an expert outside the user's reach.
"""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django import forms
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from consortium.accounts.access import (
    experts_audit_readable_by,
    pick_or_404,
    request_roles,
    role_required,
)
from consortium.accounts.models import RoleKind
from consortium.core.exports import CSV_CONTENT_TYPE, csv_line
from consortium.core.fiscal_years import Period, month_period
from consortium.core.formatting import person
from consortium.core.forms import SupportedDateField
from consortium.core.listing import page_links, paginate
from consortium.staff.models import Expert
from consortium.timesheets.models import TimeEntryChange
from consortium.timesheets.selectors import review

CHANGES_PER_PAGE = 50
IMPORTS_SHOWN = 50


class AuditFilterForm(forms.Form):
    expert = forms.TypedChoiceField(label=gettext_lazy("Expert"), coerce=int)
    du = SupportedDateField(
        label=gettext_lazy("Du"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    au = SupportedDateField(
        label=gettext_lazy("Au"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )

    def __init__(self, *args, experts: list[Expert], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["expert"].choices = [("", _("Choisissez un expert"))] + [
            (expert.pk, f"{expert.full_name} ({expert.department.code})") for expert in experts
        ]

    def clean(self) -> dict:
        cleaned = super().clean()
        start, end = cleaned.get("du"), cleaned.get("au")
        if start and end and end < start:
            self.add_error("au", _("La période se termine avant de commencer."))
        return cleaned


@dataclass
class AuditRow:
    """One change as the table shows it: each value before and after (None: none)."""

    change: TimeEntryChange
    day_before: dt.date | None
    day_after: dt.date | None
    mandate_before: str | None
    mandate_after: str | None
    hours_before: Decimal | None
    hours_after: Decimal | None
    comment_before: str | None
    comment_after: str | None
    # "08:30–12:00" for an entry kept with its start and end (the audit trail stores them only
    # then), else None.
    times_before: str | None = None
    times_after: str | None = None

    @classmethod
    def of(cls, change: TimeEntryChange) -> "AuditRow":
        before, after = change.before or {}, change.after or {}

        def hours(state: dict) -> Decimal | None:
            return Decimal(state["hours"]) if state.get("hours") else None

        def day(state: dict) -> dt.date | None:
            return dt.date.fromisoformat(state["date"]) if state.get("date") else None

        def times(state: dict) -> str | None:
            return f"{state['start']}–{state['end']}" if state.get("start") else None

        return cls(
            change=change,
            day_before=day(before),
            day_after=day(after),
            mandate_before=before.get("mandate"),
            mandate_after=after.get("mandate"),
            hours_before=hours(before),
            hours_after=hours(after),
            comment_before=before.get("description") if change.before else None,
            comment_after=after.get("description") if change.after else None,
            times_before=times(before),
            times_after=times(after),
        )

    @property
    def day(self) -> dt.date:
        return self.day_after or self.day_before or self.change.date

    @property
    def day_moved(self) -> bool:
        return bool(self.day_before and self.day_after and self.day_before != self.day_after)

    @property
    def mandate(self) -> str:
        return self.mandate_after or self.mandate_before or self.change.mandate.code

    @property
    def mandate_moved(self) -> bool:
        return bool(
            self.mandate_before and self.mandate_after and self.mandate_before != self.mandate_after
        )

    @property
    def author(self) -> str:
        return person(self.change.changed_by)


def _filters(request: HttpRequest) -> tuple[AuditFilterForm, Expert | None, Period | None]:
    """The filter form, and the expert and period it names when valid; 404 for an expert
    outside the user's reach, whatever else the form holds."""
    experts = list(experts_audit_readable_by(request.user, roles=request_roles(request)))
    this_month = month_period(timezone.localdate().year, timezone.localdate().month)
    data = request.GET.copy()
    data.setdefault("du", this_month.start.isoformat())
    data.setdefault("au", this_month.end.isoformat())
    asked = data.get("expert", "")
    if asked:
        pick_or_404(
            experts,
            asked,
            _("Cet expert n'existe pas ou son historique ne vous est pas accessible."),
        )
    form = AuditFilterForm(data if asked else None, experts=experts, initial=data.dict())
    if not asked or not form.is_valid():
        return form, None, None
    expert = next(expert for expert in experts if expert.pk == form.cleaned_data["expert"])
    return form, expert, Period(form.cleaned_data["du"], form.cleaned_data["au"])


@role_required(RoleKind.DIRECTOR, RoleKind.FINANCE)
def audit_trail(request: HttpRequest) -> HttpResponse:
    form, expert, period = _filters(request)
    context: dict = {"form": form, "expert": expert, "period": period}
    if expert is not None and period is not None:
        page = paginate(request, review.audit_trail(request.user, expert, period), CHANGES_PER_PAGE)
        query = request.GET.copy()
        query.pop("page", None)
        context.update(
            page=page,
            page_links=page_links(request, page),
            rows=[AuditRow.of(change) for change in page.object_list],
            query=query.urlencode(),
            imports=list(review.time_entry_imports_during(period)[:IMPORTS_SHOWN]),
        )
    return render(request, "timesheets/audit_trail.html", context)


def _local(moment: dt.datetime) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M")


@role_required(RoleKind.DIRECTOR, RoleKind.FINANCE)
def audit_trail_csv(request: HttpRequest) -> HttpResponse:
    """The same changes as the page, every one of them, for a spreadsheet."""
    _form, expert, period = _filters(request)
    if expert is None or period is None:
        raise Http404(_("Choisissez un expert et une période."))
    response = HttpResponse(content_type=CSV_CONTENT_TYPE)
    filename = f"historique-{expert.code}-{period.start:%Y%m%d}-{period.end:%Y%m%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    # A byte-order mark so that spreadsheets read the accents right.
    response.write("\ufeff")
    response.write(
        csv_line(
            [
                _("Quand"),
                _("Qui"),
                _("Action"),
                _("Mandat"),
                _("Jour"),
                _("Heures avant"),
                _("Heures après"),
                _("Commentaire avant"),
                _("Commentaire après"),
                _("Début et fin avant"),
                _("Début et fin après"),
            ]
        )
    )
    for change in review.audit_trail(request.user, expert, period).iterator(chunk_size=2000):
        row = AuditRow.of(change)
        # Hours stay numbers and the day a date: only the text cells are escaped.
        response.write(
            csv_line(
                [
                    _local(change.changed_at),
                    row.author,
                    change.action_label,
                    row.mandate,
                    row.day,
                    row.hours_before,
                    row.hours_after,
                    row.comment_before,
                    row.comment_after,
                    row.times_before,
                    row.times_after,
                ]
            )
        )
    return response
