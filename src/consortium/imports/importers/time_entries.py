"""`consortium import time-entries FILE`: hours of experts on mandates, by the hundred thousand.

Rows are checked in Python against lookups loaded once (experts, mandates, locked periods,
submitted and approved weeks, and the stored entries of the file's experts over the file's
days, one query each), with the rules
of `timesheets.rules`; then all of them are written at once by `time_entries_bulk_write`.
No query runs per row.
"""

import datetime as dt
from decimal import Decimal
from operator import itemgetter

from django.core.exceptions import ValidationError
from django.db import connection
from django.utils.translation import gettext as _

from consortium.core.locks import locked_ranges
from consortium.core.weeks import week_start_of
from consortium.imports.csv_reader import CsvTable
from consortium.imports.errors import ErrorList
from consortium.imports.importers.base import Count, ImportSummary, parse_iso_date
from consortium.mandates.models import Mandate
from consortium.staff.models import Expert
from consortium.timesheets import rules
from consortium.timesheets.models import TimeEntry, TimesheetWeek, WeekStatus
from consortium.timesheets.selectors.ledger import closed_weeks_by_expert
from consortium.timesheets.services.entries import (
    EntryRow,
    time_entries_bulk_write,
    time_entries_lock_experts,
)
from consortium.timesheets.services.weeks import weeks_approve_imported

COLUMNS = ("expert_code", "mandate_code", "date", "hours", "description")

# A code's record as plain values: id, first day, last day (None: still running).
Span = tuple[int, dt.date, dt.date | None]


class _Parsed:
    """Parses each distinct text once: a file repeats the same few hours and days."""

    def __init__(self) -> None:
        self.days: dict[str, dt.date | str] = {}
        self.hours: dict[str, tuple[Decimal | None, list[rules.Problem]]] = {}

    def day(self, text: str) -> dt.date | str:
        """The date, or the message saying why it is not one."""
        found = self.days.get(text)
        if found is None:
            if not text:
                found = _("Valeur obligatoire.")
            else:
                try:
                    found = parse_iso_date(text)
                except ValueError as error:
                    found = str(error)
            self.days[text] = found
        return found

    def hours_of(self, text: str) -> tuple[Decimal | None, list[rules.Problem]]:
        found = self.hours.get(text)
        if found is None:
            if not text:
                found = (None, [("hours", _("Valeur obligatoire."))])
            else:
                try:
                    value = rules.parse_hours(text)
                except ValueError as error:
                    found = (None, [("hours", str(error))])
                else:
                    found = (value, rules.check_hours(value))
            self.hours[text] = found
        return found


def _reference(code: str, known: dict[str, Span], unknown: str) -> Span | str:
    """The record a code names, or the message saying why there is none."""
    if not code:
        return _("Valeur obligatoire.")
    return known.get(code) or unknown % {"code": code}


def _lookups() -> tuple[dict[str, Span], dict[str, Span], list[tuple[dt.date, dt.date]]]:
    experts = {
        code: (pk, hired_on, left_on)
        for pk, code, hired_on, left_on in Expert.objects.values_list(
            "pk", "code", "hired_on", "left_on"
        )
    }
    mandates = {
        code: (pk, start, end)
        for pk, code, start, end in Mandate.objects.values_list("pk", "code", "start", "end")
    }
    return experts, mandates, locked_ranges(dt.date.min, dt.date.max)


