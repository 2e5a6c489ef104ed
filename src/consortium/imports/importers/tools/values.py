"""What the exports of other time trackers share: reading their tables (CSV or XLSX), finding
their columns under translated headers, and reading their dates, times and durations.

Dates are decided from the whole file, not row by row: "03/04/2025" is read the same way on
every line, by the order that the file's other dates allow (a day over 12 in first place makes
it day/month). A file whose every slashed date could be read both ways is refused, naming its
lines, unless the order is given (`--date-order`).
"""

import csv
import datetime as dt
import functools
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from pathlib import Path

from django.utils.translation import gettext as _

from consortium.imports.csv_reader import decode_text, detect_delimiter, records_of, well_formed
from consortium.imports.errors import ErrorList

HUNDREDTH = Decimal("0.01")
SECONDS_PER_HOUR = Decimal(3600)


# Caches: an export repeats the same few names, times and durations on thousands of rows.
_cached = functools.lru_cache(maxsize=8192)


@_cached
def fold(text: str) -> str:
    """A name as compared: no accents, no case, single spaces."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(bare.casefold().split())


@dataclass
class Sheet:
    """The rows of an export, each with the physical line (or spreadsheet row) it starts on."""

    rows: list[tuple[int, list[str]]]


def read_sheet(path: Path, errors: ErrorList) -> Sheet | None:
    """The file's rows, header included, values stripped; None (with errors) if unreadable."""
    if path.suffix.lower() == ".xlsx":
        return _read_xlsx(path, errors)
    text = decode_text(path.read_bytes(), errors)
    if text is None:
        return None
    first = text.split("\n", 1)[0]
    if not first.strip():
        errors.add(1, "", _("Le fichier est vide ou commence par une ligne vide."))
        return None
    delimiter = "\t" if first.count("\t") > max(first.count(","), first.count(";")) else None
    delimiter = delimiter or detect_delimiter(first)
    # Read once; only a file that looks ill-formed (a csv error, a NUL, a lone CR) is walked again
    # by `well_formed`, which says where.
    try:
        records = None if "\x00" in text or _BARE_CR.search(text) else records_of(text, delimiter)
    except csv.Error:
        records = None
    if records is None:
        if not well_formed(text, delimiter, errors):
            return None
        records = records_of(text, delimiter)
    # Values are stripped later, only those of the columns read.
    return Sheet([(line, values) for line, values in records if any(values)])


_BARE_CR = re.compile(r"\r(?!\n)")


def _read_xlsx(path: Path, errors: ErrorList) -> Sheet | None:
    from openpyxl import load_workbook  # only the XLSX exports pay for loading it

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a file that is not XLSX
        errors.add(1, "", _("Classeur XLSX illisible : %(error)s") % {"error": error})
        return None
    sheet = workbook.worksheets[0]
    rows = []
    for number, cells in enumerate(sheet.iter_rows(values_only=True), start=1):
        values = [_cell_text(cell) for cell in cells]
        if any(values):
            rows.append((number, values))
    workbook.close()
    return Sheet(rows)


def _cell_text(cell) -> str:
    """A spreadsheet cell as the text a CSV export would hold."""
    if cell is None:
        return ""
    if isinstance(cell, dt.datetime):
        if cell.time() == dt.time(0) and cell.date() != dt.date(1899, 12, 30):
            return cell.date().isoformat()
        if cell.date() == dt.date(1899, 12, 30):  # a time of day stored as a date-time
            return cell.time().isoformat()
        return cell.isoformat(sep=" ")
    if isinstance(cell, dt.date | dt.time):
        return cell.isoformat()
    if isinstance(cell, dt.timedelta):
        seconds = int(cell.total_seconds())
        return f"{seconds // 3600}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell).strip()


@dataclass
class Header:
    """Where each field of a normalised row is in the file: its position and its header."""

    positions: dict[str, int] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)

    def name(self, key: str) -> str:
        return self.names.get(key, key)


