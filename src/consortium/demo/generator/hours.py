"""Plan the time entries, month by month, in whole quarter hours.

Each month's total (targets.MONTHLY_HOURS × scale) is split exactly: first the fully managed
members' share, then the subsidised banks of hours, then every other open mandate (at least an
hour each, the rest by weight). Each mandate's month is then cut into day entries of a realistic
size for experts of its team who are employed that day and still have room in their day: a
usual day first, never more than 10 h.
"""

import random
from collections.abc import Iterator

from consortium.demo.generator import catalogue, targets
from consortium.demo.generator.mandates import MandatePlan
from consortium.demo.generator.organisations import OrganisationPlan
from consortium.demo.generator.shares import apportion
from consortium.demo.generator.staff import LONGEST_DAY, ExpertPlan
from consortium.demo.generator.workdays import day_number, workdays_by_month

UNITS_PER_HOUR = 4
LEAST_UNITS = 4  # every open mandate gets at least an hour in each of its months
NEVER = 10**6

# (expert index, mandate index, day number, quarter hours, description)
PlannedEntry = tuple[int, int, int, int, str]


class CapacityError(RuntimeError):
    """The month's hours do not fit in the experts' days (the plan asks for too much)."""


def fiscal_year_of(month: tuple[int, int]) -> str:
    year = month[0] if month[1] >= 4 else month[0] - 1
    return f"{year}-{year + 1}"