def run(table: CsvTable, errors: ErrorList, *, approve: bool = False, by=None) -> ImportSummary:
    """With `approve`, the weeks of the file's hours are approved as decided by `by`
    (`weeks_approve_imported`): history whose weeks were approved elsewhere. A row in a
    returned week is then an error: the week awaits its expert and director."""
    experts, mandates, locks = _lookups()
    closed_weeks = closed_weeks_by_expert()
    returned = _returned_weeks() if approve else set()
    columns = itemgetter(*(table.index[column] for column in COLUMNS))
    parsed = _Parsed()
    unknown_expert = _("Expert inconnu : « %(code)s ».")
    unknown_mandate = _("Mandat inconnu : « %(code)s ».")
    lock_problems: dict[dt.date, list[rules.Problem]] = {}
    seen: dict[tuple[int, int, dt.date], int] = {}
    accepted: list[EntryRow] = []
    # (expert id, day) → [hours, line of the day's last row, expert code]
    days: dict[tuple[int, dt.date], list] = {}

    for line, fields in table.rows:
        expert_code, mandate_code, day_text, hours_text, description = columns(fields)
        expert = experts.get(expert_code) or _reference(expert_code, experts, unknown_expert)
        mandate = mandates.get(mandate_code) or _reference(mandate_code, mandates, unknown_mandate)
        day = parsed.day(day_text)
        hours, hour_problems = parsed.hours_of(hours_text)
        if isinstance(expert, str) or isinstance(mandate, str) or isinstance(day, str):
            for column, value in (
                ("expert_code", expert),
                ("mandate_code", mandate),
                ("date", day),
            ):
                if isinstance(value, str):
                    errors.add(line, column, value)
            errors.extend(line, hour_problems)
            continue
        if hour_problems:
            errors.extend(line, hour_problems)
            hours = None  # reported; the row still goes through the checks on its date

        expert_id, hired_on, left_on = expert
        mandate_id, start, end = mandate
        key = (expert_id, mandate_id, day)
        previous = seen.setdefault(key, line)
        if previous != line:
            errors.add(line, "date", _duplicate_message(previous, expert_code, mandate_code, day))
            continue
        locked = lock_problems.get(day)
        if locked is None:
            locked = lock_problems[day] = rules.check_not_locked(day, locks)
        problems = (
            rules.check_mandate_dates(day, start, end, mandate_code)
            + rules.check_employment(day, hired_on, left_on, expert_code)
            + locked
            + rules.check_week_open(day, closed_weeks.get(expert_id, {}))
        )
        if returned and (expert_id, week_start_of(day)) in returned:
            problems.append(("date", _returned_message(day)))
        if problems:
            errors.extend(line, problems)
            continue
        if hours is None:
            continue
        accepted.append((expert_id, mandate_id, day, hours, description))
        total = days.get((expert_id, day))
        if total is None:
            days[(expert_id, day)] = [hours, line, expert_code]
        else:
            total[0] += hours
            total[1] = line

    # The stored hours are read under the experts' locks, held until the import commits: an
    # entry saved meanwhile in the grid or by another import cannot slip under the 24 h rule.
    time_entries_lock_experts(expert_ids={expert_id for expert_id, _day in days})
    replaced = _add_stored_hours(days, seen)
    for line, problems in _billed_rows(seen):
        errors.extend(line, problems)
    for (_expert_id, day), (total, line, expert_code) in days.items():
        errors.extend(line, rules.check_daily_total(total, day, expert_code))

    count = Count(_("entrées de temps"))
    counts = [count]
    if not errors:
        time_entries_bulk_write(accepted, new_only=not replaced)
        count.created = len(accepted) - replaced
        count.updated = replaced
        if approve:
            weeks = Count(_("semaines approuvées par l'import"))
            try:
                weeks.created, weeks.updated = weeks_approve_imported(
                    weeks={(expert_id, week_start_of(day)) for expert_id, day in days}, by=by
                )
            except ValidationError as error:
                # Only a week submitted meanwhile gets here: the rows were checked above.
                errors.extend(table.rows[0][0], [("date", message) for message in error.messages])
            counts.append(weeks)
    return ImportSummary(rows=len(table.rows), counts=counts)


def _billed_rows(seen: dict[tuple[int, int, dt.date], int]) -> list[tuple[int, list]]:
    """The file's rows that would replace hours an invoice holds, each with its problem, in one
    query over the file's experts and days (read through the ledger's reverse relation)."""
    if not seen:
        return []
    days = [day for _expert, _mandate, day in seen]
    billed: dict[tuple[int, int, dt.date], list] = {}
    rows = (
        TimeEntry.objects.filter(
            expert_id__in={expert for expert, _mandate, _day in seen},
            date__range=(min(days), max(days)),
            invoice_entries__isnull=False,
        )
        .values_list(
            "expert_id",
            "mandate_id",
            "date",
            "invoice_entries__line__invoice_id",
            "invoice_entries__line__invoice__number",
            "invoice_entries__line__invoice__status",
        )
        .order_by()
    )
    for expert_id, mandate_id, day, *invoice in rows:
        billed.setdefault((expert_id, mandate_id, day), []).append(tuple(invoice))
    return [
        (seen[key], rules.check_not_billed(invoices))
        for key, invoices in billed.items()
        if key in seen
    ]


def _returned_weeks() -> set[tuple[int, dt.date]]:
    return set(
        TimesheetWeek.objects.filter(status=WeekStatus.RETURNED).values_list(
            "expert_id", "week_start"
        )
    )


def _returned_message(day: dt.date) -> str:
    return _(
        "La semaine du %(week)s a été renvoyée à l'expert : ses heures attendent une nouvelle "
        "soumission et ne peuvent être approuvées par un import (--approve)."
    ) % {"week": week_start_of(day).isoformat()}


def _duplicate_message(line: int, expert: str, mandate: str, day: dt.date) -> str:
    return _(
        "La ligne %(line)s porte déjà sur l'expert %(expert)s, le mandat %(mandate)s et le %(day)s."
    ) % {"line": line, "expert": expert, "mandate": mandate, "day": day.isoformat()}


def _add_stored_hours(
    days: dict[tuple[int, dt.date], list], seen: dict[tuple[int, int, dt.date], int]
) -> int:
    """Add to each day's total the stored entries the file does not replace, in one query over
    the file's experts and days; returns how many stored entries the file replaces."""
    if not days:
        return 0
    expert_ids = {expert_id for expert_id, _day in days}
    first_day = min(day for _expert_id, day in days)
    last_day = max(day for _expert_id, day in days)
    stored = TimeEntry.objects.filter(
        expert_id__in=expert_ids, date__range=(first_day, last_day)
    ).values_list("expert_id", "mandate_id", "date", "hours")
    # Read through the driver's cursor: a re-import reads back as many rows as it writes, and
    # the ORM's per-row conversions would double its time. Both drivers give dates; SQLite gives
    # hours as floats or integers, exact for two decimals, made Decimals when they count.
    sql, params = stored.query.sql_with_params()
    replaced = 0
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        found = cursor.fetchall()
    for expert_id, mandate_id, day, hours in found:
        if (expert_id, mandate_id, day) in seen:
            replaced += 1
            continue
        total = days.get((expert_id, day))
        if total is not None:
            total[0] += hours if isinstance(hours, Decimal) else Decimal(repr(hours))
    return replaced
