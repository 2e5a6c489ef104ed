"""The rules a time entry obeys, on plain values, shared by the one-entry services and imports.

Each check returns the problems it finds as (field, message) pairs; an empty list means the
entry passes. Messages are translated in the active language (French by default).
"""

import datetime as dt
import re
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from consortium.core.formatting import day_in_words, exact_hours, long_date
from consortium.core.weeks import week_start_of
from consortium.timesheets.models import MAX_HOURS_PER_DAY, WeekStatus

Problem = tuple[str, str]
HOURS_STEP = Decimal("0.01")


def raise_problems(problems: list[Problem]) -> None:
    """Refuse with every problem found, as one ValidationError by field (the services' way)."""
    if problems:
        errors: dict[str, list[str]] = {}
        for field, message in problems:
            errors.setdefault(field, []).append(message)
        raise ValidationError(errors)


# ASCII digits only (\d would take Arabic-Indic or fullwidth ones), no exponent, no "_" or space
# inside: what Decimal() would otherwise accept without a word. A minus sign is read, so that
# "-1" is refused by the range check with the range's message.
_DECIMAL_HOURS = re.compile(r"-?(?:[0-9]+(?:[.,][0-9]*)?|[.,][0-9]+)")
# Hours and minutes, "7:05", "7h30", "7 h 30", "7h": the minutes take two digits ("7:5" is
# ambiguous: five minutes or fifty?).
_HOURS_AND_MINUTES = re.compile(r"([0-9]{1,2}) ?[:hH] ?([0-9]{2})?")
_ONE_MINUTE_DIGIT = re.compile(r"[0-9]{1,2} ?[:hH] ?[0-9]")


def parse_hours(text: str) -> Decimal:
    """Hours as typed or written in a file: "7", "7.5", "7,5", "7:30", "7h30" ("7:05" is seven
    hours and five minutes, rounded to the hundredth); raises ValueError with a message.

    The range (0 < h <= 24) is `check_hours`'s to check.
    """
    cleaned = text.strip()
    if _DECIMAL_HOURS.fullmatch(cleaned):
        return Decimal(cleaned.replace(",", "."))
    match = _HOURS_AND_MINUTES.fullmatch(cleaned)
    if match is None:
        raise ValueError(_hours_problem(cleaned))
    minutes = int(match[2] or 0)
    if minutes >= 60:
        raise ValueError(_("« %(value)s » : les minutes vont de 0 à 59.") % {"value": cleaned})
    hours = Decimal(match[1]) + Decimal(minutes) / 60
    return hours.quantize(HOURS_STEP, rounding=ROUND_HALF_UP)


def _hours_problem(text: str) -> str:
    """Why `text` is not hours, as precisely as can be said."""
    if any(character.isdigit() and not "0" <= character <= "9" for character in text):
        message = _("« %(value)s » : écrivez les heures avec les chiffres de 0 à 9.")
    elif _ONE_MINUTE_DIGIT.fullmatch(text):
        message = _("« %(value)s » : les minutes s'écrivent en deux chiffres (7:05, 7:50).")
    elif any(character.isspace() or character == "_" for character in text):
        message = _("« %(value)s » : pas d'espace ni de « _ » dans un nombre d'heures.")
    else:
        message = _("« %(value)s » n'est pas un nombre d'heures.")
    return message % {"value": text}


def check_hours(hours: Decimal) -> list[Problem]:
    if hours <= 0 or hours > MAX_HOURS_PER_DAY:
        return [("hours", _("Les heures doivent être plus de 0 et au plus 24."))]
    if hours != hours.quantize(HOURS_STEP):
        return [("hours", _("Les heures ont au plus deux décimales."))]
    return []


def expert_by_code(code: str) -> str:
    """An expert as a file names them (imports): « L'expert E02 »."""
    return _("L'expert %(code)s") % {"code": code}


def check_mandate_dates(
    day: dt.date, start: dt.date, end: dt.date | None, code: str
) -> list[Problem]:
    if end is None and day < start:
        message = _("Le %(day)s est avant le début du mandat %(code)s, le %(start)s.")
    elif day < start or (end is not None and day > end):
        message = _("Le %(day)s est hors des dates du mandat %(code)s (du %(start)s au %(end)s).")
    else:
        return []
    words = {"day": day_in_words(day), "code": code, "start": long_date(start)}
    return [("date", message % {**words, "end": long_date(end)})]


def check_employment(
    day: dt.date, hired_on: dt.date, left_on: dt.date | None, expert: str | None = None
) -> list[Problem]:
    """`expert`: who the expert is to the reader (their name, « L'expert E02 » in an import),
    None when the reader is the expert."""
    if day < hired_on or (left_on is not None and day > left_on):
        if expert is None:
            message = _("Vous n'étiez pas à l'emploi du Consortium le %(day)s.")
        else:
            message = _("%(expert)s n'était pas à l'emploi du Consortium le %(day)s.")
        return [("date", message % {"expert": expert, "day": day_in_words(day)})]
    return []


