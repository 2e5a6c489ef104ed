"""The communications pages, under /communications/: the month × channel table of followers,
publications, ad campaigns, press coverage and events with their sign-ups.

For the communications team and the directors (administrators hold every role); others get 403.
"""

import datetime as dt
from collections.abc import Callable

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from consortium.accounts.access import (
    COMMUNICATIONS_ROLES,
    communications_record_for_change,
    request_roles,
    role_required,
)
from consortium.communications import selectors, services
from consortium.communications.forms import (
    AdCampaignForm,
    EventForm,
    FollowerMonthForm,
    PressCoverageForm,
    PublicationForm,
)
from consortium.communications.models import AdCampaign, Event, PressCoverage, Publication
from consortium.core.exports import Column, Kind, csv_response
from consortium.core.fiscal_years import (
    fiscal_year_bounds,
    fiscal_year_name_for,
    fiscal_year_period,
)
from consortium.core.forms import add_service_errors
from consortium.core.listing import fiscal_year_choices_between, page_links, paginate

PER_PAGE = 50

communications_required = role_required(*COMMUNICATIONS_ROLES)


def _record(request: HttpRequest, model, pk: int):
    return communications_record_for_change(
        request.user, among=model.objects.all(), pk=pk, roles=request_roles(request)
    )


@communications_required
def follower_table(request: HttpRequest) -> HttpResponse:
    first, last = selectors.follower_years()
    today = dt.date.today()
    years = fiscal_year_choices_between(first, last, today)
    names = [name for name, _label in years]
    year = request.GET.get("exercice") or fiscal_year_name_for(last or today)
    try:
        fiscal_year_bounds(year)
    except ValueError:
        year = fiscal_year_name_for(last or today)
    if year not in names:
        names = sorted({*names, year}, reverse=True)
    period = fiscal_year_period(year)
    form = FollowerMonthForm(request.POST or None, period=period)
    if request.method == "POST" and form.is_valid():
        try:
            services.follower_month_record(**form.service_arguments())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Les abonnés du mois sont enregistrés."))
            return redirect(f"{reverse('communications:follower_table')}?exercice={year}")
    return render(
        request,
        "communications/follower_table.html",
        {
            "section": "communications",
            "tab": "followers",
            "year": year,
            "years": names,
            "table": selectors.follower_table(period),
            "form": form,
        },
        status=400 if form.errors else 200,
    )


def _list(request: HttpRequest, *, queryset: QuerySet, tab: str, template: str) -> HttpResponse:
    page = paginate(request, queryset, PER_PAGE)
    return render(
        request,
        template,
        {
            "section": "communications",
            "tab": tab,
            "page": page,
            "page_links": page_links(request, page),
        },
    )


def _edit(
    request: HttpRequest,
    *,
    form_class: type[forms.ModelForm],
    row,
    row_name: str,
    create: Callable,
    update: Callable,
    tab: str,
    title: str,
    saved: str,
    back: str,
) -> HttpResponse:
    """A record's form: create (no `row`) or edit; the service's refusal shown on the form."""
    form = form_class(request.POST or None, instance=row)
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in form_class.Meta.fields}
        try:
            saved_row = create(**data) if row is None else update(**{row_name: row}, **data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, saved)
            if isinstance(saved_row, Event):
                return redirect("communications:event_detail", event_id=saved_row.pk)
            return redirect(back)
    return render(
        request,
        "communications/record_form.html",
        {
            "section": "communications",
            "tab": tab,
            "form": form,
            "title": title,
            "back": reverse(back),
        },
        status=400 if form.errors else 200,
    )


@communications_required
def publication_list(request: HttpRequest) -> HttpResponse:
    return _list(
        request,
        queryset=Publication.objects.order_by("-date", "title"),
        tab="publications",
        template="communications/publication_list.html",
    )


def _publication(request, row):
    return _edit(
        request,
        form_class=PublicationForm,
        row=row,
        row_name="publication",
        create=services.publication_create,
        update=services.publication_update,
        tab="publications",
        title=_("Modifier la publication") if row else _("Nouvelle publication"),
        saved=_("La publication est enregistrée."),
        back="communications:publication_list",
    )


