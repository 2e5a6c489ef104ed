"""Utilisation: hours entered over hours available (the workdays employed × the standard day:
weekdays less Quebec's statutory holidays and the centre's closing days, never a day to come),
by expert, by department and for the centre, and what a rate means (`UtilisationBand`)."""

import datetime as dt
import enum
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.db.models import OuterRef, Q, Subquery, Sum

from consortium.core.fiscal_years import Period
from consortium.core.numbers import hours_to_cents, percentage
from consortium.core.workdays import days_off, workdays_between
from consortium.staff.models import Expert, Role
from consortium.timesheets.models import TimeEntry

# Under LOW is worth a look, over FULL means hours beyond the standard day.
LOW_UTILISATION = Decimal(60)
FULL_UTILISATION = Decimal(100)


class UtilisationBand(enum.Enum):
    """What a utilisation rate means; the templates decide how it looks."""

    LOW = "low"  # under LOW_UTILISATION: worth a look
    NORMAL = "normal"
    OVER = "over"  # over FULL_UTILISATION: beyond the standard day


def utilisation_band(rate: Decimal | None) -> UtilisationBand | None:
    """LOW under 60 %, OVER over 100 %, NORMAL between; None without a rate."""
    if rate is None:
        return None
    if rate < LOW_UTILISATION:
        return UtilisationBand.LOW
    if rate > FULL_UTILISATION:
        return UtilisationBand.OVER
    return UtilisationBand.NORMAL


def workday_hours() -> Decimal:
    """The standard working day, in hours (7 unless the settings say otherwise)."""
    return Decimal(str(settings.WORKDAY_HOURS))


class _Banded:
    @property
    def band(self) -> UtilisationBand | None:
        return utilisation_band(self.rate)


@dataclass(frozen=True)
class ExpertUtilisation(_Banded):
    id: int
    name: str
    department_id: int
    hours: Decimal
    available: Decimal
    rate: Decimal | None
    department: str = ""  # the department's name, where the caller knows the names
    role: str = ""  # Role's value
    role_label: str = ""  # its name in the active language


@dataclass(frozen=True)
class DepartmentUtilisation(_Banded):
    id: int
    label: str
    experts: int
    hours: Decimal
    available: Decimal
    rate: Decimal | None


@dataclass(frozen=True)
class CentreUtilisation(_Banded):
    """All the experts counted together (the centre's, or one department's)."""

    hours: Decimal
    available: Decimal
    rate: Decimal | None


def expert_utilisation(
    period: Period, department_id: int | None, today: dt.date | None = None
) -> list[ExpertUtilisation]:
    """Each expert employed during `period`: hours entered, hours available (workdays of their
    employment within the period and up to `today` × the standard day) and their ratio in
    percent, highest first (two queries: the closing days, and the experts with their hours, each
    a range seek on the (expert, date) index).

    The current week's days still to come are not available yet, nor are Quebec's statutory
    holidays and the centre's closing days (`core.workdays`).
    """
    hours = (
        TimeEntry.objects.filter(expert=OuterRef("pk"), date__range=(period.start, period.end))
        .order_by()
        .values("expert")
        .annotate(total=Sum("hours"))
        .values("total")
    )
    experts = Expert.objects.filter(hired_on__lte=period.end).filter(
        Q(left_on__isnull=True) | Q(left_on__gte=period.start)
    )
    if department_id:
        experts = experts.filter(department_id=department_id)
    standard_day = workday_hours()
    # Translated once, not once per expert (a lazy string costs a lookup each time it is read).
    role_labels = {value: str(label) for value, label in Role.choices}
    available_until = min(period.end, today) if today else period.end
    off = days_off(period.start, available_until)
    rows = []
    for expert in experts.annotate(hours=Subquery(hours)).values(
        "pk", "first_name", "last_name", "department_id", "role", "hired_on", "left_on", "hours"
    ):
        first = max(expert["hired_on"], period.start)
        last = min(expert["left_on"] or available_until, available_until)
        available = workdays_between(first, last, off) * standard_day
        entered = hours_to_cents(expert["hours"])
        rows.append(
            ExpertUtilisation(
                id=expert["pk"],
                name=f"{expert['first_name']} {expert['last_name']}",
                department_id=expert["department_id"],
                hours=entered,
                available=available,
                rate=percentage(entered, available),
                role=expert["role"],
                role_label=role_labels.get(expert["role"], ""),
            )
        )
    rows.sort(key=lambda row: (-(row.rate or Decimal(-1)), row.name))
    return rows


def utilisation_by_department(
    rows: list[ExpertUtilisation], names: Mapping[int, str]
) -> list[DepartmentUtilisation]:
    """Each department's utilisation: its experts' hours over their hours available."""
    totals: dict[int, list] = defaultdict(lambda: [Decimal(0), Decimal(0), 0])
    for row in rows:
        total = totals[row.department_id]
        total[0] += row.hours
        total[1] += row.available
        total[2] += 1
    departments = [
        DepartmentUtilisation(
            id=department_id,
            label=names.get(department_id, "?"),
            experts=experts,
            hours=entered,
            available=available,
            rate=percentage(entered, available),
        )
        for department_id, (entered, available, experts) in totals.items()
    ]
    departments.sort(key=lambda row: row.label)
    return departments


def centre_utilisation(rows: list[ExpertUtilisation]) -> CentreUtilisation:
    """The experts' hours together over their hours available together."""
    hours = sum((row.hours for row in rows), Decimal(0))
    available = sum((row.available for row in rows), Decimal(0))
    return CentreUtilisation(hours=hours, available=available, rate=percentage(hours, available))