def check_daily_total(total: Decimal, day: dt.date, expert: str | None = None) -> list[Problem]:
    """`expert`: as for `check_employment`."""
    if total > MAX_HOURS_PER_DAY:
        if expert is None:
            message = _("Vous auriez %(total)s le %(day)s : 24 h au plus par jour.")
        else:
            message = _("%(expert)s aurait %(total)s le %(day)s : 24 h au plus par jour.")
        words = {"expert": expert, "total": exact_hours(total), "day": day_in_words(day)}
        return [("hours", message % words)]
    return []


def locked_period_containing(
    day: dt.date, locks: Iterable[tuple[dt.date, dt.date]]
) -> tuple[dt.date, dt.date] | None:
    for start, end in locks:
        if start <= day <= end:
            return start, end
    return None


def check_not_locked(day: dt.date, locks: Iterable[tuple[dt.date, dt.date]]) -> list[Problem]:
    lock = locked_period_containing(day, locks)
    if lock is not None:
        return [
            (
                "date",
                _(
                    "Le %(day)s est dans une période verrouillée (du %(start)s au %(end)s) : "
                    "aucune entrée ne peut y être ajoutée, modifiée ni supprimée."
                )
                % {
                    "day": day_in_words(day),
                    "start": long_date(lock[0]),
                    "end": long_date(lock[1]),
                },
            )
        ]
    return []


def check_week_open(day: dt.date, closed_weeks: dict[dt.date, str]) -> list[Problem]:
    """`closed_weeks`: the status (submitted, approved) of the expert's closed weeks by Monday."""
    week = week_start_of(day)
    status = closed_weeks.get(week)
    if status == WeekStatus.SUBMITTED:
        message = _(
            "La semaine du %(week)s est soumise : ses entrées ne peuvent être ni ajoutées, ni "
            "modifiées, ni supprimées tant qu'elle n'est pas renvoyée."
        )
    elif status == WeekStatus.APPROVED:
        message = _(
            "La semaine du %(week)s est approuvée : ses entrées ne peuvent être ni ajoutées, ni "
            "modifiées, ni supprimées tant qu'elle n'est pas rouverte."
        )
    else:
        return []
    return [("date", message % {"week": day_in_words(week)})]


def check_not_billed(
    billed_by: Iterable[tuple[int, str, str]], field: str = "hours"
) -> list[Problem]:
    """Hours an invoice holds stay as they are: `billed_by` is the (invoice id, number, status)
    of each invoice that holds them. An issued one is corrected by a credit note; a draft is
    deleted or redone first."""
    for invoice_id, number, status in sorted(billed_by, key=lambda row: row[2] == "draft"):
        if status != "draft":
            message = _(
                "Ces heures sont facturées (facture %(number)s) : elles ne peuvent être ni "
                "modifiées ni supprimées. Corrigez la facture par une note de crédit."
            ) % {"number": number}
        else:
            message = _(
                "Ces heures sont sur le brouillon de facture n° %(id)s : supprimez ce brouillon "
                "ou refaites-le avant de les modifier."
            ) % {"id": invoice_id}
        return [(field, message)]
    return []


def submission_warnings(
    days: list[dt.date],
    day_totals: list[Decimal],
    *,
    today: dt.date,
    workday: Decimal,
) -> list[str]:
    """Why an expert may want to look again before submitting the week of `days` (Monday to
    Sunday) with these totals: an empty week, a week not begun, a total other than the expected
    week (five workdays) or a day over the expected workday. Each a sentence in the user's terms;
    none of them refuses the submission, the page asks to confirm."""
    total = sum(day_totals, Decimal(0))
    if total == 0:
        return [_("Cette semaine ne compte aucune heure.")]
    warnings = []
    if days[0] > today:
        warnings.append(
            _("Cette semaine n'a pas encore commencé : elle commence le %(day)s.")
            % {"day": long_date(days[0])}
        )
    expected = workday * 5
    if total != expected:
        warnings.append(
            _("Cette semaine compte %(total)s ; la semaine attendue en compte %(expected)s.")
            % {"total": exact_hours(total), "expected": exact_hours(expected)}
        )
    for day, hours in zip(days, day_totals, strict=True):
        if hours > workday:
            warnings.append(
                _("Le %(day)s compte %(hours)s, plus que la journée attendue de %(workday)s.")
                % {
                    "day": day_in_words(day),
                    "hours": exact_hours(hours),
                    "workday": exact_hours(workday),
                }
            )
    return warnings
