"""Middleware of the whole site."""

from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string

from consortium.core.database import database_busy_message, is_database_busy

# A client may retry after this many seconds (Retry-After of the 503).
RETRY_AFTER_SECONDS = 5


class BusyDatabaseMiddleware:
    """A view that meets a database kept busy by another writer (see core/database.py) answers
    503 with a message in the person's language, never a traceback: a page, or for HTMX a notice
    placed at the top of the page (the view's own target would be the wrong place for it)."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not is_database_busy(exception):
            return None
        return busy_database_response(request)


def busy_database_response(request: HttpRequest, *, page: bool = True) -> HttpResponse:
    """The 503 "try again" answer: for HTMX a notice at the top of the page, else a page (or,
    with `page=False`, the notice alone, for when the page itself cannot be drawn)."""
    context = {"message": database_busy_message()}
    if request.headers.get("HX-Request") == "true":
        response = HttpResponse(render_to_string("core/_database_busy.html", context), status=503)
        response["HX-Retarget"] = "#main"
        response["HX-Reswap"] = "afterbegin"
    elif page:
        response = HttpResponse(
            render_to_string("core/database_busy.html", context, request=request), status=503
        )
    else:
        response = HttpResponse(render_to_string("core/_database_busy.html", context), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response
