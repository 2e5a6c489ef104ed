"""Kimai's exports: Kimai 2 CSV and XLSX, Kimai 1 CSV.

Kimai 2 writes its headers in the user's language (English, French, German… — see SYNONYMS)
and the duration in seconds or as h:mm, as its settings say:

    Date,From,To,Duration,Currency,Price,Internal price,Hourly price,Fixed price,Name,User,
    Customer,Project,Activity,Description,Exported,Tags,…

Kimai 1 (`ki_export`) quotes every value, pads amounts (" NZD 48.75 "), may leave out the
header (the columns are then in its default order, KIMAI1_COLUMNS) and may end with a row of
totals, which is skipped:

    Date,In,Out,Time,Dec. Time,Rate,Wage,Budget,Approved,Status,Billable,Customer,Project,
    Activity,Description,Comment,Location,Tracking Number,Username,Cleared
"""

import re
from decimal import Decimal

from consortium.imports.errors import ErrorList
from consortium.imports.importers.tools.values import (
    SECONDS_PER_HOUR,
    Sheet,
    clock_hours,
    fold,
    read_number,
)

SYNONYMS = {
    "date": ("Date", "Datum"),
    "start": ("From", "Begin", "Start", "In", "Von", "Beginn", "De", "Début"),
    "end": ("To", "End", "Out", "Bis", "Ende", "À", "Fin"),
    "duration": ("Duration", "Time", "Dauer", "Zeit", "Durée"),
    "duration_decimal": ("Dec. Time", "Dez. Zeit", "Temps déc."),
    "person": ("User", "Username", "Name", "Benutzer", "Benutzername", "Utilisateur", "Nom"),
    "email": ("E-mail", "Email", "Courriel"),
    "client": ("Customer", "Kunde", "Client"),
    "project": ("Project", "Projekt", "Projet"),
    "task": ("Activity", "Tätigkeit", "Aktivität", "Activité"),
    "description": ("Description", "Beschreibung", "Comment", "Kommentar"),
    "id": ("ID",),
}
REQUIRED = ("date", "person", "project")

KIMAI1_COLUMNS = (
    "Date", "In", "Out", "Time", "Dec. Time", "Rate", "Wage", "Budget", "Approved", "Status",
    "Billable", "Customer", "Project", "Activity", "Description", "Comment", "Location",
    "Tracking Number", "Username", "Cleared",
)  # fmt: skip
_DATE_LIKE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}")
_TOTALS = ("total", "totals", "summe", "gesamt", "totaux")


def prepare(sheet: Sheet, errors: ErrorList) -> tuple[list[str], int, list] | None:
    """The header, its line and the rows under it; a Kimai 1 file without a header (its first
    value is already a date) gets Kimai 1's default columns."""
    first_line, first = sheet.rows[0]
    if first and _DATE_LIKE.fullmatch(first[0].strip()):
        return list(KIMAI1_COLUMNS), first_line, sheet.rows
    return first, first_line, sheet.rows[1:]


def is_total(record: dict[str, str]) -> bool:
    """Kimai 1's last row: the sums, with no date and no user (or "Total" where the date is)."""
    date = fold(record.get("date", "")).rstrip(":")
    return date in _TOTALS or (not date and not record.get("person"))


def duration_hours(record: dict[str, str]) -> tuple[Decimal | None, str, str]:
    text = record.get("duration", "")
    if text:
        if text.isdigit():  # Kimai 2's raw duration: seconds
            return Decimal(text) / SECONDS_PER_HOUR, "duration", text
        if ":" in text:
            return clock_hours(text), "duration", text
        return read_number(text), "duration", text
    text = record.get("duration_decimal", "")
    if text:
        return read_number(text), "duration_decimal", text
    return None, "duration", ""