class HoursPlanner:
    def __init__(
        self,
        experts: list[ExpertPlan],
        mandates: list[MandatePlan],
        organisations: list[OrganisationPlan],
        scale: float,
        rng: random.Random,
    ) -> None:
        self.experts = experts
        self.mandates = mandates
        # The fully managed members and their weight in the month's fully managed hours.
        average = 1 / len(targets.FULLY_MANAGED)
        self.fully_managed = {
            index: targets.FULLY_MANAGED.get(organisation.code, average)
            for index, organisation in enumerate(organisations)
            if organisation.fully_managed
        }
        self.scale = scale
        self.rng = rng
        self.workdays = workdays_by_month()
        days = self.workdays[-1][-1] + 1
        self.used = [bytearray(days) for _ in experts]
        self.usual = [expert.usual_day for expert in experts]
        self.hired = [day_number(expert.hired_on) for expert in experts]
        self.left = [day_number(e.left_on) if e.left_on else NEVER for e in experts]
        self.by_department: dict[str, list[int]] = {}
        for i, expert in enumerate(experts):
            self.by_department.setdefault(expert.department, []).append(i)
        self.starts = [day_number(m.start) for m in mandates]
        self.ends = [day_number(m.end) if m.end else NEVER for m in mandates]
        self.active: list[list[int]] = [[] for _ in targets.MONTHS]
        for i, mandate in enumerate(mandates):
            if mandate.has_hours:
                for month in range(mandate.first_month, mandate.last_month + 1):
                    self.active[month].append(i)

    # -- how many quarter hours each open mandate gets in a month --------------------------

    def month_units(self, month: int) -> list[tuple[int, int]]:
        year_month = targets.MONTHS[month]
        total = round(targets.MONTHLY_HOURS[year_month] * UNITS_PER_HOUR * self.scale)
        active = self.active[month]
        managed = [i for i in active if self.mandates[i].fully_managed_share]
        banked = [i for i in active if self.mandates[i].fixed_units]
        special = set(managed) | set(banked)
        others = [i for i in active if i not in special]
        units: dict[int, int] = {}

        share = targets.FULLY_MANAGED_SHARE[fiscal_year_of(year_month)]
        members = list(self.fully_managed)
        weights = list(self.fully_managed.values())
        by_member: dict[int, list[int]] = {member: [] for member in members}
        for i in managed:
            by_member[self.mandates[i].organisation].append(i)
        for member, member_units in zip(
            members, apportion(round(total * share), weights), strict=True
        ):
            own = by_member[member]
            shares = [self.mandates[i].fully_managed_share for i in own]
            units.update(zip(own, apportion(member_units, shares), strict=True))
        for i in banked:
            mandate = self.mandates[i]
            months = mandate.last_month - mandate.first_month + 1
            units[i] = apportion(mandate.fixed_units, [1.0] * months)[month - mandate.first_month]

        rest = total - sum(units.values())
        if others:
            least = min(LEAST_UNITS, rest // len(others))
            if least < 1:
                raise CapacityError(
                    f"{year_month}: {rest} quarter hours for {len(others)} mandates"
                )
            weights = [self.mandates[i].weight * self.rng.uniform(0.75, 1.25) for i in others]
            spread = apportion(rest - least * len(others), weights)
            units.update((i, least + extra) for i, extra in zip(others, spread, strict=True))
        elif rest:
            raise CapacityError(f"{year_month}: {rest} quarter hours and no mandate to take them")
        return [(i, n) for i, n in units.items() if n > 0]

    # -- how those quarter hours become day entries --------------------------------------------

    def month_entries(self, month: int) -> list[PlannedEntry]:
        entries: list[PlannedEntry] = []
        first, last = self.workdays[month][0], self.workdays[month][-1]
        employed = [
            i for i in range(len(self.experts)) if self.hired[i] <= last and self.left[i] >= first
        ]
        for mandate_index, units in self.month_units(month):
            entries.extend(self._place(month, mandate_index, units, employed))
        return entries

    def _place(
        self, month: int, index: int, units: int, employed: list[int]
    ) -> Iterator[PlannedEntry]:
        mandate = self.mandates[index]
        start, end = self.starts[index], self.ends[index]
        days = [day for day in self.workdays[month] if start <= day <= end]
        if not days:
            raise CapacityError(f"mandate {mandate.code} has no working day in month {month}")
        low, high = catalogue.ENTRY_UNITS[mandate.mandate_type]
        cells: dict[tuple[int, int], int] = {}
        remaining = units
        while remaining > 0:
            size = self.rng.randint(low, high)
            if remaining <= high:
                size = remaining
            elif remaining - size < low:
                size = remaining - low
            day, expert, size = self._find(mandate, days, size, employed)
            cells[day, expert] = cells.get((day, expert), 0) + size
            self.used[expert][day] += size
            remaining -= size
        pool = catalogue.ENTRY_DESCRIPTIONS.get(mandate.mandate_type)
        pool = pool or catalogue.ENTRY_DESCRIPTIONS[mandate.department]
        choice = self.rng.choice
        for (day, expert), size in cells.items():
            yield expert, index, day, size, choice(pool)

    def _fits(self, expert: int, day: int, size: int, room: int) -> bool:
        return (
            self.hired[expert] <= day <= self.left[expert] and self.used[expert][day] + size <= room
        )

    def _find(
        self, mandate: MandatePlan, days: list[int], size: int, employed: list[int]
    ) -> tuple[int, int, int]:
        """A (day, expert) with room for `size` quarter hours: the team, then colleagues."""
        rng = self.rng
        team = mandate.team
        for _attempt in range(6):
            day = rng.choice(days)
            offset = rng.randrange(len(team)) if team else 0
            for k in range(len(team)):
                expert = team[(offset + k) % len(team)]
                if self._fits(expert, day, size, self.usual[expert]):
                    return day, expert, size
        department = self.by_department.get(mandate.department, [])
        for pool, tries in ((department, 12), (employed, 30)):
            for _attempt in range(tries if pool else 0):
                day, expert = rng.choice(days), rng.choice(pool)
                if self._fits(expert, day, size, self.usual[expert]):
                    if len(team) < 6 and expert not in team:
                        team.append(expert)  # stays on the mandate from now on
                    return day, expert, size
        for _attempt in range(40):
            day, expert = rng.choice(days), rng.choice(employed)
            if self._fits(expert, day, size, LONGEST_DAY):
                return day, expert, size
        # Rare: take whatever room is left, scanning in order.
        for day in days:
            for expert in employed:
                room = LONGEST_DAY - self.used[expert][day]
                if room > 0 and self.hired[expert] <= day <= self.left[expert]:
                    return day, expert, min(size, room)
        raise CapacityError(f"no expert has room on mandate {mandate.code}")
