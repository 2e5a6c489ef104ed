"""Numbers, money, percentages, hours and dates as every page prints them, in fr-CA or en-CA
(Babel): one function per kind of figure, each taking the language (default: the active one).

French: 4 571 674 $, 96 %, 5,7 %, +16 %, 62 800 h, 7,5 h, 18 novembre 2020 (no-break spaces);
English: $4,571,674, 96%, 5.7%, +16%, 62,800 h, 7.5 h, November 18, 2020. No cents on money,
except on invoices (`money_to_the_cent`: 1 234,56 $ / $1,234.56).
"""

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_currency, format_decimal, format_percent
from django.utils import timezone
from django.utils.translation import gettext as _

from consortium.core.languages import active_language

BABEL_LOCALES = {"fr": "fr_CA", "en": "en_CA"}
NO_BREAK_SPACE = "\u00a0"
NOTHING = "—"
Number = Decimal | int | float


def babel_locale(language: str | None = None) -> str:
    """The Babel locale of `language` (default: the active language)."""
    return BABEL_LOCALES[active_language(language)]


def _decimal(value: Number) -> Decimal:
    return value if isinstance(value, Decimal) else Decimal(str(value))


def _rounded(value: Number, decimals: int) -> Decimal:
    """Half up, as people round (2,5 → 3), not Babel's half even."""
    return _decimal(value).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def _with_decimals(pattern: str, decimals: int) -> str:
    return pattern.replace("#,##0", "#,##0" + ("." + "0" * decimals if decimals else ""), 1)


def money(value: Number | None, language: str | None = None) -> str:
    """Whole dollars: 4 571 674 $ / $4,571,674."""
    if value is None:
        return NOTHING
    locale = babel_locale(language)
    pattern = Locale.parse(locale).currency_formats["standard"].pattern.split(";")[0]
    pattern = pattern.replace("#,##0.00", "#,##0")
    return format_currency(
        _rounded(value, 0), "CAD", format=pattern, locale=locale, currency_digits=False
    )


def money_to_the_cent(value: Number | None, language: str | None = None) -> str:
    """Dollars and cents, as invoices print them: 1 234,56 $ / $1,234.56; -5,00 $ for a credit."""
    if value is None or value == "":
        return NOTHING
    locale = babel_locale(language)
    pattern = Locale.parse(locale).currency_formats["standard"].pattern.split(";")[0]
    return format_currency(
        _rounded(value, 2), "CAD", format=pattern, locale=locale, currency_digits=False
    )


def _percent_pattern(locale: str, decimals: int) -> str:
    return _with_decimals(Locale.parse(locale).percent_formats[None].pattern, decimals)


def percent(value: Number | None, decimals: int = 0, language: str | None = None) -> str:
    """A percentage given in percent (96 → 96 %, 5.7 → 5,7 % with one decimal)."""
    if value is None:
        return NOTHING
    locale = babel_locale(language)
    pattern = _percent_pattern(locale, decimals)
    return format_percent(_rounded(value, decimals) / 100, format=pattern, locale=locale)


def signed_percent(value: Number | None, decimals: int = 0, language: str | None = None) -> str:
    """A change in percent, always signed: +16 %, −3 % (0 is +0 %)."""
    if value is None:
        return NOTHING
    locale = babel_locale(language)
    pattern = _percent_pattern(locale, decimals)
    return format_percent(
        _rounded(value, decimals) / 100, format=f"+{pattern};-{pattern}", locale=locale
    )


def number(value: Number | None, decimals: int = 0, language: str | None = None) -> str:
    """62 800 / 62,800; `decimals` fixed places (46,0 with 1)."""
    if value is None:
        return NOTHING
    pattern = _with_decimals("#,##0", decimals)
    return format_decimal(_rounded(value, decimals), format=pattern, locale=babel_locale(language))


def signed_number(value: Number | None, language: str | None = None) -> str:
    """+50 / -3."""
    if value is None:
        return NOTHING
    return format_decimal(_rounded(value, 0), format="+#,##0;-#,##0", locale=babel_locale(language))


def hours(value: Number | None, language: str | None = None) -> str:
    """Whole hours: 62 800 h."""
    if value is None:
        return NOTHING
    return f"{number(value, 0, language)}{NO_BREAK_SPACE}h"


def hours_to_the_cent(value: Number | None, language: str | None = None) -> str:
    """Whole hours without decimals (62 800 h), others with two (1 234,50 h): the ledger's
    figures as the `kpis` command prints them."""
    if value is None:
        return NOTHING
    decimals = 0 if _decimal(value) == _decimal(value).to_integral_value() else 2
    return f"{number(value, decimals, language)}{NO_BREAK_SPACE}h"


def exact_number(value: Number, language: str | None = None) -> str:
    """7 / 7,5 / 7,25 (7.5 in English): as many decimals as the value has, at most two."""
    return format_decimal(_decimal(value), format="#,##0.##", locale=babel_locale(language))


def exact_hours(value: Number | None, language: str | None = None) -> str:
    """An expert's hours to the quarter: 7 h, 7,5 h, 7,25 h / 7.5 h (where `hours` rounds to
    whole hours)."""
    if value is None:
        return NOTHING
    return f"{exact_number(value, language)}{NO_BREAK_SPACE}h"


def long_date(value: dt.date | None, language: str | None = None) -> str:
    """18 novembre 2020 / November 18, 2020; the first of a month « 1er avril 2026 », as the
    Office québécois de la langue française writes it."""
    if value is None:
        return NOTHING
    text = format_date(value, format="long", locale=babel_locale(language))
    if value.day == 1 and active_language(language) == "fr" and text.startswith("1 "):
        text = "1er " + text[2:]
    return text


def day_in_words(
    value: dt.date | None, language: str | None = None, *, with_year: bool | None = None
) -> str:
    """A day as people name it: « lundi 7 décembre », « mardi 1er décembre » / « Monday,
    December 7 »; with its year when it is not this year's (« mardi 31 décembre 2019 »), or as
    `with_year` says (the week's cells, whose year the page gives, never repeat it)."""
    if value is None:
        return NOTHING
    locale = babel_locale(language)
    this_year = not with_year if with_year is not None else value.year == timezone.localdate().year
    if locale.startswith("fr"):
        pattern = "EEEE d'er' MMMM" if value.day == 1 else "EEEE d MMMM"
        pattern += "" if this_year else " y"
    else:
        pattern = "EEEE, MMMM d" + ("" if this_year else ", y")
    return format_date(value, format=pattern, locale=locale)


def person(user, nobody: str | None = None) -> str:
    """Who did something, as people read it: their full name, else their login; `nobody` (by
    default « Système ») when no one did, e.g. the demo or a command."""
    if user is None:
        return nobody if nobody is not None else _("Système")
    return user.get_full_name() or user.get_username()
