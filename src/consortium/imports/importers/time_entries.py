"""`consortium import time-entries FILE`: hours of experts on mandates, by the hundred thousand.

Columns: expert_code, mandate_code, date, hours, description; optionally external_id, start and
end (HH:MM; with both, the hours may be left empty: they are the time between them, an end
before the start being on the next day). An expert may have several rows on one mandate and day.

The entries are written with the source "time-entries", and a re-import replaces them (the
replacement key of `time_entries_bulk_write`):
- a row with an external_id replaces the entry this import once gave that id, wherever it lies
  (a file may repeat no external_id);
- the rows without one replace, together, the entries without one that this import gave their
  expert, mandate and day: re-importing a file leaves each day as the file has it.
Entries typed on the web or imported from other software are never replaced, only added to.

Rows are checked in Python against lookups loaded once (experts, mandates, locked periods,
submitted and approved weeks, and the stored entries of the file's experts over the file's
days, one query each), with the rules
of `timesheets.rules`; then all of them are written at once by `time_entries_bulk_write`.
No query runs per row.
"""

import datetime as dt
import re
from collections import Counter
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
from consortium.timesheets.models import TimeEntry, TimesheetWeek, WeekStatus, hours_between
from consortium.timesheets.selectors.ledger import closed_weeks_by_expert
from consortium.timesheets.services.entries import (
    SourcedEntryRow,
    time_entries_bulk_write,
    time_entries_lock_experts,
)
from consortium.timesheets.services.weeks import weeks_approve_imported

COLUMNS = ("expert_code", "mandate_code", "date", "hours", "description")
OPTIONAL_COLUMNS = ("external_id", "start", "end")
SOURCE = "time-entries"
EXTERNAL_ID_LENGTH = 100
_TIME = re.compile(r"([01]?[0-9]|2[0-3]):([0-5][0-9])")

# A code's record as plain values: id, first day, last day (None: still running).
Span = tuple[int, dt.date, dt.date | None]


class _Parsed:
    """Parses each distinct text once: a file repeats the same few hours and days."""

    def __init__(self) -> None:
        self.days: dict[str, dt.date | str] = {}
        self.hours: dict[str, tuple[Decimal | None, list[rules.Problem]]] = {}
        self.times: dict[str, dt.time | str] = {}

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

    def time(self, text: str) -> dt.time | str | None:
        """The time of day (HH:MM), None when empty, or the message saying why it is not one."""
        if not text:
            return None
        found = self.times.get(text)
        if found is None:
            match = _TIME.fullmatch(text)
            if match is None:
                found = _(
                    "« %(value)s » n'est pas une heure du jour (HH:MM, de 00:00 à 23:59)."
                ) % {"value": text}
            else:
                found = dt.time(int(match[1]), int(match[2]))
            self.times[text] = found
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


def _optional(table: CsvTable, column: str):
    """A getter of an optional column's value: "" for every row when the file has none."""
    position = table.index.get(column)
    if position is None:
        return lambda fields: ""
    return itemgetter(position)


def _times(
    parsed: _Parsed, start_text: str, end_text: str
) -> tuple[dt.time | None, dt.time | None, Decimal | None, list[rules.Problem]]:
    """Start, end, the hours they make (None without times) and what is wrong with them."""
    start, end = parsed.time(start_text), parsed.time(end_text)
    problems: list[rules.Problem] = [
        (column, value)
        for column, value in (("start", start), ("end", end))
        if isinstance(value, str)
    ]
    if problems:
        return None, None, None, problems
    if (start is None) != (end is None):
        column = "end" if end is None else "start"
        return (
            None,
            None,
            None,
            [(column, _("Indiquez le début et la fin, ou ni l'un ni l'autre."))],
        )
    if start is None or end is None:
        return None, None, None, []
    duration = hours_between(start, end)
    if duration == 0:
        return None, None, None, [("end", _("La fin doit différer du début."))]
    return start, end, duration, []


def _named(named: dict[str, str], code: str) -> str:
    name = named.get(code)
    if name is None:
        name = named[code] = rules.expert_by_code(code)
    return name


