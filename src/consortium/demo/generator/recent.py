"""The demo's recent weeks: the previous fiscal year and the current one up to last week, so that
the workspace is alive whatever day the demo is built (`today`).

Who works: the planned experts employed then (those of the report years who never leave). On
what: the mandates of their department still open (no end, or an end after the month). How
much: about the report years' intensity, RECENT_HOURS_PER_YEAR × scale, in quarter hours, on
working days, with days off. The weeks are approved, but the last two: the week before last is
approved for most and last week submitted for most, except in the demo department, whose
director (the `direction` login) finds a handful of weeks to approve, none of them `experte`'s.
Nobody has hours in the current week. Finance has locked the previous fiscal year and the
current year's months closed more than LOCK_DELAY ago.

Fiscal years 2019-2020 to 2021-2022 (targets.MONTHS) are never touched: the span starts after
targets.LAST_DAY whatever `today` is.
"""

import datetime as dt
import random
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils import timezone

from consortium.core.fiscal_years import fiscal_year_bounds, fiscal_year_name_for
from consortium.demo.generator import catalogue, targets
from consortium.demo.generator.hours import UNITS_PER_HOUR, PlannedEntry
from consortium.demo.generator.mandates import MandatePlan
from consortium.demo.generator.shares import apportion
from consortium.demo.generator.staff import LONGEST_DAY, ExpertPlan
from consortium.demo.generator.workdays import day_number, month_bounds, quebec_holidays

RECENT_HOURS_PER_YEAR = 60_000
WORKDAYS_PER_YEAR = 250
DAY_OFF = 0.08  # holidays and sick days, at least
MANDATE_SHARE_OF_DAY = 0.75  # on average, of an expert's usual day, on a day spent on mandates
LOCK_DELAY = dt.timedelta(days=45)
# Weeks the demo department's director finds awaiting her approval.
AWAITING_IN_DEMO_DEPARTMENT = (3, 6)
SUBMITTED_LATE = 0.15  # of the week before last, still awaiting approval elsewhere
SUBMITTED_ON_TIME = 0.8  # of last week, already handed in elsewhere


@dataclass(frozen=True)
class RecentSpan:
    """The days the recent weeks cover: `start` to `end`, the Sunday before the current week."""

    start: dt.date
    end: dt.date
    current_fiscal_year: str
    previous_fiscal_year: str

    @property
    def current_week(self) -> dt.date:
        return self.end + dt.timedelta(days=1)

    @property
    def last_week(self) -> dt.date:
        return self.current_week - dt.timedelta(days=7)

    @property
    def week_before_last(self) -> dt.date:
        return self.current_week - dt.timedelta(days=14)


def recent_span(today: dt.date) -> RecentSpan | None:
    """From the first day of the previous fiscal year (never before the report years' end) to
    the last Sunday before `today`'s week; None when that leaves no day."""
    current = fiscal_year_name_for(today)
    current_start, _end = fiscal_year_bounds(current)
    previous = fiscal_year_name_for(current_start - dt.timedelta(days=1))
    previous_start, _end = fiscal_year_bounds(previous)
    start = max(previous_start, targets.LAST_DAY + dt.timedelta(days=1))
    end = today - dt.timedelta(days=today.weekday() + 1)
    if end < start:
        return None
    return RecentSpan(start, end, current, previous)


def workdays(start: dt.date, end: dt.date) -> list[dt.date]:
    """Weekdays from `start` to `end`, less Quebec's statutory holidays."""
    holidays: set[dt.date] = set()
    for year in range(start.year, end.year + 1):
        holidays |= quebec_holidays(year)
    days, day = [], start
    while day <= end:
        if day.weekday() < 5 and day not in holidays:
            days.append(day)
        day += dt.timedelta(days=1)
    return days


def _weighted_sample(
    rng: random.Random, items: list[int], weights: list[float], count: int
) -> list[int]:
    items, weights, chosen = list(items), list(weights), []
    for _ in range(min(count, len(items))):
        i = rng.choices(range(len(items)), weights=weights)[0]
        chosen.append(items.pop(i))
        weights.pop(i)
    return chosen


