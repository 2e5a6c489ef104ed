"""The staff's read-only pages (/tresorerie/): the organisations' plans and adopted policies,
for directors, finance and administrators."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from consortium.accounts.access import (
    organisation_for_read,
    organisations_visible_to,
    request_roles,
    role_required,
)
from consortium.accounts.models import RoleKind
from consortium.treasury import selectors
from consortium.treasury.portal_views import pdf_response

READ_ROLES = (RoleKind.DIRECTOR, RoleKind.FINANCE, RoleKind.ADMINISTRATOR)


@role_required(*READ_ROLES)
def plan_list(request: HttpRequest) -> HttpResponse:
    roles = request_roles(request)
    rows = selectors.staff_plan_rows(organisations_visible_to(request.user, roles=roles))
    return render(request, "treasury/staff_list.html", {"rows": rows})


@role_required(*READ_ROLES)
def plan_detail(request: HttpRequest, code: str) -> HttpResponse:
    organisation = organisation_for_read(request.user, code, roles=request_roles(request))
    plan = selectors.latest_plan(organisation)
    return render(
        request,
        "treasury/staff_detail.html",
        {
            "organisation": organisation,
            "plan": plan,
            "figures": selectors.figures_of(plan) if plan else None,
            "policies": list(selectors.adopted_policies(organisation)),
        },
    )


def _adopted(request, code: str, version: int):
    organisation = organisation_for_read(request.user, code, roles=request_roles(request))
    policy = selectors.adopted_policy(organisation, version)
    if policy is None:
        raise Http404(_("Aucune politique adoptée sous ce numéro."))
    return organisation, policy


@role_required(*READ_ROLES)
def policy_detail(request: HttpRequest, code: str, version: int) -> HttpResponse:
    organisation, policy = _adopted(request, code, version)
    return render(
        request,
        "treasury/policy_detail.html",
        {"organisation": organisation, "policy": policy, "portal": False},
    )


@role_required(*READ_ROLES)
def policy_pdf(request: HttpRequest, code: str, version: int) -> HttpResponse:
    _organisation, policy = _adopted(request, code, version)
    return pdf_response(policy)
