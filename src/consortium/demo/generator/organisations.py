"""Plan the organisations: federations and their affiliates, independents, memberships, and the
months in which each one is served (its spells).

An organisation's service pattern (see targets.py) decides in which of the report's windows it
has hours; its spells turn that into months, and the mandates planned later fill those months.
"""

import datetime as dt
import random
from dataclasses import dataclass, field

from consortium.demo.generator import catalogue, targets
from consortium.demo.generator.shares import apportion, random_day, scaled, weighted_choice

# Month numbers (0 = April 2019) of the report's windows and of the years around them.
BEFORE_2020 = (0, 8)  # April–December 2019
WINDOW_A = (9, 11)  # January–March 2020
WINDOW_B = (12, 20)  # April–December 2020
WINDOW_C = (21, 23)  # January–March 2021
AFTER_REPORT = (24, 35)  # fiscal year 2021-2022
LAST_MONTH = 35


@dataclass(slots=True)
class MembershipPlan:
    category: str
    start: dt.date
    end: dt.date | None = None


@dataclass(slots=True)
class OrganisationPlan:
    code: str
    name: str
    legal_form: str
    region: str
    neq: str
    federation: str
    group: str
    pattern: str
    memberships: list[MembershipPlan] = field(default_factory=list)
    spells: list[tuple[int, int]] = field(default_factory=list)
    weight: float = 1.0
    uses_services: bool = True
    fully_managed: bool = False

    @property
    def client_kind(self) -> str:
        """The category of its last membership ("non_member" if none): what it buys and how much."""
        return self.memberships[-1].category if self.memberships else "non_member"


