"""The member portal's pages."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from consortium.accounts.access import portal_organisations_visible_to, portal_required


@portal_required
def home(request: HttpRequest) -> HttpResponse:
    organisations = portal_organisations_visible_to(request.user).order_by("name")
    return render(request, "portal/home.html", {"organisations": organisations})
