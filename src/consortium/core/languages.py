"""Which of the two languages is active: French first, English when the request asks for it."""

from django.utils.translation import get_language


def active_language(language: str | None = None) -> str:
    """ "en" when `language` (default: the active language) is English, else "fr"."""
    return "en" if (language or get_language() or "fr").startswith("en") else "fr"


def english_is_active() -> bool:
    """Whether the active language is English (names in English, when the row has one)."""
    return active_language() == "en"