def match_header(
    header: Sequence[str],
    synonyms: Mapping[str, Iterable[str]],
    required: Iterable[str],
    errors: ErrorList,
    line: int = 1,
) -> Header | None:
    """Find each field under one of its names (any case, accents and spaces aside); columns of
    no interest are left alone. A required field with no column is an error."""
    folded = [fold(name).strip("\ufeff") for name in header]
    found = Header()
    for key, names in synonyms.items():
        wanted = {fold(name) for name in names}
        for position, name in enumerate(folded):
            if name in wanted or _without_currency(name) in wanted:
                found.positions[key] = position
                found.names[key] = header[position].strip()
                break
    missing = [key for key in required if key not in found.positions]
    for key in missing:
        errors.add(
            line,
            key,
            _("Colonne manquante : %(names)s.") % {"names": " / ".join(synonyms[key])},
        )
    return None if missing else found


_CURRENCY_SUFFIX = re.compile(r"\s*\([a-z]{0,3}\)$")


def _without_currency(name: str) -> str:
    """ "Amount (EUR)" and "Amount ()" are "amount"."""
    return _CURRENCY_SUFFIX.sub("", name)


# Dates ---------------------------------------------------------------------------------------

_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?")
_SLASHED = re.compile(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?:[T ,].*)?")
DATE_ORDERS = ("dmy", "mdy")


@dataclass
class DateReader:
    """Reads the dates of one file with the order decided from all of them (`decide`)."""

    errors: ErrorList
    order: str | None = None  # given by the user, or decided
    seen: list[tuple[int, str, str]] = field(default_factory=list)  # line, column, text
    _read: dict[str, dt.date | None] = field(default_factory=dict)

    def note(self, line: int, column: str, text: str) -> None:
        self.seen.append((line, column, text))

    def decide(self) -> bool:
        """Choose the order the file's slashed dates are written in; False (with errors) if
        the file cannot tell or contradicts itself."""
        if self.order is not None:
            return True
        day_first: list[int] = []
        month_first: list[int] = []
        undecided: list[int] = []
        for line, _column, text in self.seen:
            match = _SLASHED.fullmatch(text)
            if match is None:
                continue
            first, second = int(match[1]), int(match[3])
            if match[2] == "." or first > 12:
                day_first.append(line)
            elif second > 12:
                month_first.append(line)
            elif first != second:
                undecided.append(line)
        if day_first and month_first:
            self.errors.add(
                month_first[0],
                self.seen[0][1],
                _(
                    "Dates écrites dans deux ordres : jour/mois aux lignes %(days)s, mois/jour "
                    "aux lignes %(months)s."
                )
                % {"days": _lines(day_first), "months": _lines(month_first)},
            )
            return False
        if day_first or month_first:
            self.order = "dmy" if day_first else "mdy"
            return True
        if undecided:
            self.errors.add(
                undecided[0],
                self.seen[0][1],
                _(
                    "Dates ambiguës : rien dans le fichier ne dit si « %(example)s » est "
                    "jour/mois ou mois/jour (lignes %(lines)s). Précisez --date-order dmy ou mdy."
                )
                % {"example": self._text_of(undecided[0]), "lines": _lines(undecided)},
            )
            return False
        self.order = "dmy"  # only ISO dates, or days equal to their month: either order reads
        return True

    def _text_of(self, line: int) -> str:
        return next(text for seen_line, _column, text in self.seen if seen_line == line)

    def read(self, text: str) -> dt.date | None:
        """The date (after `decide`), or None if the text is no date."""
        try:
            return self._read[text]
        except KeyError:
            found = self._read[text] = self._parse(text)
            return found

    def _parse(self, text: str) -> dt.date | None:
        match = _ISO.fullmatch(text)
        try:
            if match:
                return dt.date(int(match[1]), int(match[2]), int(match[3]))
            match = _SLASHED.fullmatch(text)
            if match is None:
                return None
            first, second, year = int(match[1]), int(match[3]), int(match[4])
            if len(match[4]) == 2:
                year += 2000
            if match[2] == "." or self.order == "dmy":
                return dt.date(year, second, first)
            return dt.date(year, first, second)
        except ValueError:
            return None


