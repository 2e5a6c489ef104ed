"""The week grid: one expert's week as rows of mandates × a cell per day (Monday to Sunday).

The expert edits it (`sheet.week_sheet`, with the locks that close some of its days); a director
reads it before deciding (`review.week_grid`). Both pages draw this one model.
"""

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from consortium.timesheets.models import TimesheetWeek, WeekStatus


@dataclass
class WeekGridCell:
    """One mandate on one day: the sum of its entries. `entry_id` and `comment` are its entry's
    when it holds exactly one; a cell of several is edited in the day's list of entries."""

    day: dt.date
    entry_id: int | None = None
    hours: Decimal | None = None
    comment: str = ""
    locked: bool = False
    entries: int = 0

    def add(self, entry_id: int, hours: Decimal, comment: str) -> None:
        """Count one more entry of the cell."""
        self.entries += 1
        self.hours = hours if self.hours is None else self.hours + hours
        if self.entries == 1:
            self.entry_id, self.comment = entry_id, comment
        else:
            self.entry_id, self.comment = None, ""


@dataclass
class WeekGridRow:
    mandate_id: int
    code: str
    title: str
    organisation: str
    cells: list[WeekGridCell]
    # The expert keeps this mandate in every week's grid (the editable sheet only).
    pinned: bool = False

    @property
    def total(self) -> Decimal:
        return sum((cell.hours for cell in self.cells if cell.hours is not None), Decimal(0))


@dataclass(frozen=True)
class WeekGridLock:
    start: dt.date
    end: dt.date
    kind: str
    fiscal_year: str | None


@dataclass
class WeekGrid:
    """One expert's week: rows of mandates, a cell per day, the week's submission record (None
    until first submitted) and the period locks touching it (read by the editable sheet only:
    the review page's grid is read-only whatever they say)."""

    days: list[dt.date]
    week: TimesheetWeek | None
    rows: list[WeekGridRow]
    locks: list[WeekGridLock] = field(default_factory=list)

    @property
    def week_start(self) -> dt.date:
        return self.days[0]

    @property
    def status(self) -> str:
        return self.week.status if self.week else WeekStatus.DRAFT

    @property
    def is_closed(self) -> bool:
        return self.status in (WeekStatus.SUBMITTED, WeekStatus.APPROVED)

    @property
    def locked_days(self) -> set[dt.date]:
        return {day for day in self.days if any(lk.start <= day <= lk.end for lk in self.locks)}

    @property
    def day_totals(self) -> list[Decimal]:
        return [
            sum((row.cells[index].hours or Decimal(0) for row in self.rows), Decimal(0))
            for index in range(len(self.days))
        ]

    @property
    def total(self) -> Decimal:
        return sum((row.total for row in self.rows), Decimal(0))
