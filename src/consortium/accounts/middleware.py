"""A background (HTMX) request that meets an expired session answers 401, never the sign-in page.

Without this, `login_required` redirects the request, HTMX follows the redirect and draws the
whole sign-in page where the answer was expected (inside a cell of the week grid, say). A 401
with the header `X-Sign-In-Required` instead lets the page keep what was typed, open its sign-in
dialog (`accounts:session_sign_in`) and send the request again once signed in. A refused security
token (CSRF) is answered the same way by `accounts.views.csrf_failure`.
"""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import resolve_url
from django.utils.translation import gettext as _

SIGN_IN_HEADER = "X-Sign-In-Required"


def is_htmx(request: HttpRequest) -> bool:
    return request.headers.get("HX-Request") == "true"


def sign_in_required(reason: str, status: int = 401) -> HttpResponse:
    """The answer to a background request that needs the user to sign in (again): `reason` is
    "session" (signed out) or "csrf" (the page's security token is stale or its cookie gone)."""
    response = HttpResponse(
        _("Votre session a expiré : reconnectez-vous pour enregistrer."),
        status=status,
        content_type="text/plain; charset=utf-8",
    )
    response[SIGN_IN_HEADER] = reason
    return response


class HtmxSignInMiddleware:
    """Turns the redirect to the sign-in page of an HTMX request into a 401 (see the module)."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.status_code == 302 and is_htmx(request):
            login_path = resolve_url(settings.LOGIN_URL)
            if response.get("Location", "").split("?", 1)[0] == login_path:
                return sign_in_required("session")
        return response
