"""The English catalog: French is the source language, so every English word comes from here."""

from pathlib import Path

import pytest
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po
from django.conf import settings
from django.utils import translation

from consortium.core.models import FiscalYear

CATALOG = Path(settings.LOCALE_PATHS[0]) / "en" / "LC_MESSAGES"


@pytest.fixture(scope="module")
def english():
    with (CATALOG / "django.po").open("rb") as source:
        return read_po(source, locale="en")


def _strings(message) -> tuple[str, ...]:
    """A message's translations as a tuple: one, or one per plural form."""
    string = message.string
    return tuple(string) if isinstance(string, (list, tuple)) else (string,)


def _is_empty(message) -> bool:
    return not all(_strings(message))


def test_every_english_entry_is_translated(english):
    untranslated = [message.id for message in english if message.id and _is_empty(message)]
    assert untranslated == []


def test_no_english_entry_is_a_fuzzy_guess(english):
    assert [message.id for message in english if message.id and message.fuzzy] == []


def test_every_english_entry_keeps_the_placeholders_of_its_french_source(english):
    problems = [(message.id, [str(e) for e in errors]) for message, errors in english.check()]
    assert problems == []


def test_the_compiled_catalog_holds_every_translation(english):
    with (CATALOG / "django.mo").open("rb") as compiled_file:
        compiled = read_mo(compiled_file)
    stale = [
        message.id
        for message in english
        if message.id
        and (
            compiled.get(message.id) is None or _strings(compiled[message.id]) != _strings(message)
        )
    ]
    assert stale == [], "run: pybabel compile -d src/consortium/locale -D django"


def test_a_french_label_reads_in_english_for_an_english_reader():
    with translation.override("en"):
        assert str(FiscalYear._meta.verbose_name_plural) == "fiscal years"
    assert str(FiscalYear._meta.verbose_name_plural) == "exercices financiers"
