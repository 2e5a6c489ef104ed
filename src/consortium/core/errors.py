"""The site's error pages, in the workspace's look and the user's language, each with a way back:
400, 403 (and the refused form, CSRF), 404 and 500.

A database kept busy by another writer is a 503, wherever it is met: `BusyDatabaseMiddleware`
answers for the views; `server_error` answers for what happens outside them (another middleware
saving the session, django-axes recording a sign-in), which Django turns into its 500 page.
"""

import sys

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views import defaults

from consortium.core.database import is_database_busy
from consortium.core.middleware import busy_database_response


def back_url(request: HttpRequest) -> str | None:
    """The page the user came from, if it is one of this site's and not the page that failed."""
    referer = request.META.get("HTTP_REFERER", "")
    if not referer or referer == request.build_absolute_uri():
        return None
    if not url_has_allowed_host_and_scheme(
        referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return None
    return referer


def _error_page(request: HttpRequest, template: str, status: int) -> HttpResponse:
    return render(request, template, {"back_url": back_url(request)}, status=status)


def bad_request(request: HttpRequest, exception=None) -> HttpResponse:
    return _error_page(request, "400.html", 400)


def permission_denied(request: HttpRequest, exception=None) -> HttpResponse:
    return _error_page(request, "403.html", 403)


def page_not_found(request: HttpRequest, exception=None) -> HttpResponse:
    return _error_page(request, "404.html", 404)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """A form refused because its security token is missing or stale (CSRF_FAILURE_VIEW): often
    a page left open past a sign-out or a sign-in in another tab."""
    return _error_page(request, "403_csrf.html", 403)


def server_error(request: HttpRequest) -> HttpResponse:
    """The 500 page (drawn without the database: no user, no menu), unless the error was a busy
    database: then "try again" (503)."""
    error = sys.exc_info()[1]
    if error is None or not is_database_busy(error):
        return defaults.server_error(request)
    try:
        return busy_database_response(request)
    except Exception:
        return busy_database_response(request, page=False)
