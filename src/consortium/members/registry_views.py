"""The registry kept in the workspace: directors, finance and administrators create and change
organisations and their memberships (`may_change_organisations`); every write goes through the
registry's services, whose refusals show on the form."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from consortium.accounts.access import (
    ORGANISATION_CHANGE_ROLES,
    organisation_for_read,
    request_roles,
    role_required,
)
from consortium.core.forms import add_service_errors
from consortium.members import services
from consortium.members.forms import MembershipForm, OrganisationForm
from consortium.members.models import Membership


@role_required(*ORGANISATION_CHANGE_ROLES)
def organisation_create(request: HttpRequest) -> HttpResponse:
    form = OrganisationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            organisation = services.organisation_create(**form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, _("L'organisation %(name)s est ajoutée.") % {"name": organisation.name}
            )
            return redirect("members:organisation_detail", code=organisation.code)
    return render(request, "members/organisation_form.html", {"form": form, "organisation": None})


@role_required(*ORGANISATION_CHANGE_ROLES)
def organisation_update(request: HttpRequest, code: str) -> HttpResponse:
    organisation = organisation_for_read(request.user, code, roles=request_roles(request))
    form = OrganisationForm(request.POST or None, instance=organisation)
    if request.method == "POST" and form.is_valid():
        try:
            organisation = services.organisation_update(
                organisation=organisation, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, _("L'organisation %(name)s est enregistrée.") % {"name": organisation.name}
            )
            return redirect("members:organisation_detail", code=organisation.code)
    return render(
        request, "members/organisation_form.html", {"form": form, "organisation": organisation}
    )


@role_required(*ORGANISATION_CHANGE_ROLES)
def membership_create(request: HttpRequest, code: str) -> HttpResponse:
    return _membership_page(request, code, None)


@role_required(*ORGANISATION_CHANGE_ROLES)
def membership_update(request: HttpRequest, code: str, membership_id: int) -> HttpResponse:
    return _membership_page(request, code, membership_id)


def _membership_page(request: HttpRequest, code: str, membership_id: int | None) -> HttpResponse:
    """A new membership of the organisation (`membership_id` None), or one of its own changed."""
    organisation = organisation_for_read(request.user, code, roles=request_roles(request))
    membership = None
    if membership_id is not None:
        membership = get_object_or_404(Membership, pk=membership_id, organisation=organisation)
    form = MembershipForm(request.POST or None, instance=membership)
    if request.method == "POST" and form.is_valid():
        try:
            if membership is None:
                services.membership_create(organisation=organisation, **form.cleaned_data)
            else:
                services.membership_update(
                    membership=membership, organisation=organisation, **form.cleaned_data
                )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("L'adhésion est enregistrée."))
            return redirect("members:organisation_detail", code=organisation.code)
    return render(
        request,
        "members/membership_form.html",
        {"form": form, "organisation": organisation, "membership": membership},
    )
