"""Finance locks a month or a fiscal year, sees what each month of a year still waits for, and
unlocks a period when a correction is due. Finance and administrators only (403 for others)."""

import datetime as dt

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import dateformat, timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from consortium.accounts.access import role_required
from consortium.accounts.models import RoleKind
from consortium.core.fiscal_years import (
    Period,
    fiscal_year_bounds,
    fiscal_year_name_for,
    fiscal_year_period,
    month_period,
)
from consortium.core.forms import SupportedDateField, add_service_errors
from consortium.core.models import FiscalYear
from consortium.timesheets.models import PeriodKind, PeriodLock, PeriodLockEvent
from consortium.timesheets.selectors.overview import fiscal_year_overview, lock_warnings
from consortium.timesheets.services import locks as lock_services

MONTH_FORMAT_MESSAGE = gettext_lazy("Indiquez le mois sous la forme AAAA-MM, p. ex. 2026-11.")


class PeriodLockForm(forms.Form):
    kind = forms.ChoiceField(
        label=gettext_lazy("Type de période"),
        choices=PeriodKind.choices,
        initial=PeriodKind.MONTH,
    )
    # A text field, not the browser's month picker: Chromium's picker takes no typed
    # "2026-11", which the help text promises.
    month = SupportedDateField(
        label=gettext_lazy("Mois"),
        required=False,
        input_formats=["%Y-%m", "%Y-%m-%d", "%m/%Y"],
        widget=forms.DateInput(
            format="%Y-%m",
            attrs={"inputmode": "numeric", "autocomplete": "off", "placeholder": "2026-11"},
        ),
        help_text=gettext_lazy("Pour un mois : AAAA-MM, p. ex. 2026-11."),
        error_messages={
            "invalid": gettext_lazy("Indiquez le mois sous la forme AAAA-MM, p. ex. 2026-11.")
        },
    )
    fiscal_year = forms.ChoiceField(
        label=gettext_lazy("Exercice financier"),
        required=False,
        help_text=gettext_lazy("Pour un exercice complet."),
    )
    reason = forms.CharField(label=gettext_lazy("Motif"), required=False, max_length=255)
    # Sent by the confirmation's "Verrouiller quand même": finance has read the warnings.
    confirmed = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, fiscal_years: list[str], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["fiscal_year"].choices = [("", "—")] + [(name, name) for name in fiscal_years]

    def clean(self) -> dict:
        cleaned = super().clean()
        if (
            cleaned.get("kind") == PeriodKind.MONTH
            and not cleaned.get("month")
            and "month" not in self.errors
        ):
            self.add_error("month", _("Indiquez le mois à verrouiller."))
        if cleaned.get("kind") == PeriodKind.FISCAL_YEAR and not cleaned.get("fiscal_year"):
            self.add_error("fiscal_year", _("Choisissez l'exercice à verrouiller."))
        return cleaned


YEARS_OFFERED = 10
# The locks page shows the latest locks and unlocks; the admin keeps them all.
LOCK_HISTORY_LENGTH = 10


def _fiscal_year_names(today: dt.date) -> list[str]:
    """The stored fiscal years plus the current one and the ten before it, newest first."""
    names = set(FiscalYear.objects.values_list("name", flat=True))
    day = today
    for _year in range(YEARS_OFFERED + 1):
        name = fiscal_year_name_for(day)
        names.add(name)
        day = fiscal_year_bounds(name)[0] - dt.timedelta(days=1)
    return sorted(names, reverse=True)


def _shown_year(request: HttpRequest, today: dt.date) -> Period:
    name = request.GET.get("exercice") or fiscal_year_name_for(today)
    try:
        return fiscal_year_period(name)
    except ValueError:
        return fiscal_year_period(fiscal_year_name_for(today))


def _lock_label(lock: PeriodLock) -> str:
    if lock.kind == PeriodKind.FISCAL_YEAR:
        name = lock.fiscal_year.name if lock.fiscal_year else fiscal_year_name_for(lock.start)
        return _("Exercice %(name)s") % {"name": name}
    return capfirst(dateformat.format(lock.start, _("F Y")))


