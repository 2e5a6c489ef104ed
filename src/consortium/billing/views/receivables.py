"""What organisations owe and what programmes still cover: the aged balance on a date, one
organisation's statement for a period, and the subsidised hour banks (finance's pages), and a
mandate's organisation's banks (for whoever reads the mandate)."""

import datetime as dt

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from consortium.accounts.access import STAFF_ROLES, mandate_for_read, request_roles, role_required
from consortium.accounts.models import RoleKind
from consortium.billing.forms import AgedBalanceForm, StatementForm, StatementPickForm
from consortium.billing.selectors.banks import mandate_bank_balances
from consortium.billing.selectors.programmes import bank_balances
from consortium.billing.selectors.receivables import aged_balance as aged_balance_of
from consortium.billing.selectors.receivables import statement as statement_of
from consortium.core.exports import FORMATS, Column, Kind, export_response
from consortium.core.fiscal_years import fiscal_year_bounds, fiscal_year_name_for
from consortium.core.listing import query_string
from consortium.members.models import Organisation


def _valid_or(form, name: str, default: dt.date) -> dt.date:
    return form.cleaned_data[name] if form.is_bound and form.is_valid() else default


def _aged_columns() -> list[Column]:
    return [
        Column(_("Code de l'organisation"), lambda row: row.code, width=12),
        Column(_("Organisation"), lambda row: row.name, width=32),
        Column(_("0-30 jours"), lambda row: row.days_0_30, Kind.NUMBER),
        Column(_("31-60 jours"), lambda row: row.days_31_60, Kind.NUMBER),
        Column(_("61-90 jours"), lambda row: row.days_61_90, Kind.NUMBER),
        Column(_("Plus de 90 jours"), lambda row: row.over_90, Kind.NUMBER),
        Column(_("Solde"), lambda row: row.total, Kind.NUMBER),
    ]


@role_required(RoleKind.FINANCE)
def aged_balance(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    form = AgedBalanceForm(request.GET or None, initial={"on": today})
    balance = aged_balance_of(on=_valid_or(form, "on", today))
    export_format = request.GET.get("format")
    if export_format in FORMATS:
        return export_response(
            export_format,
            _("soldes-ages-%(date)s") % {"date": balance.on.isoformat()},
            _("Soldes âgés"),
            _aged_columns(),
            balance.rows,
        )
    return render(
        request,
        "billing/aged_balance.html",
        {
            "form": form,
            "balance": balance,
            "csv_url": query_string(request, format="csv"),
            "xlsx_url": query_string(request, format="xlsx"),
        },
    )


# A search naming more organisations than this lists the first ones and asks for more letters.
PICK_LIMIT = 20


@role_required(RoleKind.FINANCE)
def statement_pick(request: HttpRequest) -> HttpResponse:
    """Finance names an organisation (its code, or part of its name) and opens its statement;
    several matches are listed to choose from."""
    form = StatementPickForm(request.GET or None)
    matches = None
    if form.is_valid():
        wanted = form.cleaned_data["organisation"].strip()
        exact = Organisation.objects.filter(code__iexact=wanted).values_list("code", flat=True)
        found = list(exact[:1]) or list(
            Organisation.objects.filter(name__icontains=wanted)
            .order_by("name", "code")
            .values_list("code", flat=True)[:2]
        )
        if len(found) == 1:
            return redirect("billing:statement", code=found[0])
        matches = Organisation.objects.filter(name__icontains=wanted).order_by("name", "code")[
            :PICK_LIMIT
        ]
    return render(request, "billing/statement_pick.html", {"form": form, "matches": matches})


@role_required(RoleKind.FINANCE)
def statement(request: HttpRequest, code: str) -> HttpResponse:
    organisation = get_object_or_404(Organisation, code=code)
    today = timezone.localdate()
    start, _end = fiscal_year_bounds(fiscal_year_name_for(today))
    form = StatementForm(request.GET or None, initial={"start": start, "end": today})
    valid = form.is_bound and form.is_valid()
    period = (form.cleaned_data["start"], form.cleaned_data["end"]) if valid else (start, today)
    result = statement_of(organisation=organisation, start=period[0], end=period[1])
    return render(request, "billing/statement.html", {"form": form, "statement": result})


@role_required(RoleKind.FINANCE)
def programme_banks(request: HttpRequest) -> HttpResponse:
    return render(request, "billing/programme_banks.html", {"banks": bank_balances()})


@role_required(*STAFF_ROLES)
def mandate_banks(request: HttpRequest, code: str) -> HttpResponse:
    """The hour banks of a mandate's organisation, for whoever reads the mandate: the mandate's
    page loads this fragment (HTMX); without JavaScript its link opens it as a page."""
    mandate = mandate_for_read(request.user, code, roles=request_roles(request))
    template = (
        "billing/_mandate_banks.html"
        if request.headers.get("HX-Request")
        else "billing/mandate_banks.html"
    )
    return render(request, template, {"mandate": mandate, "banks": mandate_bank_balances(mandate)})
