"""Who paid for each hour of the demo: the organisation billed, by organisation served and
fiscal year, and the two programmes' funders.

The rule of the demo centre (article 17: every invoiced hour with a member):

- a member pays for its own services; a fully managed member always does;
- until March 2020, an affiliated enterprise (member or not) was billed through its federation
  when the federation was a member, the way the sector federations then bought the centre's
  services for their network (CQCM, the confederation above them, never did);
- from April 2020, a member enterprise pays for itself and a non-member one is billed to its
  federation (the nearest member above it);
- a non-member in no member federation is billed to a sponsor: the regional table (TRÉSCA)
  until March 2020, then the regional development co-operative (CDRQ), whose relaunch
  agreement pays for the social-economy enterprises it refers;
- the subsidised hours (mandate type PSS) are paid by a programme's funder.

An invoice keeps the payer of its day; a mandate names its payer now (`billed_organisation`,
when it differs from the organisation served).
"""

from dataclasses import dataclass

REFORM_YEAR = "2020-2021"  # the first year of the rule that members pay for themselves
OLD_SPONSOR, SPONSOR = "TRESCA", "CDRQ"
CONFEDERATION = "CQCM"


@dataclass(frozen=True)
class Registry:
    """What the rule reads: organisations' federation and code, categories by year."""

    federation: dict[int, int | None]
    code: dict[int, str]
    categories: dict[str, dict[int, str]]  # year → organisation → category (members only)
    by_code: dict[str, int]
    has_affiliates: set[int]

    def category(self, organisation: int, year: str) -> str | None:
        return self.categories.get(year, {}).get(organisation)


def payer(registry: Registry, organisation: int, year: str) -> int:
    """The organisation billed for `organisation`'s hours of fiscal year `year`."""
    own = registry.category(organisation, year)
    federation = registry.federation.get(organisation)
    if year < REFORM_YEAR:
        if (
            own != "fully_managed"
            and organisation not in registry.has_affiliates
            and federation
            and registry.code[federation] != CONFEDERATION
            and registry.category(federation, year)
        ):
            return federation
        if own:
            return organisation
        return _nearest_member(registry, organisation, year) or registry.by_code[OLD_SPONSOR]
    if own:
        return organisation
    return _nearest_member(registry, organisation, year) or registry.by_code[SPONSOR]


def _nearest_member(registry: Registry, organisation: int, year: str) -> int | None:
    federation = registry.federation.get(organisation)
    while federation:
        if registry.category(federation, year):
            return federation
        federation = registry.federation.get(federation)
    return None