class RecentPlanner:
    """Plans the recent entries, day by day, for the experts employed then."""

    def __init__(
        self,
        experts: list[ExpertPlan],
        mandates: list[MandatePlan],
        span: RecentSpan,
        scale: float,
        rng: random.Random,
    ) -> None:
        self.experts = experts
        self.mandates = mandates
        self.span = span
        self.rng = rng
        self.units_per_day = RECENT_HOURS_PER_YEAR * UNITS_PER_HOUR * scale / WORKDAYS_PER_YEAR
        self.employed = [
            i
            for i, e in enumerate(experts)
            if e.hired_on <= span.end and (e.left_on is None or e.left_on >= span.start)
        ]
        # The subsidised banks of hours are spent: no more hours on them.
        self.usable = [i for i, m in enumerate(mandates) if m.has_hours and not m.fixed_units]

    def _open_in(self, first: dt.date, last: dt.date) -> dict[str, list[int]]:
        """The mandates open for the whole of [first, last], by department."""
        by_department: dict[str, list[int]] = {}
        for i in self.usable:
            mandate = self.mandates[i]
            if mandate.start <= first and (mandate.end is None or mandate.end >= last):
                by_department.setdefault(mandate.department, []).append(i)
        return by_department

    def _portfolios(self, first: dt.date, last: dt.date) -> dict[int, list[int]]:
        """Each expert's mandates for a month: two to four open ones of their department (of
        any department when theirs has none left)."""
        by_department = self._open_in(first, last)
        everywhere = [i for pool in by_department.values() for i in pool]
        portfolios = {}
        for expert in self.employed:
            pool = by_department.get(self.experts[expert].department) or everywhere
            weights = [self.mandates[i].weight for i in pool]
            portfolios[expert] = _weighted_sample(self.rng, pool, weights, self.rng.randint(2, 4))
        return portfolios

    def entries(self) -> list[PlannedEntry]:
        rng, experts = self.rng, self.experts
        planned: list[PlannedEntry] = []
        month, portfolios = None, {}
        for day in workdays(self.span.start, self.span.end):
            if (day.year, day.month) != month:
                month = (day.year, day.month)
                portfolios = self._portfolios(*month_bounds(*month))
            working = [
                i
                for i in self.employed
                if experts[i].hired_on <= day
                and (experts[i].left_on is None or day <= experts[i].left_on)
                and portfolios[i]
            ]
            if not working:
                continue
            # A day on mandates fills most of an expert's usual day; how many experts spend the
            # day on mandates (the others train, plan, take the day off) sets the centre's total.
            usual = sum(experts[i].usual_day for i in working) * MANDATE_SHARE_OF_DAY
            chance = min(1 - DAY_OFF, self.units_per_day / usual)
            number = day_number(day)
            for expert in working:
                if rng.random() >= chance:
                    continue
                usual_day = experts[expert].usual_day
                units = round(usual_day * rng.uniform(2 * MANDATE_SHARE_OF_DAY - 1, 1))
                units = max(2, min(LONGEST_DAY, units))
                count = 1 if units < 8 else rng.choice((1, 2, 2, 3))
                chosen = rng.sample(portfolios[expert], min(count, len(portfolios[expert])))
                parts = apportion(units, [rng.uniform(0.5, 1.5) for _ in chosen])
                for mandate, part in zip(chosen, parts, strict=True):
                    if part:
                        planned.append((expert, mandate, number, part, self._description(mandate)))
        return planned

    def _description(self, index: int) -> str:
        mandate = self.mandates[index]
        pool = catalogue.ENTRY_DESCRIPTIONS.get(mandate.mandate_type)
        return self.rng.choice(pool or catalogue.ENTRY_DESCRIPTIONS[mandate.department])


def plan_recent_entries(
    experts: list[ExpertPlan],
    mandates: list[MandatePlan],
    today: dt.date,
    scale: float,
    rng: random.Random,
) -> list[PlannedEntry]:
    span = recent_span(today)
    if span is None:
        return []
    return RecentPlanner(experts, mandates, span, scale, rng).entries()


