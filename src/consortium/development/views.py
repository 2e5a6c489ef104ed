"""The business-development pages, under /developpement/: activities with the staff present,
the organisations met (a type-ahead picker that creates a prospect when one is missing) and a
follow-up; the follow-ups due; the pipeline of opportunities and their conversion into a
mandate; partnerships and their documents.

For directors and communications (administrators pass); others get 403. Converting an
opportunity is for a director of its department (or an administrator): 403 to the others.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import content_disposition_header, url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from consortium.accounts.access import (
    DEVELOPMENT_ROLES,
    development_for_change,
    development_for_read,
    development_visible_to,
    opportunities_convertible_by,
    opportunity_for_conversion,
    request_roles,
    role_required,
)
from consortium.core.forms import add_service_errors
from consortium.core.listing import page_links, paginate, query_string
from consortium.development import services
from consortium.development.forms import (
    ActivityForm,
    ConvertForm,
    DocumentForm,
    FollowUpFilter,
    OpportunityForm,
    PartnershipForm,
)
from consortium.development.models import (
    ActivityKind,
    DevelopmentActivity,
    Opportunity,
    OpportunityStage,
    Partnership,
    PartnershipDocument,
)
from consortium.development.selectors import (
    activity_detail_rows,
    activity_rows,
    follow_ups_due,
    opportunity_detail_rows,
    organisations_matching,
    partnership_documents,
    partnership_rows,
    pipeline,
)
from consortium.members.models import Organisation

development_page = role_required(*DEVELOPMENT_ROLES)
PER_PAGE = 50


def _visible(request: HttpRequest, model) -> object:
    return development_visible_to(
        request.user, among=model.objects.all(), roles=request_roles(request)
    )


def _read(request: HttpRequest, model, pk: int, among=None):
    return development_for_read(
        request.user,
        pk,
        among=among if among is not None else model.objects.all(),
        roles=request_roles(request),
    )


def _change(request: HttpRequest, model, pk: int, among=None):
    return development_for_change(
        request.user,
        pk,
        among=among if among is not None else model.objects.all(),
        roles=request_roles(request),
    )


def _render(request: HttpRequest, template: str, context: dict, status: int = 200):
    context.setdefault("section", "development")
    return render(request, f"development/{template}", context, status=status)


# Activities


@development_page
def activity_list(request: HttpRequest) -> HttpResponse:
    text = request.GET.get("q", "").strip()
    kind = request.GET.get("type", "")
    kind = kind if kind in ActivityKind.values else ""
    page = paginate(
        request,
        activity_rows(_visible(request, DevelopmentActivity), text=text, kind=kind),
        PER_PAGE,
    )
    return _render(
        request,
        "activity_list.html",
        {
            "page": page,
            "page_links": page_links(request, page),
            "text": text,
            "kind": kind,
            "kinds": ActivityKind.choices,
            "today": timezone.localdate(),
        },
    )


def _activity_values(form: ActivityForm) -> dict:
    return dict(form.cleaned_data)


@development_page
def activity_create(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    form = ActivityForm(
        request.POST or None,
        initial={
            "kind": ActivityKind.DEVELOPMENT_MEETING,
            "date": today,
            "follow_up_owner": request.user.pk,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            activity = services.development_activity_record(by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("L'activité est enregistrée."))
            return redirect("development:activity_detail", activity_id=activity.pk)
    return _render(
        request,
        "activity_form.html",
        {"form": form, "activity": None, "chosen": form.chosen_organisations()},
        status=400 if form.is_bound else 200,
    )


@development_page
def activity_detail(request: HttpRequest, activity_id: int) -> HttpResponse:
    activity = _read(
        request,
        DevelopmentActivity,
        activity_id,
        among=activity_detail_rows(DevelopmentActivity.objects.all()),
    )
    return _render(
        request, "activity_detail.html", {"activity": activity, "today": timezone.localdate()}
    )


@development_page
def activity_update(request: HttpRequest, activity_id: int) -> HttpResponse:
    activity = _change(
        request,
        DevelopmentActivity,
        activity_id,
        among=activity_detail_rows(DevelopmentActivity.objects.all()),
    )
    form = ActivityForm(
        request.POST or None,
        initial={
            "kind": activity.kind,
            "date": activity.date,
            "title": activity.title,
            "participants": list(activity.participants.all()),
            "organisations_met": list(activity.organisations_met.all()),
            "notes": activity.notes,
            "next_step": activity.next_step,
            "follow_up_due": activity.follow_up_due,
            "follow_up_owner": activity.follow_up_owner_id,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.development_activity_change(
                by=request.user, activity=activity, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("L'activité est enregistrée."))
            return redirect("development:activity_detail", activity_id=activity.pk)
    return _render(
        request,
        "activity_form.html",
        {"form": form, "activity": activity, "chosen": form.chosen_organisations()},
        status=400 if form.is_bound else 200,
    )


@require_POST
@development_page
def follow_up_done(request: HttpRequest, activity_id: int) -> HttpResponse:
    activity = _change(request, DevelopmentActivity, activity_id)
    try:
        services.follow_up_complete(by=request.user, activity=activity, on=timezone.localdate())
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("Le suivi est fait."))
    back = request.POST.get("next", "")
    if back and url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        return redirect(back)
    return redirect("development:follow_up_list")


@development_page
def follow_up_list(request: HttpRequest) -> HttpResponse:
    filters = FollowUpFilter(request.GET)
    whose = filters.cleaned_data.get("qui") if filters.is_valid() else ""
    whose = whose or "moi"
    rows = follow_ups_due(
        _visible(request, DevelopmentActivity),
        owner=request.user if whose == "moi" else None,
    )
    page = paginate(request, rows, PER_PAGE)
    return _render(
        request,
        "follow_up_list.html",
        {
            "page": page,
            "page_links": page_links(request, page),
            "whose": whose,
            "mine_url": query_string(request, qui="moi", page=None),
            "all_url": query_string(request, qui="tous", page=None),
            "today": timezone.localdate(),
        },
    )


# The organisation picker (HTMX pieces of the activity form)


@development_page
def organisation_picker(request: HttpRequest) -> HttpResponse:
    text = request.GET.get("organisation_search", "").strip()
    found = organisations_matching(text)
    exact = any(organisation.name.casefold() == text.casefold() for organisation in found)
    return render(
        request,
        "development/_organisation_results.html",
        {"found": found, "text": text, "offer_prospect": bool(text) and not exact},
    )


@development_page
def organisation_pick(request: HttpRequest, organisation_id: int) -> HttpResponse:
    organisation = (
        Organisation.objects.only("pk", "code", "name").filter(pk=organisation_id).first()
    )
    if organisation is None:
        return HttpResponse(status=404)
    return render(request, "development/_organisation_chosen.html", {"organisation": organisation})


@require_POST
@development_page
def prospect_create(request: HttpRequest) -> HttpResponse:
    try:
        organisation = services.prospect_create(by=request.user, name=request.POST.get("name", ""))
    except ValidationError as error:
        return render(
            request,
            "development/_organisation_error.html",
            {"errors": error.messages},
            status=200,
        )
    return render(
        request,
        "development/_organisation_chosen.html",
        {"organisation": organisation, "created": True},
    )


# Opportunities


@development_page
def opportunity_list(request: HttpRequest) -> HttpResponse:
    stages = pipeline(_visible(request, Opportunity))
    open_stages = [
        s for s in stages if s.stage not in (OpportunityStage.WON, OpportunityStage.LOST)
    ]
    return _render(
        request,
        "opportunity_list.html",
        {
            "stages": stages,
            "open_count": sum(s.count for s in open_stages),
            "open_amount": sum(s.amount for s in open_stages),
        },
    )


def _opportunity_form_page(request, form, opportunity, status=200):
    return _render(
        request,
        "opportunity_form.html",
        {"form": form, "opportunity": opportunity},
        status=status,
    )


@development_page
def opportunity_create(request: HttpRequest) -> HttpResponse:
    initial = {"owner": request.user.pk}
    if request.GET.get("organisation", "").isdigit():
        initial["organisation"] = int(request.GET["organisation"])
    form = OpportunityForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            opportunity = services.opportunity_record(by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("L'occasion est enregistrée."))
            return redirect("development:opportunity_detail", opportunity_id=opportunity.pk)
    return _opportunity_form_page(request, form, None, 400 if form.is_bound else 200)


@development_page
def opportunity_detail(request: HttpRequest, opportunity_id: int) -> HttpResponse:
    roles = request_roles(request)
    opportunity = _read(
        request,
        Opportunity,
        opportunity_id,
        among=opportunity_detail_rows(Opportunity.objects.all()),
    )
    may_convert = (
        opportunity.stage == OpportunityStage.WON
        and opportunity.mandate_id is None
        and opportunities_convertible_by(
            request.user, among=Opportunity.objects.filter(pk=opportunity.pk), roles=roles
        ).exists()
    )
    return _render(
        request,
        "opportunity_detail.html",
        {
            "opportunity": opportunity,
            "may_convert": may_convert,
            "convert_form": ConvertForm(initial={"start": timezone.localdate()}),
        },
    )


@development_page
def opportunity_update(request: HttpRequest, opportunity_id: int) -> HttpResponse:
    opportunity = _change(request, Opportunity, opportunity_id)
    fields = list(OpportunityForm.base_fields)
    initial = {name: getattr(opportunity, name) for name in fields}
    form = OpportunityForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.opportunity_update(
                by=request.user, opportunity=opportunity, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("L'occasion est enregistrée."))
            return redirect("development:opportunity_detail", opportunity_id=opportunity.pk)
    return _opportunity_form_page(request, form, opportunity, 400 if form.is_bound else 200)


@require_POST
@development_page
def opportunity_convert(request: HttpRequest, opportunity_id: int) -> HttpResponse:
    roles = request_roles(request)
    opportunity = opportunity_for_conversion(
        request.user, opportunity_id, among=Opportunity.objects.all(), roles=roles
    )
    form = ConvertForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, message)
        return redirect("development:opportunity_detail", opportunity_id=opportunity.pk)
    try:
        mandate = services.opportunity_convert(
            by=request.user, opportunity=opportunity, start=form.cleaned_data["start"]
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect("development:opportunity_detail", opportunity_id=opportunity.pk)
    messages.success(request, _("Le mandat %(code)s est ouvert.") % {"code": mandate.code})
    return redirect("development:opportunity_detail", opportunity_id=opportunity.pk)


# Partnerships


@development_page
def partnership_list(request: HttpRequest) -> HttpResponse:
    page = paginate(request, partnership_rows(_visible(request, Partnership)), PER_PAGE)
    return _render(
        request,
        "partnership_list.html",
        {"page": page, "page_links": page_links(request, page), "today": timezone.localdate()},
    )


def _partnership_form_page(request, form, partnership, status=200):
    return _render(
        request,
        "partnership_form.html",
        {"form": form, "partnership": partnership},
        status=status,
    )


def _partnership_save(request: HttpRequest, partnership: Partnership | None, save) -> HttpResponse:
    """The partnership's form, new (`partnership` None) or filled from it; `save` records it."""
    initial = (
        {name: getattr(partnership, name) for name in PartnershipForm.base_fields}
        if partnership
        else None
    )
    form = PartnershipForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            saved = save(**form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Le partenariat est enregistré."))
            return redirect("development:partnership_detail", partnership_id=saved.pk)
    return _partnership_form_page(request, form, partnership, 400 if form.is_bound else 200)


@development_page
def partnership_create(request: HttpRequest) -> HttpResponse:
    # The admin's service takes no `by=`: the page's role gate is the check.
    return _partnership_save(request, None, services.partnership_record)


@development_page
def partnership_detail(request: HttpRequest, partnership_id: int) -> HttpResponse:
    partnership = _read(
        request,
        Partnership,
        partnership_id,
        among=Partnership.objects.select_related("organisation"),
    )
    return _render(
        request,
        "partnership_detail.html",
        {
            "partnership": partnership,
            "documents": list(partnership_documents(partnership)),
            "document_form": DocumentForm(),
        },
    )


@development_page
def partnership_update(request: HttpRequest, partnership_id: int) -> HttpResponse:
    partnership = _change(request, Partnership, partnership_id)
    return _partnership_save(
        request,
        partnership,
        lambda **fields: services.partnership_update(partnership=partnership, **fields),
    )


@require_POST
@development_page
def document_add(request: HttpRequest, partnership_id: int) -> HttpResponse:
    partnership = _change(
        request,
        Partnership,
        partnership_id,
        among=Partnership.objects.select_related("organisation"),
    )
    form = DocumentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.partnership_document_add(
                by=request.user,
                partnership=partnership,
                title=form.cleaned_data["title"],
                upload=form.cleaned_data["upload"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Le document est ajouté."))
            return redirect("development:partnership_detail", partnership_id=partnership.pk)
    return _render(
        request,
        "partnership_detail.html",
        {
            "partnership": partnership,
            "documents": list(partnership_documents(partnership)),
            "document_form": form,
        },
        status=400,
    )


@development_page
def document_download(request: HttpRequest, partnership_id: int, document_id: int) -> HttpResponse:
    document = _read(
        request,
        PartnershipDocument,
        document_id,
        among=PartnershipDocument.objects.filter(partnership_id=partnership_id),
    )
    response = HttpResponse(bytes(document.content), content_type=document.content_type)
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=document.filename
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
