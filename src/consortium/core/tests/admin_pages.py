"""What the admin tests of every app share: pages in each language and query counts."""

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation


def admin_url(view: str, *args, language: str = "fr") -> str:
    """`admin:<view>` in `language`: /admin/… in French, /en/admin/… in English."""
    with translation.override(language):
        return reverse(f"admin:{view}", args=args)


def page_text(client: Client, view: str, *args, language: str = "fr", query: str = "") -> str:
    """The HTML of an admin page, after checking that it rendered."""
    response = client.get(admin_url(view, *args, language=language) + query)
    assert response.status_code == 200, response.content[:2000]
    return response.content.decode()


def queries_to_render(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries)


def changelist_rows(client: Client, view: str, query: str = "", language: str = "fr") -> list:
    """The objects a changelist shows for `query` (`?q=…`, `?legal_form__exact=…`)."""
    response = client.get(admin_url(view, language=language) + query)
    assert response.status_code == 200
    return list(response.context["cl"].result_list)
