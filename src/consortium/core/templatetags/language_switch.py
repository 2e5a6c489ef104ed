"""The address of the current page in another language, for the language switch."""

from django import template
from django.urls import translate_url

register = template.Library()


@register.simple_tag(takes_context=True)
def current_url_in(context: template.Context, language: str) -> str:
    """This page's URL in `language` (/admin/… ↔ /en/admin/…), query string kept.

    Computed while the page's own language is active: set_language resolves `next` in the
    language of its own request, which cannot see the other language's prefix.
    """
    request = context.get("request")
    if request is None:
        return "/"
    return translate_url(request.get_full_path(), language)
