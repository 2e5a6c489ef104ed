"""Small helpers for tests that go through pages with Django's test client."""

from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import translation


def url(name: str, *args, language: str = "fr") -> str:
    """The address of view `name` in `language` (French by default)."""
    with translation.override(language):
        return reverse(name, args=args)


def signed_in(client, user):
    client.force_login(user)
    return client


def messages_of(response) -> list[str]:
    """The messages the response's request left for the next page, as text."""
    return [str(message) for message in get_messages(response.wsgi_request)]