@communications_required
def publication_create(request: HttpRequest) -> HttpResponse:
    return _publication(request, None)


@communications_required
def publication_update(request: HttpRequest, publication_id: int) -> HttpResponse:
    return _publication(request, _record(request, Publication, publication_id))


@communications_required
def campaign_list(request: HttpRequest) -> HttpResponse:
    return _list(
        request,
        queryset=AdCampaign.objects.order_by("-start", "name"),
        tab="campaigns",
        template="communications/campaign_list.html",
    )


def _campaign(request, row):
    return _edit(
        request,
        form_class=AdCampaignForm,
        row=row,
        row_name="campaign",
        create=services.ad_campaign_create,
        update=services.ad_campaign_update,
        tab="campaigns",
        title=_("Modifier la campagne") if row else _("Nouvelle campagne"),
        saved=_("La campagne est enregistrée."),
        back="communications:campaign_list",
    )


@communications_required
def campaign_create(request: HttpRequest) -> HttpResponse:
    return _campaign(request, None)


@communications_required
def campaign_update(request: HttpRequest, campaign_id: int) -> HttpResponse:
    return _campaign(request, _record(request, AdCampaign, campaign_id))


@communications_required
def press_list(request: HttpRequest) -> HttpResponse:
    return _list(
        request,
        queryset=PressCoverage.objects.order_by("-date", "title"),
        tab="press",
        template="communications/press_list.html",
    )


def _press(request, row):
    return _edit(
        request,
        form_class=PressCoverageForm,
        row=row,
        row_name="coverage",
        create=services.press_coverage_create,
        update=services.press_coverage_update,
        tab="press",
        title=_("Modifier l'article") if row else _("Nouvel article de presse"),
        saved=_("L'article est enregistré."),
        back="communications:press_list",
    )


@communications_required
def press_create(request: HttpRequest) -> HttpResponse:
    return _press(request, None)


@communications_required
def press_update(request: HttpRequest, coverage_id: int) -> HttpResponse:
    return _press(request, _record(request, PressCoverage, coverage_id))


@communications_required
def event_list(request: HttpRequest) -> HttpResponse:
    return _list(
        request,
        queryset=selectors.events_with_counts(),
        tab="events",
        template="communications/event_list.html",
    )


def _event(request, row):
    return _edit(
        request,
        form_class=EventForm,
        row=row,
        row_name="event",
        create=services.event_create,
        update=services.event_update,
        tab="events",
        title=_("Modifier l'événement") if row else _("Nouvel événement"),
        saved=_("L'événement est enregistré."),
        back="communications:event_list",
    )


@communications_required
def event_create(request: HttpRequest) -> HttpResponse:
    return _event(request, None)


@communications_required
def event_update(request: HttpRequest, event_id: int) -> HttpResponse:
    return _event(request, _record(request, Event, event_id))


@communications_required
def event_detail(request: HttpRequest, event_id: int) -> HttpResponse:
    event = _record(request, Event, event_id)
    registrations = list(selectors.registration_rows(event))
    return render(
        request,
        "communications/event_detail.html",
        {
            "section": "communications",
            "tab": "events",
            "event": event,
            "registrations": registrations,
            "public_url": request.build_absolute_uri(
                reverse("events:event_sign_up", kwargs={"slug": event.slug})
            ),
        },
    )


REGISTRATION_COLUMNS = [
    Column(gettext_lazy("Nom"), lambda row: row["name"]),
    Column(gettext_lazy("Courriel"), lambda row: row["email"]),
    Column(gettext_lazy("Organisation"), lambda row: row["organisation"]),
    Column(gettext_lazy("Inscrit le"), lambda row: row["created_at"].date(), Kind.DATE),
]


@communications_required
def event_registrations_export(request: HttpRequest, event_id: int) -> HttpResponse:
    event = _record(request, Event, event_id)
    return csv_response(
        f"inscriptions-{event.slug}", REGISTRATION_COLUMNS, selectors.registration_rows(event)
    )
