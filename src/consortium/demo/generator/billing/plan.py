"""Plan the demo's invoices in memory from the ledger: who pays each hour, the lines, the
programme banks, and the amounts that give the report years' revenue exactly.

One invoice per paying organisation and month, issued on the month's last day (its hours are
then recognised in the year they were worked); a line per mandate and rate, the entries as its
backup detail; a fully managed member's delegated management is billed as a monthly flat fee.
A programme's eligible enterprise has 25 h in its bank: its subsidised hours go on the funder's
invoice (a line per enterprise) and on its own as a 0 $ line, the rest to its payer.
"""

import datetime as dt
from dataclasses import dataclass, field
from decimal import ROUND_FLOOR, Decimal

from consortium.billing.models import LineKind
from consortium.core.fiscal_years import fiscal_year_name_for
from consortium.core.money import ZERO, cents
from consortium.demo.generator.billing.payers import OLD_SPONSOR, Registry, payer

REPORT_YEARS = ("2019-2020", "2020-2021")
FLAT_FEE_TYPE, SUBSIDISED_TYPE = "GD", "PSS"
FLAT_FEE_RAISE = Decimal("1.05")  # the flat fees after the report years, on 2020-2021's


@dataclass(slots=True)
class Entry:
    pk: int
    mandate: int
    organisation: int
    mandate_type: str
    role: str
    date: dt.date
    hours: Decimal


@dataclass(slots=True)
class LinePlan:
    kind: str
    description: str
    mandate: int | None = None
    served: int | None = None
    programme: str = ""
    rate: Decimal | None = None
    hours: Decimal = ZERO
    amount: Decimal = ZERO
    entries: list[tuple[int, Decimal]] = field(default_factory=list)
    category: str = ""
    year: str = ""
    programme_id: int | None = None


