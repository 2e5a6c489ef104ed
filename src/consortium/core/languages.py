"""Which of the two languages is active: French first, English when the request asks for it."""

from django.utils.translation import get_language


def active_language(language: str | None = None) -> str:
    """ "en" when `language` (default: the active language) is English, else "fr"."""
    return "en" if (language or get_language() or "fr").startswith("en") else "fr"


def english_is_active() -> bool:
    """Whether the active language is English (names in English, when the row has one)."""
    return active_language() == "en"


def in_active_language(french: str, english: str) -> str:
    """A text kept in both languages, in the active one: the English when it is active and the
    row has one, else the French (French first: a row always has it)."""
    return english if english and english_is_active() else french