def _render_page(
    request: HttpRequest,
    form: PeriodLockForm | None = None,
    status: int = 200,
    *,
    confirm_lock: dict | None = None,
    confirm_unlock: dict | None = None,
) -> HttpResponse:
    today = timezone.localdate()
    year = _shown_year(request, today)
    fiscal_years = _fiscal_year_names(today)
    form = form or PeriodLockForm(fiscal_years=fiscal_years)
    locks = list(PeriodLock.objects.select_related("locked_by", "fiscal_year").order_by("-start"))
    history = list(PeriodLockEvent.objects.select_related("by")[:LOCK_HISTORY_LENGTH])
    overview = fiscal_year_overview(year)
    return render(
        request,
        "timesheets/period_lock_list.html",
        {
            "form": form,
            "locks": [(lock, _lock_label(lock)) for lock in locks],
            "history": history,
            "year": year,
            "overview": overview,
            "previous_year": fiscal_year_name_for(year.start - dt.timedelta(days=1)),
            "next_year": fiscal_year_name_for(year.end + dt.timedelta(days=1)),
            "lockable_until": _lockable_until(today),
            "confirm_lock": confirm_lock,
            "confirm_unlock": confirm_unlock,
        },
        status=status,
    )


def _lockable_until(today: dt.date) -> dt.date:
    """The last day a period may end on to be locked today (`first_lock_day`), for the month
    table's buttons: a week of days before today at most, searched back from today."""
    day = today
    while lock_services.first_lock_day(day) > today:
        day -= dt.timedelta(days=1)
    return day


@role_required(RoleKind.FINANCE)
def period_lock_list(request: HttpRequest) -> HttpResponse:
    return _render_page(request)


@role_required(RoleKind.FINANCE)
@require_POST
def period_lock(request: HttpRequest) -> HttpResponse:
    """Lock the period the form names; with weeks still awaiting approval or earlier months left
    open, first show them and ask to confirm."""
    form = PeriodLockForm(request.POST, fiscal_years=_fiscal_year_names(timezone.localdate()))
    if not form.is_valid():
        return _render_page(request, form, status=400)
    data = form.cleaned_data
    month = data["month"] if data["kind"] == PeriodKind.MONTH else None
    fiscal_year = data["fiscal_year"] if data["kind"] == PeriodKind.FISCAL_YEAR else None
    if not data["confirmed"]:
        warnings = _warnings(month, fiscal_year)
        if warnings:
            return _render_page(request, form, confirm_lock={"warnings": warnings, "data": data})
    try:
        lock = lock_services.period_lock(
            kind=data["kind"],
            month=month,
            fiscal_year=fiscal_year,
            reason=data["reason"],
            by=request.user,
        )
    except ValidationError as error:
        add_service_errors(form, error)
        return _render_page(request, form, status=400)
    messages.success(
        request, _("%(period)s : période verrouillée.") % {"period": _lock_label(lock)}
    )
    year = fiscal_year_name_for(lock.start)
    return redirect(reverse("timesheets:period_lock_list") + f"?exercice={year}")


def _warnings(month: dt.date | None, fiscal_year: str | None):
    """What to confirm before locking the month or the fiscal year (None: a period unknown,
    which the service refuses with its message)."""
    if month is not None:
        period = month_period(month.year, month.month)
    else:
        try:
            period = fiscal_year_period(fiscal_year or "")
        except ValueError:
            return None
    year = fiscal_year_period(fiscal_year_name_for(period.start))
    return lock_warnings(period.start, period.end, year)


@role_required(RoleKind.FINANCE)
@require_POST
def period_unlock(request: HttpRequest, lock_id: int) -> HttpResponse:
    """Reopen a period: a reason first, then a confirmation (its hours become changeable)."""
    lock = get_object_or_404(PeriodLock.objects.select_related("fiscal_year"), pk=lock_id)
    label = _lock_label(lock)
    reason = request.POST.get("reason", "").strip()[:255]
    if reason and request.POST.get("confirmed") != "1":
        return _render_page(
            request, confirm_unlock={"lock": lock, "label": label, "reason": reason}
        )
    try:
        lock_services.period_unlock(lock=lock, by=request.user, reason=reason)
    except PermissionDenied as error:
        messages.error(request, str(error))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("%(period)s : période déverrouillée.") % {"period": label})
    year = fiscal_year_name_for(lock.start)
    return redirect(reverse("timesheets:period_lock_list") + f"?exercice={year}")