# -- Weeks ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class WeekDeciders:
    """Who approves whose weeks: the director user of each department, else the administrator;
    nobody approves their own week."""

    by_department: dict[int, int]  # department id -> user id
    administrator: int  # user id
    user_of_expert: dict[int, int]  # expert id -> user id, for the experts who sign in

    def for_expert(self, expert_id: int, department_id: int) -> int:
        decider = self.by_department.get(department_id, self.administrator)
        if decider == self.user_of_expert.get(expert_id):
            return self.administrator
        return decider


@dataclass(frozen=True)
class WeekStatuses:
    """The status of each (expert id, Monday); a week absent is a draft."""

    approved: list[tuple[int, dt.date]]
    submitted: list[tuple[int, dt.date]]


def recent_week_statuses(
    weeks: Iterable[tuple[int, dt.date]],
    span: RecentSpan,
    demo_department_experts: set[int],
    demo_experts: set[int],
    rng: random.Random,
) -> WeekStatuses:
    """Approved up to the week before last; then see the module's docstring.

    `demo_department_experts`: the experts of the departments the `direction` login directs;
    `demo_experts`: the experts the logins sign in as, whose weeks never await approval.
    """
    approved, submitted = [], []
    recent = []
    for week in sorted(set(weeks)):
        expert, monday = week
        if monday < span.week_before_last:
            approved.append(week)
        elif expert in demo_department_experts:
            recent.append(week)
        elif monday == span.week_before_last:
            (submitted if rng.random() < SUBMITTED_LATE else approved).append(week)
        elif rng.random() < SUBMITTED_ON_TIME:
            submitted.append(week)
    # The director has approved her department's weeks but a handful, none of `experte`'s.
    candidates = [week for week in recent if week[0] not in demo_experts]
    awaiting = set(
        rng.sample(candidates, min(rng.randint(*AWAITING_IN_DEMO_DEPARTMENT), len(candidates)))
    )
    for week in recent:
        (submitted if week in awaiting else approved).append(week)
    return WeekStatuses(approved=approved, submitted=submitted)


def week_timestamps(
    monday: dt.date, rng: random.Random, now: dt.datetime
) -> tuple[dt.datetime, dt.datetime]:
    """When a week was handed in (its Friday afternoon) and decided (a day or three later),
    never after `now`."""
    zone = timezone.get_current_timezone()
    friday = dt.datetime.combine(monday + dt.timedelta(days=4), dt.time(15), tzinfo=zone)
    submitted = min(friday + dt.timedelta(minutes=rng.randrange(180)), now)
    decided = min(submitted + dt.timedelta(hours=rng.randint(17, 72)), now)
    return submitted, decided


def locked_months(span: RecentSpan, today: dt.date) -> list[dt.date]:
    """The first day of each month finance has closed: the previous fiscal year's and the
    current year's ended more than LOCK_DELAY ago, never the current month or the last."""
    current_start, _end = fiscal_year_bounds(span.current_fiscal_year)
    this_month = today.replace(day=1)
    last_month = (this_month - dt.timedelta(days=1)).replace(day=1)
    months, month = [], span.start.replace(day=1)
    while month < this_month:
        _first, month_end = month_bounds(month.year, month.month)
        closed = month < current_start or month_end + LOCK_DELAY < today
        if closed and month != last_month:
            months.append(month)
        month = month_end + dt.timedelta(days=1)
    return months


def monday_of(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def employment_weeks(
    span: RecentSpan, employment: Iterable[tuple[int, dt.date, dt.date | None]]
) -> list[tuple[int, dt.date]]:
    """(expert id, Monday) for each week of the span up to last week in which the expert was
    employed: an expert hands in every week, an empty one too (a week of holidays)."""
    weeks = []
    first = monday_of(span.start)
    for expert_id, hired_on, left_on in employment:
        monday = max(first, monday_of(hired_on))
        last = span.last_week if left_on is None else min(span.last_week, monday_of(left_on))
        while monday <= last:
            weeks.append((expert_id, monday))
            monday += dt.timedelta(days=7)
    return weeks