class _Namer:
    """Unique, plausible names and NEQs for fictional organisations."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.names: set[str] = set()
        self.neqs: set[str] = set()
        regions = catalogue.PLACES
        self.region_weights = {code: weight for code, (weight, _places) in regions.items()}

    def region(self) -> str:
        return weighted_choice(self.rng, self.region_weights)

    def name(self, patterns: list[str], region: str) -> str:
        places = catalogue.PLACES[region][1]
        for attempt in range(40):
            pattern = self.rng.choice(patterns)
            name = pattern.format(
                de=catalogue.of_place(self.rng.choice(places)),
                name=self.rng.choice(catalogue.NAMES),
            )
            if attempt > 20:
                name = f"{name} {catalogue.of_place(self.rng.choice(places))}"
            if name not in self.names:
                self.names.add(name)
                return name
        name = f"{name} ({len(self.names)})"
        self.names.add(name)
        return name

    def neq(self) -> str:
        while True:
            neq = f"11{self.rng.randrange(10**8):08d}"
            if neq not in self.neqs:
                self.neqs.add(neq)
                return neq


def _pattern_list(group: str, scale: float, rng: random.Random) -> list[str]:
    patterns = [
        pattern
        for pattern, count in targets.SERVICE_PATTERNS[group].items()
        for _ in range(scaled(count, scale))
    ]
    rng.shuffle(patterns)
    return patterns


def plan_organisations(rng: random.Random, scale: float) -> list[OrganisationPlan]:
    """The named federations, their fictional affiliates, the independents, the extra fully
    managed members of large scales; then memberships, spells and weights."""
    namer = _Namer(rng)
    organisations = [
        OrganisationPlan(code, name, form, region, namer.neq(), federation, "named", pattern)
        for code, name, form, region, federation, pattern in targets.NAMED_ORGANISATIONS
    ]
    cqcm_federations = [code for code in targets.AFFILIATES if code != "TRESCA"]
    cqcm_patterns = _pattern_list("cqcm_affiliates", scale, rng)
    sizes = apportion(len(cqcm_patterns), [targets.AFFILIATES[c] for c in cqcm_federations])
    by_federation = dict(zip(cqcm_federations, sizes, strict=True))
    tresca_patterns = _pattern_list("tresca_affiliates", scale, rng)
    by_federation["TRESCA"] = len(tresca_patterns)
    patterns = iter(cqcm_patterns + tresca_patterns)
    for federation, size in by_federation.items():
        legal_form, name_patterns = catalogue.AFFILIATE_NAMES[federation]
        group = "tresca_affiliates" if federation == "TRESCA" else "cqcm_affiliates"
        for number in range(1, size + 1):
            region = "12" if federation == "TRESCA" else namer.region()
            form = legal_form if rng.random() < 0.85 else "nonprofit"
            organisations.append(
                OrganisationPlan(
                    code=f"{federation}-{number:03d}",
                    name=namer.name(name_patterns, region),
                    legal_form=form,
                    region=region,
                    neq=namer.neq(),
                    federation=federation,
                    group=group,
                    pattern=next(patterns),
                )
            )
    independent_patterns = _pattern_list("independents", scale, rng)
    regions = sorted(catalogue.PLACES)  # one client in every region first
    forms = {form: weight for form, (weight, _names) in catalogue.INDEPENDENT_NAMES.items()}
    for number, pattern in enumerate(independent_patterns, start=1):
        region = regions[number - 1] if number <= len(regions) else namer.region()
        form = weighted_choice(rng, forms)
        organisations.append(
            OrganisationPlan(
                code=f"ORG-{number:04d}",
                name=namer.name(catalogue.INDEPENDENT_NAMES[form][1], region),
                legal_form=form,
                region=region,
                neq=namer.neq(),
                federation="",
                group="independents",
                pattern=pattern,
            )
        )
    for organisation in organisations:
        organisation.fully_managed = organisation.code in targets.FULLY_MANAGED
    for number in range(
        1, scaled(len(targets.FULLY_MANAGED), scale) - len(targets.FULLY_MANAGED) + 1
    ):
        region = namer.region()
        form = rng.choice(["cooperative", "nonprofit"])
        organisation = OrganisationPlan(
            code=f"GEST-{number:03d}",
            name=namer.name(catalogue.INDEPENDENT_NAMES[form][1], region),
            legal_form=form,
            region=region,
            neq=namer.neq(),
            federation="",
            group="independents",
            pattern="ABC",
            fully_managed=True,
        )
        start = random_day(rng, dt.date(2012, 6, 1), dt.date(2018, 12, 31))
        organisation.memberships.append(MembershipPlan("fully_managed", start))
        organisations.append(organisation)
    _plan_memberships(organisations, rng, scale)
    for organisation in organisations:
        organisation.spells = _spells(organisation, rng)
        category_weight = catalogue.CATEGORY_WEIGHTS[organisation.client_kind]
        named = 1.5 if organisation.group == "named" else 1.0
        organisation.weight = category_weight * named * rng.lognormvariate(0, 0.6)
    return organisations


def _plan_memberships(
    organisations: list[OrganisationPlan], rng: random.Random, scale: float
) -> None:
    by_code = {organisation.code: organisation for organisation in organisations}
    for code, (category, start) in targets.NAMED_MEMBERSHIPS.items():
        by_code[code].memberships.append(MembershipPlan(category, start))
    # FCPQ used the centre's services before handing it its whole administration.
    by_code["FCPQ"].memberships.insert(
        0, MembershipPlan("user", dt.date(2013, 3, 1), dt.date(2016, 12, 31))
    )
    others = [organisation for organisation in organisations if organisation.group != "named"]
    rng.shuffle(others)
    years = dt.date(2012, 6, 1), dt.date(2018, 12, 31)
    fy_2019 = dt.date(2019, 4, 1), dt.date(2020, 3, 31)
    fy_2020 = dt.date(2020, 4, 1), dt.date(2021, 3, 31)
    fy_2021 = dt.date(2021, 4, 1), dt.date(2022, 3, 31)
    no_end = None, None
    plans = [
        # (service patterns to draw from, counts, first and last start, first and last end)
        ("ABC", targets.MEMBERS_SINCE_BEFORE_2019, years, no_end),
        ("ABC AB", targets.MEMBERS_JOINED_2019_2020, fy_2019, no_end),
        ("A", targets.LEFT_IN_2019_2020, years, (dt.date(2019, 5, 1), dt.date(2020, 3, 15))),
        ("AB A", targets.LEFT_IN_2020_2021, years, (dt.date(2020, 4, 15), dt.date(2021, 3, 15))),
        ("BC C B ABC", targets.JOINED_IN_2020_2021, fy_2020, no_end),
        ("C BC", targets.JOINED_IN_2021_2022, fy_2021, no_end),
        ("ABC AB", targets.LEFT_IN_2021_2022, years, (dt.date(2021, 4, 30), dt.date(2022, 3, 15))),
    ]
    for patterns, counts, (first, last), (first_end, last_end) in plans:
        for category, count in counts.items():
            for organisation in _candidates(others, patterns.split(), category)[
                : scaled(count, scale)
            ]:
                start = random_day(rng, first, last)
                end = random_day(rng, first_end, last_end) if first_end and last_end else None
                organisation.memberships.append(MembershipPlan(category, start, end))
                organisation.uses_services = category != "support"
    # A few user members became auxiliary members before the data begins (and before anything
    # the report counts).
    changed = [
        o
        for o in others
        if o.memberships
        and o.memberships[0].category == "auxiliary"
        and o.memberships[0].start < dt.date(2019, 1, 1)
    ]
    for organisation in changed[: scaled(targets.CATEGORY_CHANGES_BEFORE_2019, scale)]:
        membership = organisation.memberships[0]
        membership.start = random_day(rng, dt.date(2016, 1, 1), dt.date(2018, 12, 31))
        first = random_day(rng, dt.date(2012, 6, 1), dt.date(2015, 6, 30))
        earlier = MembershipPlan("user", first, membership.start - dt.timedelta(days=1))
        organisation.memberships.insert(0, earlier)


def _candidates(
    organisations: list[OrganisationPlan], patterns: list[str], category: str
) -> list[OrganisationPlan]:
    """Non-members to draw new members from: those whose service pattern fits, first."""
    free = [organisation for organisation in organisations if not organisation.memberships]
    if category == "support":
        # Support members back the co-op without using its services.
        return [organisation for organisation in free if organisation.pattern == ""]
    fitting = [organisation for organisation in free if organisation.pattern in patterns]
    return fitting + [o for o in free if o.pattern not in patterns and o.pattern != ""]


def _spell(rng: random.Random, first: tuple[int, int], last: tuple[int, int]) -> tuple[int, int]:
    """A run of months starting within `first` and ending within `last` (inclusive bounds)."""
    start = rng.randint(*first)
    end = rng.randint(max(start, last[0]), last[1])
    return start, end


def _spells(organisation: OrganisationPlan, rng: random.Random) -> list[tuple[int, int]]:
    if organisation.fully_managed:
        return [(0, LAST_MONTH)]
    if not organisation.uses_services:
        return []
    pattern = organisation.pattern
    joins_later = any(m.start >= dt.date(2021, 4, 1) for m in organisation.memberships)
    early = 0 if rng.random() < 0.55 else None  # served since before April 2019
    to_the_end = LAST_MONTH if rng.random() < 0.55 else None
    spells: list[tuple[int, int]] = []
    if pattern == "ABC":
        start = early if early is not None else rng.randint(0, WINDOW_A[1])
        end = to_the_end or rng.randint(WINDOW_C[0], LAST_MONTH - 1)
        return [(start, end)]
    if pattern == "AB":
        start = early if early is not None else rng.randint(0, WINDOW_A[1])
        return [(start, rng.randint(*WINDOW_B))]
    if pattern == "A":
        spells.append(_spell(rng, (0, WINDOW_A[1]), WINDOW_A))
        if rng.random() < 0.35:
            spells.append(_spell(rng, (AFTER_REPORT[0], LAST_MONTH - 2), AFTER_REPORT))
        return spells
    if pattern in {"BC", "B", "C"} and rng.random() < 0.25:
        spells.append(_spell(rng, (0, 5), BEFORE_2020))
    if pattern == "BC":
        start = rng.randint(*WINDOW_B)
        spells.append((start, to_the_end or rng.randint(WINDOW_C[0], LAST_MONTH - 1)))
    elif pattern == "B":
        spells.append(_spell(rng, WINDOW_B, WINDOW_B))
        if rng.random() < 0.3:
            spells.append(_spell(rng, (AFTER_REPORT[0], LAST_MONTH - 2), AFTER_REPORT))
    elif pattern == "C":
        start = rng.randint(*WINDOW_C)
        spells.append((start, to_the_end or rng.randint(start, LAST_MONTH - 1)))
    else:  # no hours from January 2020 to March 2021
        named = organisation.group == "named"
        if named or rng.random() < 0.4:
            spells.append(_spell(rng, (0, 5), BEFORE_2020))
        if named or joins_later or rng.random() < 0.5:
            spells.append(_spell(rng, AFTER_REPORT, AFTER_REPORT))
    return spells
