"""Plan the mandates that carry each organisation's spells, and the team of experts on each.

Every month of a spell has at least one mandate open for the whole month but a few days, so the
hours planned for that month always have somewhere to land.
"""

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass, field

from consortium.demo.generator import catalogue, targets
from consortium.demo.generator.organisations import LAST_MONTH, OrganisationPlan
from consortium.demo.generator.shares import random_weekday, weighted_choice
from consortium.demo.generator.staff import ExpertPlan
from consortium.demo.generator.workdays import month_bounds

SUBSIDISED_UNITS = 100  # the funder pays 25 h per eligible enterprise
SUBSIDISED_REGIONS = {"06", "03", "13", "16"}  # programmes of Montréal, Québec and around
FIRST_SUBSIDISED_MONTH = 12  # April 2020


@dataclass(slots=True)
class MandatePlan:
    organisation: int
    mandate_type: str
    department: str
    title: str
    first_month: int
    last_month: int
    start: dt.date
    end: dt.date | None
    status: str
    weight: float = 1.0
    fixed_units: int = 0
    fully_managed_share: float = 0.0
    team: list[int] = field(default_factory=list)
    code: str = ""

    @property
    def has_hours(self) -> bool:
        return self.status != "cancelled"


def _month_start(month: int) -> dt.date:
    return month_bounds(*targets.MONTHS[month])[0]


def _month_end(month: int) -> dt.date:
    return month_bounds(*targets.MONTHS[month])[1]


def _dates(
    rng: random.Random, first: int, last: int, ongoing_before: bool
) -> tuple[dt.date, dt.date | None, str]:
    if ongoing_before:
        start = random_weekday(rng, dt.date(2016, 1, 4), dt.date(2019, 3, 15))
    else:
        start = _month_start(first) + dt.timedelta(days=rng.randint(0, 6))
    if last == LAST_MONTH and rng.random() < 0.75:
        return start, None, "open"
    return start, _month_end(last) - dt.timedelta(days=rng.randint(0, 6)), "closed"


def _client_kind(organisation: OrganisationPlan) -> str:
    kind = organisation.client_kind
    return kind if kind in catalogue.CLIENT_TYPES else "user"


def plan_mandates(
    organisations: list[OrganisationPlan], experts: list[ExpertPlan], rng: random.Random
) -> list[MandatePlan]:
    """Every organisation's mandates, numbered by start, each with its team."""
    mandates: list[MandatePlan] = []

    def add(index: int, kind: str, department: str, first: int, last: int, **extra) -> None:
        organisation = organisations[index]
        ongoing_before = extra.pop("ongoing_before", False) and first == 0
        start, end, status = _dates(rng, first, last, ongoing_before)
        weight = organisation.weight * catalogue.TYPE_WEIGHTS[kind] * rng.lognormvariate(0, 0.3)
        title = rng.choice(catalogue.MANDATE_TITLES[(kind, department)])
        mandates.append(
            MandatePlan(
                organisation=index,
                mandate_type=kind,
                department=department,
                title=title,
                first_month=first,
                last_month=last,
                start=start,
                end=end,
                status=status,
                weight=weight,
                **extra,
            )
        )

    for index, organisation in enumerate(organisations):
        if organisation.fully_managed:
            for department, share in catalogue.FULLY_MANAGED_DEPARTMENTS.items():
                add(index, "GD", department, 0, LAST_MONTH, ongoing_before=True)
                mandates[-1].fully_managed_share = share
                mandates[-1].end, mandates[-1].status = None, "open"
        for spell_start, spell_end in organisation.spells:
            _plan_spell(add, index, organisation, spell_start, spell_end, rng)
        if rng.random() < 0.03:
            # A mandate signed, then cancelled before any hour was logged.
            month = rng.randint(0, LAST_MONTH - 1)
            kind = weighted_choice(rng, catalogue.CLIENT_TYPES["non_member"])
            department = weighted_choice(rng, catalogue.TYPE_DEPARTMENTS[kind])
            add(index, kind, department, month, month)
            mandates[-1].status = "cancelled"
            mandates[-1].end = mandates[-1].start + dt.timedelta(days=rng.randint(3, 20))
    _number(mandates, organisations)
    _staff(mandates, experts, rng)
    return mandates


def _plan_spell(
    add: Callable[..., None],
    index: int,
    organisation: OrganisationPlan,
    first: int,
    last: int,
    rng: random.Random,
) -> None:
    """Consecutive mandates covering the spell's months, and a few shorter ones alongside."""
    kind_weights = catalogue.CLIENT_TYPES[_client_kind(organisation)]
    month = first
    if (
        organisation.client_kind == "non_member"
        and organisation.region in SUBSIDISED_REGIONS
        and first >= FIRST_SUBSIDISED_MONTH
        and rng.random() < 0.7
    ):
        end = min(last, first + rng.randint(0, 2))
        department = weighted_choice(rng, catalogue.TYPE_DEPARTMENTS["PSS"])
        add(index, "PSS", department, first, end, fixed_units=SUBSIDISED_UNITS)
        month = end + 1
    if not organisation.fully_managed:
        while month <= last:
            end = min(last, month + rng.randint(2, 13))
            kind = weighted_choice(rng, kind_weights)
            department = weighted_choice(rng, catalogue.TYPE_DEPARTMENTS[kind])
            add(index, kind, department, month, end, ongoing_before=rng.random() < 0.7)
            month = end + 1
    # Shorter engagements alongside: a training, a diagnostic, a project.
    for kind, chance, longest in (("FOR", 0.45, 1), ("DIA", 0.1, 1), ("PRJ", 0.12, 4)):
        if rng.random() < chance:
            start = rng.randint(first, last)
            end = min(last, start + rng.randint(0, longest))
            department = weighted_choice(rng, catalogue.TYPE_DEPARTMENTS[kind])
            add(index, kind, department, start, end)


def _number(mandates: list[MandatePlan], organisations: list[OrganisationPlan]) -> None:
    """Codes such as 2020-0042: the year the mandate started and its order within that year."""
    mandates.sort(
        key=lambda m: (m.start, organisations[m.organisation].code, m.mandate_type, m.department)
    )
    per_year: dict[int, int] = {}
    for mandate in mandates:
        per_year[mandate.start.year] = per_year.get(mandate.start.year, 0) + 1
        mandate.code = f"{mandate.start.year}-{per_year[mandate.start.year]:04d}"


def _staff(mandates: list[MandatePlan], experts: list[ExpertPlan], rng: random.Random) -> None:
    """A small team from the mandate's department, employed when the mandate is."""
    pools: dict[tuple[int, int, str], list[int]] = {}
    for mandate in mandates:
        key = (mandate.first_month, mandate.last_month, mandate.department)
        if key not in pools:
            first, last = _month_start(key[0]), _month_end(key[1])
            employed = [
                i
                for i, expert in enumerate(experts)
                if expert.hired_on <= last and (expert.left_on is None or expert.left_on >= first)
            ]
            own = [i for i in employed if experts[i].department == mandate.department]
            pools[key] = own or employed
        pool = pools[key]
        size = rng.randint(2, 4) if mandate.fully_managed_share else rng.randint(1, 2)
        mandate.team = rng.sample(pool, min(size, len(pool)))