def run(
    table: CsvTable, errors: ErrorList, *, approve: bool = False, by=None, source: str = SOURCE
) -> ImportSummary:
    """With `approve`, the weeks of the file's hours are approved as decided by `by`
    (`weeks_approve_imported`): history whose weeks were approved elsewhere. A row in a
    returned week is then an error: the week awaits its expert and director.

    `source`: what the entries are written as, and which stored entries a re-import replaces
    (`consortium import-timesheets` gives the tool's name: "toggl", "kimai"…)."""
    experts, mandates, locks = _lookups()
    closed_weeks = closed_weeks_by_expert()
    returned = _returned_weeks() if approve else set()
    columns = itemgetter(*(table.index[column] for column in COLUMNS))
    id_position = table.index.get("external_id")
    too_long = _("L'identifiant externe a au plus %(limit)s caractères.") % {
        "limit": EXTERNAL_ID_LENGTH
    }
    start_of, end_of = _optional(table, "start"), _optional(table, "end")
    with_times = "start" in table.index or "end" in table.index
    parsed = _Parsed()
    unknown_expert = _("Expert inconnu : « %(code)s ».")
    unknown_mandate = _("Mandat inconnu : « %(code)s ».")
    lock_problems: dict[dt.date, list[rules.Problem]] = {}
    # « L'expert E02 » by code, worded once per expert (the file names experts by their code).
    named: dict[str, str] = {}
    # (expert id, mandate id, day) → the first line on it; and how many rows without an id.
    seen: dict[tuple[int, int, dt.date], int] = {}
    anonymous: dict[tuple[int, int, dt.date], int] = {}
    external_ids: dict[str, int] = {}
    accepted: list[SourcedEntryRow] = []
    # (expert id, day) → [hours, line of the day's last row, expert code]
    days: dict[tuple[int, dt.date], list] = {}

    for line, fields in table.rows:
        expert_code, mandate_code, day_text, hours_text, description = columns(fields)
        expert = experts.get(expert_code) or _reference(expert_code, experts, unknown_expert)
        mandate = mandates.get(mandate_code) or _reference(mandate_code, mandates, unknown_mandate)
        day = parsed.day(day_text)
        if with_times:
            start, end, duration, time_problems = _times(parsed, start_of(fields), end_of(fields))
            if duration is not None and not hours_text:
                hours, hour_problems = duration, []
            else:
                hours, hour_problems = parsed.hours_of(hours_text)
                if duration is not None and hours is not None and hours != duration:
                    hour_problems = [("hours", _mismatch_message(hours, start, end, duration))]
            if time_problems:
                hour_problems = time_problems + hour_problems
        else:
            start = end = None
            hours, hour_problems = parsed.hours_of(hours_text)
        external_id = fields[id_position] if id_position is not None else ""
        if external_id:
            if len(external_id) > EXTERNAL_ID_LENGTH:
                # A new list: the parsed hours' problems are shared by every row of that text.
                hour_problems = [*hour_problems, ("external_id", too_long)]
            else:
                previous = external_ids.setdefault(external_id, line)
                if previous != line:
                    errors.add(line, "external_id", _duplicate_message(previous, external_id))
                    continue
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
        mandate_id, mandate_start, mandate_end = mandate
        key = (expert_id, mandate_id, day)
        seen.setdefault(key, line)
        locked = lock_problems.get(day)
        if locked is None:
            locked = lock_problems[day] = rules.check_not_locked(day, locks)
        problems = (
            rules.check_mandate_dates(day, mandate_start, mandate_end, mandate_code)
            + rules.check_employment(day, hired_on, left_on, _named(named, expert_code))
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
        if not external_id:
            anonymous[key] = anonymous.get(key, 0) + 1
        accepted.append(
            (expert_id, mandate_id, day, hours, description, start, end, source, external_id)
        )
        total = days.get((expert_id, day))
        if total is None:
            days[(expert_id, day)] = [hours, line, expert_code]
        else:
            total[0] += hours
            total[1] = line

    # The stored hours are read under the experts' locks, held until the import commits: an
    # entry saved meanwhile in the grid or by another import cannot slip under the 24 h rule.
    identified = _identified_entries(external_ids, source)
    time_entries_lock_experts(
        expert_ids={expert_id for expert_id, _day in days}
        | {expert_id for _pk, expert_id, _day, _invoices in identified.values()}
    )
    for line, problems in _identified_problems(identified, external_ids, locks, closed_weeks):
        errors.extend(line, problems)
    replaced = len(identified)
    replaced += _add_stored_hours(days, anonymous, {row[0] for row in identified.values()}, source)
    for line, problems in _billed_rows(seen, anonymous, source):
        errors.extend(line, problems)
    for (_expert_id, day), (total, line, expert_code) in days.items():
        errors.extend(line, rules.check_daily_total(total, day, _named(named, expert_code)))

    count = Count(_("entrées de temps"))
    counts = [count]
    if not errors:
        time_entries_bulk_write(accepted, new_only=not replaced)
        count.updated = min(replaced, len(accepted))
        count.created = len(accepted) - count.updated
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


# A stored entry the file names by its external id: id, expert, date, the invoices holding it.
Identified = tuple[int, int, dt.date, list]


def _identified_entries(external_ids: dict[str, int], source: str) -> dict[str, Identified]:
    """The entries this import once gave the file's external ids, in one query (over all of the
    source's identified entries: a list of the file's ids could pass a database's limit on
    bound values)."""
    if not external_ids:
        return {}
    found: dict[str, Identified] = {}
    rows = (
        TimeEntry.objects.filter(source=source)
        .exclude(external_id="")
        .values_list(
            "external_id",
            "pk",
            "expert_id",
            "date",
            "invoice_entries__line__invoice_id",
            "invoice_entries__line__invoice__number",
            "invoice_entries__line__invoice__status",
        )
        .order_by()
    )
    for external_id, pk, expert_id, day, *invoice in rows:
        if external_id not in external_ids:
            continue
        entry = found.setdefault(external_id, (pk, expert_id, day, []))
        if invoice[0] is not None:
            entry[3].append(tuple(invoice))
    return found


def _identified_problems(
    identified: dict[str, Identified], external_ids: dict[str, int], locks, closed_weeks
) -> list[tuple[int, list]]:
    """The rows that would change an entry on a closed day or held by an invoice: the day the
    entry lies on now is checked here, the row's own day with the row."""
    found = []
    for external_id, (_pk, expert_id, day, invoices) in identified.items():
        problems = rules.check_not_locked(day, locks)
        problems += rules.check_week_open(day, closed_weeks.get(expert_id, {}))
        problems += rules.check_not_billed(invoices)
        if problems:
            found.append((external_ids[external_id], problems))
    return found


def _billed_rows(
    seen: dict[tuple[int, int, dt.date], int], anonymous: dict, source: str
) -> list[tuple[int, list]]:
    """The file's rows that would replace hours an invoice holds, each with its problem, in one
    query over the file's experts and days (read through the ledger's reverse relation): the
    entries without an external id that this import gave a cell where the file has rows
    without one."""
    if not anonymous:
        return []
    days = [day for _expert, _mandate, day in anonymous]
    billed: dict[tuple[int, int, dt.date], list] = {}
    rows = (
        TimeEntry.objects.filter(
            expert_id__in={expert for expert, _mandate, _day in anonymous},
            date__range=(min(days), max(days)),
            source=source,
            external_id="",
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
        if key in anonymous
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


def _duplicate_message(line: int, external_id: str) -> str:
    return _("La ligne %(line)s porte déjà l'identifiant externe « %(id)s ».") % {
        "line": line,
        "id": external_id,
    }


def _mismatch_message(hours: Decimal, start, end, duration: Decimal) -> str:
    return _(
        "%(hours)s h ne font pas la durée de %(start)s à %(end)s (%(duration)s h) : "
        "corrigez les heures, ou laissez-les vides."
    ) % {
        "hours": hours.normalize(),
        "start": start.strftime("%H:%M"),
        "end": end.strftime("%H:%M"),
        "duration": duration.normalize(),
    }


def _add_stored_hours(
    days: dict[tuple[int, dt.date], list], anonymous: dict, identified: set[int], source: str
) -> int:
    """Add to each day's total the stored entries the file does not replace, in one query over
    the file's experts and days. `identified`: the ids of the stored entries that the rows with
    an external id replace. Returns how many stored entries the rows without one replace (at
    most as many as those rows: the others are deleted, not replaced)."""
    if not days:
        return 0
    expert_ids = {expert_id for expert_id, _day in days}
    first_day = min(day for _expert_id, day in days)
    last_day = max(day for _expert_id, day in days)
    stored = TimeEntry.objects.filter(
        expert_id__in=expert_ids, date__range=(first_day, last_day)
    ).values_list("pk", "expert_id", "mandate_id", "date", "hours", "source", "external_id")
    # Read through the driver's cursor: a re-import reads back as many rows as it writes, and
    # the ORM's per-row conversions would double its time. Both drivers give dates; SQLite gives
    # hours as floats or integers, exact for two decimals, made Decimals when they count.
    sql, params = stored.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        found = cursor.fetchall()
    replaced: Counter[tuple[int, int, dt.date]] = Counter()
    for pk, expert_id, mandate_id, day, hours, stored_source, external_id in found:
        if pk in identified:
            continue
        key = (expert_id, mandate_id, day)
        if stored_source == source and not external_id and key in anonymous:
            replaced[key] += 1
            continue
        total = days.get((expert_id, day))
        if total is not None:
            total[0] += hours if isinstance(hours, Decimal) else Decimal(repr(hours))
    return sum(min(count, anonymous[key]) for key, count in replaced.items())