@dataclass(slots=True)
class InvoicePlan:
    organisation: int
    month: tuple[int, int]
    programme: str = ""
    lines: dict = field(default_factory=dict)

    @property
    def issued_on(self) -> dt.date:
        year, month = self.month
        following = dt.date(year + month // 12, month % 12 + 1, 1)
        return following - dt.timedelta(days=1)


def billing_end(today: dt.date) -> dt.date:
    """The last day of the month before last: last month's hours are left to draft."""
    last_month = today.replace(day=1) - dt.timedelta(days=1)
    return last_month.replace(day=1) - dt.timedelta(days=1)


def plan_payers(
    registry: Registry,
    served: dict[tuple[int, str], Decimal],
    diversification: int | None,
    funded: dict[str, set[int]],
) -> dict[tuple[int, str], int]:
    """(organisation served, year) → payer, for the served pairs (hours outside programmes).

    With `diversification` (the report's organisations billed in 2020-2021 less 2019-2020),
    members of 2019-2020 who paid for themselves move under the regional table's agreement,
    smallest first, or members billed through their federation pay for themselves again,
    until the difference is that.
    """
    payers = {(org, year): payer(registry, org, year) for org, year in served}
    if diversification is None:
        return payers
    prior, current = REPORT_YEARS
    sponsor = registry.by_code[OLD_SPONSOR]

    def difference() -> int:
        billed = {year: set(funded.get(year, ())) for year in REPORT_YEARS}
        for (_org, year), paid_by in payers.items():
            if year in billed:
                billed[year].add(paid_by)
        return len(billed[current]) - len(billed[prior])

    alone = sorted(
        (
            (hours, org)
            for (org, year), hours in served.items()
            if year == prior
            and payers[(org, year)] == org
            and registry.category(org, year) == "user"
            and org not in registry.has_affiliates
            and not registry.federation.get(org)
        ),
    )
    through = sorted(
        org
        for (org, year) in served
        if year == prior and payers[(org, year)] != org and registry.category(org, year)
    )
    while difference() < diversification and alone:
        payers[(alone.pop(0)[1], prior)] = sponsor
    while difference() > diversification and through:
        org = through.pop(0)
        payers[(org, prior)] = org
    return payers


class Planner:
    """Turns entries into invoice plans; `rate_of(category, entry)` prices an hour."""

    def __init__(self, registry, payers, programme_of, funders, rate_of, banks):
        self.registry = registry
        self.payers = payers
        self.programme_of = programme_of  # organisation → programme code
        self.funders = funders  # programme code → funder id
        self.rate_of = rate_of
        self.banks = banks  # (programme, organisation) → hours left
        self.invoices: dict[tuple, InvoicePlan] = {}
        self.flat_fee_mandates: set[int] = set()

    def _invoice(self, organisation: int, month: tuple[int, int], programme: str = ""):
        key = (organisation, month, programme)
        if key not in self.invoices:
            self.invoices[key] = InvoicePlan(organisation, month, programme)
        return self.invoices[key]

    def _line(self, invoice: InvoicePlan, key: tuple, **values) -> LinePlan:
        if key not in invoice.lines:
            invoice.lines[key] = LinePlan(**values)
        return invoice.lines[key]

    def add(self, entry: Entry, names: dict[int, str]) -> None:
        year = fiscal_year_name_for(entry.date)
        month = (entry.date.year, entry.date.month)
        hours = entry.hours
        programme = self.programme_of.get(entry.organisation)
        if entry.mandate_type == SUBSIDISED_TYPE and programme:
            bank = (programme, entry.organisation)
            covered = min(hours, self.banks[bank])
            if covered > 0:
                self.banks[bank] -= covered
                self._covered(entry, covered, programme, year, month, names)
                hours -= covered
        if hours <= 0:
            return
        paid_by = self.payers[(entry.organisation, year)]
        category = self.registry.category(paid_by, year) or "non_member"
        invoice = self._invoice(paid_by, month)
        if entry.mandate_type == FLAT_FEE_TYPE and category == "fully_managed":
            self.flat_fee_mandates.add(entry.mandate)
            line = self._line(
                invoice,
                (entry.mandate, "fee"),
                kind=LineKind.FIXED_FEE,
                description="",
                mandate=entry.mandate,
                category=category,
                year=year,
            )
        else:
            rate = self.rate_of(category, entry, year)
            line = self._line(
                invoice,
                (entry.mandate, rate),
                kind=LineKind.HOURS,
                description="",
                mandate=entry.mandate,
                rate=rate,
                category=category,
                year=year,
            )
        line.hours += hours
        line.entries.append((entry.pk, hours))

    def _covered(self, entry, hours, programme, year, month, names) -> None:
        funder = self.funders[programme]
        category = self.registry.category(funder, year) or "non_member"
        rate = self.rate_of(category, entry, year)
        funded = self._line(
            self._invoice(funder, month, programme),
            (entry.organisation, rate),
            kind=LineKind.FUNDED,
            description=names[entry.organisation],
            served=entry.organisation,
            programme=programme,
            rate=rate,
            category=category,
            year=year,
        )
        funded.hours += hours
        funded.entries.append((entry.pk, hours))
        own = self._line(
            self._invoice(entry.organisation, month),
            (entry.mandate, "covered"),
            kind=LineKind.COVERED,
            description="",
            mandate=entry.mandate,
            programme=programme,
            year=year,
        )
        own.hours += hours


def price_hourly_lines(invoices) -> None:
    for invoice in invoices:
        for line in invoice.lines.values():
            if line.kind in (LineKind.HOURS, LineKind.FUNDED):
                line.amount = cents(line.hours * line.rate)


def report_rates(
    hours: dict[tuple[str, str], Decimal], targets: dict[tuple[str, str], Decimal]
) -> dict[tuple[str, str], Decimal]:
    """The whole-dollar rate of each (year, category) that bills a little under its target."""
    return {
        key: (targets[key] / hours[key]).quantize(Decimal("1"), rounding=ROUND_FLOOR)
        for key in targets
        if hours.get(key)
    }


def split_cents(total: Decimal, weights: list[Decimal]) -> list[Decimal]:
    """`total` in proportion to `weights`, to the cent, adding up exactly (the last takes the
    rest)."""
    weight_sum = sum(weights, ZERO)
    parts = [cents(total * weight / weight_sum) for weight in weights]
    parts[-1] += total - sum(parts, ZERO)
    return parts


__all__ = ["payer"]