def _lines(lines: list[int]) -> str:
    shown = ", ".join(str(line) for line in lines[:10])
    return shown + (" …" if len(lines) > 10 else "")


def date_message(text: str) -> str:
    return _("« %(value)s » n'est pas une date (AAAA-MM-JJ, JJ/MM/AAAA, MM/JJ/AAAA ou M/J/AA).") % {
        "value": text
    }


# Times and durations -------------------------------------------------------------------------

_TIME = re.compile(r"(?:.*[T ])?(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*([aApP]\.?[mM]\.?)?")


@_cached
def read_time(text: str) -> dt.time | None:
    """A time of day: 24-hour ("09:05", "9:05:00") or 12-hour ("2:00 PM"); a date before it (a
    date-time cell) is left aside."""
    match = _TIME.fullmatch(text.strip())
    if match is None:
        return None
    hour, minute, second = int(match[1]), int(match[2]), int(match[3] or 0)
    meridiem = (match[4] or "").lower().replace(".", "")
    if meridiem:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if meridiem == "pm" else 0)
    if hour > 23 or minute > 59 or second > 59:
        return None
    return dt.time(hour, minute, second)


_CLOCK = re.compile(r"(\d+):(\d{1,2})(?::(\d{1,2}))?")


@_cached
def clock_hours(text: str) -> Decimal | None:
    """ "3:30", "03:30:00", "125:00:00" as hours."""
    match = _CLOCK.fullmatch(text)
    if match is None or int(match[2]) > 59 or int(match[3] or 0) > 59:
        return None
    seconds = int(match[1]) * 3600 + int(match[2]) * 60 + int(match[3] or 0)
    return Decimal(seconds) / SECONDS_PER_HOUR


_NUMBER = re.compile(r"[0-9][0-9.,\u00a0\u202f ']*")


@_cached
def read_number(text: str) -> Decimal | None:
    """A number with a decimal point or comma and any thousands separator: "1.5", "1,5",
    "2.000,0", "1,234.50", "1 234,5". With both marks, the last one is the decimal one; a
    lone comma is decimal; dots repeated are thousands."""
    cleaned = text.strip()
    if not _NUMBER.fullmatch(cleaned):
        return None
    for space in ("\u00a0", "\u202f", " ", "'"):
        cleaned = cleaned.replace(space, "")
    if "," in cleaned and "." in cleaned:
        decimal_mark = "," if cleaned.rfind(",") > cleaned.rfind(".") else "."
        thousands = "." if decimal_mark == "," else ","
        cleaned = cleaned.replace(thousands, "").replace(decimal_mark, ".")
    elif cleaned.count(",") == 1:
        cleaned = cleaned.replace(",", ".")
    elif cleaned.count(".") > 1 or cleaned.count(",") > 1:
        cleaned = cleaned.replace(".", "").replace(",", "")
    try:
        return Decimal(cleaned)
    except InvalidOperation:
        return None


def read_duration(text: str) -> Decimal | None:
    """Hours written as a clock ("3:30", "03:30:00") or as a number ("3.5", "3,50"): the tools
    let each user choose."""
    return clock_hours(text) if ":" in text else read_number(text)


def to_hundredth(hours: Decimal) -> Decimal:
    return hours.quantize(HUNDREDTH, rounding=ROUND_HALF_UP)


def hours_between(start: dt.time, end: dt.time) -> Decimal:
    """End − start; an end before the start is the next day's (an entry crossing midnight)."""
    seconds = (end.hour - start.hour) * 3600 + (end.minute - start.minute) * 60
    seconds += end.second - start.second
    if seconds <= 0:
        seconds += 24 * 3600
    return Decimal(seconds) / SECONDS_PER_HOUR


def duration_message(text: str) -> str:
    return _("« %(value)s » n'est pas une durée (heures décimales, h:mm ou h:mm:ss).") % {
        "value": text
    }
