"""What the expert's week draws: its cells, rows, day headings and notices, in the active language.

The views of `week.py` build these from the week grid (`selectors.grid.WeekGrid`) and hand them
to the templates `week.html`, `_week_row.html` and `_week_cell*.html`.
"""

import datetime as dt
import json
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

from babel.dates import format_skeleton
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from consortium.core.formatting import babel_locale, day_in_words, exact_number, long_date
from consortium.core.languages import active_language
from consortium.timesheets.models import PeriodKind, WeekStatus
from consortium.timesheets.selectors.grid import WeekGrid, WeekGridCell, WeekGridLock, WeekGridRow

# --- how numbers and days read ------------------------------------------------------------------


def hours_text(hours: Decimal | None) -> str:
    """7,5 / 7.5 — as few decimals as needed, in the active language."""
    if hours is None:
        return ""
    return exact_number(hours)


@lru_cache(maxsize=4096)
def _long_day_in(day: dt.date, language: str) -> str:
    # A week draws each day's name once per row: Babel's formatting is cached by day and language.
    return day_in_words(day, language, with_year=False)


def _long_day(day: dt.date) -> str:
    return _long_day_in(day, active_language())


def cell_label(code: str, day: dt.date) -> str:
    """A cell as a person names it: « MAN-001, lundi 30 novembre », « MAN-001, mardi 1er
    décembre » (the year is the page's)."""
    return f"{code}, {_long_day(day)}"


def _lock_notice(lock: WeekGridLock) -> str:
    if lock.kind == PeriodKind.FISCAL_YEAR:
        name = lock.fiscal_year or f"{lock.start.isoformat()} – {lock.end.isoformat()}"
        return _("L'exercice %(year)s est verrouillé par les finances.") % {"year": name}
    month = format_skeleton("yMMMM", lock.start, locale=babel_locale())
    return _("%(month)s est verrouillé par les finances.") % {
        "month": month[:1].upper() + month[1:]
    }


# --- what the templates draw --------------------------------------------------------------------


@dataclass
class CellView:
    mandate_id: int
    code: str
    day: dt.date
    value: str
    readonly: bool
    entry_id: int | None = None
    comment: str = ""
    error: str = ""
    # How many entries the cell sums: past one, it is edited in the day's list.
    entries: int = 0
    # Read several times per cell by the template: computed once.
    key: str = field(init=False)
    label: str = field(init=False)
    hx_vals: str = field(init=False)

    def __post_init__(self) -> None:
        self.key = f"{self.mandate_id}-{self.day.isoformat()}"
        self.label = cell_label(self.code, self.day)
        self.hx_vals = json.dumps({"mandate": str(self.mandate_id), "day": self.day.isoformat()})

    @property
    def weekend(self) -> bool:
        return self.day.weekday() >= 5


@dataclass
class RowView:
    mandate_id: int
    code: str
    title: str
    organisation: str
    cells: list[CellView]
    total: str
    # The week may change: the row offers its pin and, while it has no hours, its removal.
    editable: bool = False
    pinned: bool = False
    empty: bool = True


def _cell_view(row: WeekGridRow, cell: WeekGridCell, *, closed: bool) -> CellView:
    return CellView(
        mandate_id=row.mandate_id,
        code=row.code,
        day=cell.day,
        value=hours_text(cell.hours),
        readonly=closed or cell.locked,
        entry_id=cell.entry_id,
        comment=cell.comment,
        entries=cell.entries,
    )


def row_view(row: WeekGridRow, *, closed: bool) -> RowView:
    """A row of the grid, read-only when the week is closed or where a day is locked."""
    return RowView(
        mandate_id=row.mandate_id,
        code=row.code,
        title=row.title,
        organisation=row.organisation,
        cells=[_cell_view(row, cell, closed=closed) for cell in row.cells],
        total=hours_text(row.total),
        editable=not closed,
        pinned=row.pinned,
        empty=not any(cell.entries for cell in row.cells),
    )


def day_headings(grid: WeekGrid) -> list[dict]:
    """The columns of the grid: each day's short name, whether it is a weekend, its total."""
    return [
        {
            "date": day,
            "short": format_skeleton("MMMEd", day, locale=babel_locale()),
            "weekend": day.weekday() >= 5,
            "total": hours_text(total),
        }
        for day, total in zip(grid.days, grid.day_totals, strict=True)
    ]


def week_notices(grid: WeekGrid) -> list[str]:
    """Why (part of) the week is read-only, in words."""
    notices = []
    week = grid.week
    if grid.status == WeekStatus.SUBMITTED:
        submitted = long_date(timezone.localdate(week.submitted_at))
        notices.append(
            _("Semaine soumise le %(date)s, en attente d'approbation.") % {"date": submitted}
        )
    elif grid.status == WeekStatus.APPROVED:
        notices.append(_("Semaine approuvée : ses heures ne changent plus sans réouverture."))
    notices += [_lock_notice(lock) for lock in grid.locks]
    return notices


def copy_summary(copied: int, present: int) -> str:
    """One sentence for a copy of the previous week: « 12 entrées copiées, 3 déjà présentes. »"""
    copied_text = ngettext("%(count)s entrée copiée", "%(count)s entrées copiées", copied) % {
        "count": copied
    }
    if not present:
        return _("%(copied)s de la semaine précédente.") % {"copied": copied_text}
    present_text = ngettext("%(count)s déjà présente", "%(count)s déjà présentes", present) % {
        "count": present
    }
    return _("%(copied)s, %(present)s.") % {"copied": copied_text, "present": present_text}
