"""The site's error pages: a database kept busy by another writer is a 503, wherever it is met.

`BusyDatabaseMiddleware` answers for the views; this handler answers for what happens outside
them (another middleware saving the session, django-axes recording a sign-in), which Django turns
into its 500 page.
"""

import sys

from django.http import HttpRequest, HttpResponse
from django.views import defaults

from consortium.core.database import is_database_busy
from consortium.core.middleware import busy_database_response


def server_error(request: HttpRequest) -> HttpResponse:
    """Django's 500 page, unless the error was a busy database: then "try again" (503)."""
    error = sys.exc_info()[1]
    if error is None or not is_database_busy(error):
        return defaults.server_error(request)
    try:
        return busy_database_response(request)
    except Exception:
        return busy_database_response(request, page=False)
