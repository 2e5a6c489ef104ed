"""The treasury's figures, as pure functions of the plan's numbers (no database). Each returns
a `Figure`: the value and the formula behind it with the numbers filled in, in French and in
English (« Réserve = 123 400 $ ÷ (1 200 000 $ ÷ 12) = 1,2 mois »).

The rules, in the order the result page shows them:

- Available liquidity = cash + short-term investments − restricted funds (restricted funds,
  internally or externally, are not there for operations).
- The running balance starts from it and adds each month's receipts − disbursements. The
  lowest point is the lowest of the opening balance (month 0) and the twelve month-end
  balances: a year that only gains money is at its lowest today.
- Operating reserve at the lowest point, in months = lowest balance ÷ (annual operating
  expenses ÷ 12). Without expenses it is not computed ("—"), never a division by zero.
- Target reserve: 3 months, the minimum of the Nonprofit Operating Reserves Initiative
  (NORI, 2008), raised by the risk factors the contact answers:
  +1 when the largest source brings more than 50 % of revenue, +2 above 80 %;
  +1 when grants and subsidies bring more than 60 % of revenue, +2 above 80 %;
  +1 when the year is seasonal: the contact says so, or (by default) the worst month's net flow
  is below −25 % of a month of expenses.
  Capped at 6 months: the top of the 3-to-6-month range that reserve guides name; what an
  organisation keeps beyond that no longer answers the risk of a bad year, it is money for
  projects, planned in the medium and long-term funds instead of sleeping in cash.
- Liquidity needed, by horizon (from as_of): short (under a year) = target reserve + the
  seasonal trough (how far the cumulative net flow of the year falls below zero, if it does)
  + projects planned within a year (or already due); medium (1 to 5 years) = projects planned
  in that window; long (beyond 5 years) = projects after it. The monthly flows are the
  operations' alone: the projects are not in them, so nothing is counted twice. Since the
  trough is the available liquidity less the lowest balance, the short-term excess is also the
  lowest balance less the target reserve and the projects of the year.
- Excess liquidity by horizon, cumulative: excess at a horizon = available − the needs of that
  horizon and of every shorter one. Each need is counted once, in its own horizon, and each
  dollar available covers one need only: the shorter horizon is served first (the allocation
  below), so the amounts allocated to the three funds plus what is left over always add up to
  the available liquidity (or to zero when it is negative).
"""

import datetime as dt
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from consortium.core import formatting
from consortium.core.languages import active_language
from consortium.core.money import ZERO, cents

LANGUAGES = ("fr", "en")
BASE_RESERVE_MONTHS = Decimal(3)
MAX_RESERVE_MONTHS = Decimal(6)
CONCENTRATION_THRESHOLDS = ((Decimal(80), 2), (Decimal(50), 1))
GRANTS_THRESHOLDS = ((Decimal(80), 2), (Decimal(60), 1))
SEASONAL_SHARE = Decimal(25)  # % of a month of expenses lost in the worst month
TWELVE = Decimal(12)
MONTHS_PLACES = Decimal("0.1")


@dataclass(frozen=True)
class Figure:
    """A computed value and its formula, numbers filled in, in each language."""

    value: object
    formulas: dict[str, str]

    def formula(self, language: str | None = None) -> str:
        return self.formulas[active_language(language)]

    @property
    def text(self) -> str:
        return self.formula()


@dataclass(frozen=True)
class Project:
    name: str
    amount: Decimal
    planned_on: dt.date


@dataclass(frozen=True)
class PlanInputs:
    as_of: dt.date
    annual_expenses: Decimal
    cash: Decimal
    short_term_investments: Decimal = ZERO
    restricted_funds: Decimal = ZERO
    largest_source_pct: Decimal | None = None
    grants_pct: Decimal | None = None
    seasonal: bool | None = None  # None: read from the monthly profile
    flows: tuple[tuple[Decimal, Decimal], ...] = ()  # (receipts, disbursements), months 1-12
    projects: tuple[Project, ...] = ()


@dataclass(frozen=True)
class LowPoint:
    month: int  # 0: the opening balance
    amount: Decimal


@dataclass(frozen=True)
class Raise:
    """One risk factor's raise of the target reserve, with why."""

    months: int
    reasons: dict[str, str]

    def reason(self, language: str | None = None) -> str:
        return self.reasons[active_language(language)]


@dataclass(frozen=True)
class Horizon:
    key: str  # short, medium, long
    need: Figure
    excess: Figure
    allocated: Decimal


@dataclass
class PlanFigures:
    available: Figure
    balances: list[Decimal]  # month-end balances, months 1-12
    low_point: Figure  # value: LowPoint
    monthly_expenses: Figure  # value: Decimal | None
    reserve_months: Figure  # value: Decimal | None
    seasonal: Figure  # value: bool
    target_months: Figure  # value: Decimal
    raises: list[Raise]
    target_amount: Figure
    trough: Figure
    horizons: list[Horizon] = field(default_factory=list)
    unallocated: Decimal = ZERO

    @property
    def reserve_gap_months(self) -> Decimal | None:
        """Months of reserve above (+) or below (−) the target at the lowest point."""
        if self.reserve_months.value is None:
            return None
        return self.reserve_months.value - self.target_months.value


def _money(value: Decimal, language: str) -> str:
    return formatting.money(value, language)


def _months(value: Decimal, language: str) -> str:
    """1,4 mois / 1.4 months; whole months without a decimal (6 mois)."""
    decimals = 0 if value == value.to_integral_value() else 1
    number = formatting.number(value, decimals, language)
    return f"{number}\u00a0mois" if language == "fr" else f"{number} months"


def _minus(value: Decimal, language: str) -> str:
    """A term after a minus sign: negative amounts in parentheses, so the sign reads right."""
    text = _money(value, language)
    return f"({text})" if value < 0 else text


def available_liquidity(
    cash: Decimal, short_term_investments: Decimal, restricted_funds: Decimal
) -> Figure:
    value = cents(cash + short_term_investments - restricted_funds)
    labels = {
        "fr": "Liquidités disponibles = {a} + {b} − {c} = {v}",
        "en": "Available liquidity = {a} + {b} − {c} = {v}",
    }
    return Figure(
        value,
        {
            language: label.format(
                a=_money(cash, language),
                b=_money(short_term_investments, language),
                c=_minus(restricted_funds, language),
                v=_money(value, language),
            )
            for language, label in labels.items()
        },
    )


def running_balances(
    opening: Decimal, flows: tuple[tuple[Decimal, Decimal], ...] | list
) -> list[Decimal]:
    """The balance at the end of each month: the opening balance plus the net flows so far."""
    balances, balance = [], opening
    for receipts, disbursements in flows:
        balance += receipts - disbursements
        balances.append(balance)
    return balances


def low_point(opening: Decimal, balances: list[Decimal]) -> Figure:
    """The lowest of the opening balance (month 0) and the month-end balances; the first month
    reaching it when several do."""
    point = LowPoint(0, opening)
    for month, balance in enumerate(balances, start=1):
        if balance < point.amount:
            point = LowPoint(month, balance)
    formulas = {}
    for language in LANGUAGES:
        amount = _money(point.amount, language)
        if point.month == 0:
            formulas[language] = (
                f"Point le plus bas = solde de départ = {amount}"
                if language == "fr"
                else f"Lowest point = opening balance = {amount}"
            )
        else:
            formulas[language] = (
                f"Point le plus bas = solde à la fin du mois {point.month} "
                f"= {_money(opening, language)} + flux nets des mois 1 à {point.month} = {amount}"
                if language == "fr"
                else f"Lowest point = balance at the end of month {point.month} "
                f"= {_money(opening, language)} + net flows of months 1 to {point.month} "
                f"= {amount}"
            )
    return Figure(point, formulas)


def monthly_expenses(annual_expenses: Decimal) -> Figure:
    if annual_expenses <= 0:
        return Figure(
            None,
            {
                "fr": "Charges mensuelles = — (aucune charge annuelle)",
                "en": "Monthly expenses = — (no annual expenses)",
            },
        )
    value = annual_expenses / TWELVE
    return Figure(
        value,
        {
            language: (
                f"{'Charges mensuelles' if language == 'fr' else 'Monthly expenses'} = "
                f"{_money(annual_expenses, language)} ÷ 12 = {_money(value, language)}"
            )
            for language in LANGUAGES
        },
    )


def reserve_months(lowest: Decimal, annual_expenses: Decimal) -> Figure:
    """The reserve at the lowest point in months of expenses, to a tenth; "—" without
    expenses (a reserve of months of nothing means nothing)."""
    if annual_expenses <= 0:
        return Figure(
            None,
            {
                "fr": "Réserve = — (sans charges annuelles, pas de mois à compter)",
                "en": "Reserve = — (without annual expenses there are no months to count)",
            },
        )
    value = (lowest / (annual_expenses / TWELVE)).quantize(MONTHS_PLACES, ROUND_HALF_UP)
    return Figure(
        value,
        {
            language: (
                f"{'Réserve' if language == 'fr' else 'Reserve'} = "
                f"{_money(lowest, language)} ÷ ({_money(annual_expenses, language)} ÷ 12) "
                f"= {_months(value, language)}"
            )
            for language in LANGUAGES
        },
    )


def seasonality(
    flows: tuple[tuple[Decimal, Decimal], ...] | list,
    annual_expenses: Decimal,
    answered: bool | None = None,
) -> Figure:
    """Whether the year is seasonal: as answered, else whether the worst month's net flow is
    below −25 % of a month of expenses."""
    if answered is not None:
        return Figure(
            answered,
            {
                "fr": f"Saisonnalité : {'oui' if answered else 'non'} (réponse donnée)",
                "en": f"Seasonality: {'yes' if answered else 'no'} (as answered)",
            },
        )
    if not flows or annual_expenses <= 0:
        return Figure(
            False,
            {
                "fr": "Saisonnalité : non (pas de profil mensuel ou de charges pour en juger)",
                "en": "Seasonality: no (no monthly profile or expenses to judge by)",
            },
        )
    nets = [receipts - disbursements for receipts, disbursements in flows]
    worst = min(nets)
    month = nets.index(worst) + 1
    threshold = -(annual_expenses / TWELVE) * SEASONAL_SHARE / 100
    value = worst < threshold
    formulas = {}
    for language in LANGUAGES:
        share = formatting.percent(SEASONAL_SHARE, 0, language)
        if language == "fr":
            formulas[language] = (
                f"Saisonnalité : pire mois (mois {month}) = {_money(worst, language)} "
                f"{'<' if value else '≥'} −{share} × {_money(annual_expenses, language)} ÷ 12 "
                f"= {_money(threshold, language)} → {'oui' if value else 'non'}"
            )
        else:
            formulas[language] = (
                f"Seasonality: worst month (month {month}) = {_money(worst, language)} "
                f"{'<' if value else '≥'} −{share} × {_money(annual_expenses, language)} ÷ 12 "
                f"= {_money(threshold, language)} → {'yes' if value else 'no'}"
            )
    return Figure(value, formulas)


def _threshold_raise(
    share: Decimal | None, thresholds: tuple, what: dict[str, str]
) -> Raise | None:
    if share is None:
        return None
    for limit, months in thresholds:
        if share > limit:
            return Raise(
                months,
                {
                    language: f"+{months} : {what[language]} "
                    f"{formatting.percent(share, 0, language)} > "
                    f"{formatting.percent(limit, 0, language)}"
                    if language == "fr"
                    else f"+{months}: {what[language]} "
                    f"{formatting.percent(share, 0, language)} > "
                    f"{formatting.percent(limit, 0, language)}"
                    for language in LANGUAGES
                },
            )
    return None


def target_reserve_months(
    largest_source_pct: Decimal | None, grants_pct: Decimal | None, seasonal: bool
) -> tuple[Figure, list[Raise]]:
    raises = [
        found
        for found in (
            _threshold_raise(
                largest_source_pct,
                CONCENTRATION_THRESHOLDS,
                {"fr": "principale source des revenus", "en": "largest source of revenue"},
            ),
            _threshold_raise(
                grants_pct,
                GRANTS_THRESHOLDS,
                {"fr": "subventions dans les revenus", "en": "grants in revenue"},
            ),
        )
        if found
    ]
    if seasonal:
        raises.append(Raise(1, {"fr": "+1 : activité saisonnière", "en": "+1: seasonal activity"}))
    raw = BASE_RESERVE_MONTHS + sum(item.months for item in raises)
    value = min(raw, MAX_RESERVE_MONTHS)
    formulas = {}
    for language in LANGUAGES:
        terms = " + ".join(["3"] + [str(item.months) for item in raises])
        label = "Cible" if language == "fr" else "Target"
        text = f"{label} = {terms}"
        if raises:
            text += f" = {_months(raw, language)}"
        if raw > MAX_RESERVE_MONTHS:
            text += (
                f", plafonnée à {_months(MAX_RESERVE_MONTHS, language)}"
                if language == "fr"
                else f", capped at {_months(MAX_RESERVE_MONTHS, language)}"
            )
        elif not raises:
            text += f" = {_months(value, language)}"
        formulas[language] = text
    return Figure(value, formulas), raises


def target_reserve_amount(months: Decimal, annual_expenses: Decimal) -> Figure:
    value = cents(months * annual_expenses / TWELVE)
    return Figure(
        value,
        {
            language: (
                f"{'Réserve cible' if language == 'fr' else 'Target reserve'} = "
                f"{_months(months, language)} × {_money(annual_expenses, language)} ÷ 12 "
                f"= {_money(value, language)}"
            )
            for language in LANGUAGES
        },
    )


def seasonal_trough(flows: tuple[tuple[Decimal, Decimal], ...] | list) -> Figure:
    """How far the cumulative net flow of the year falls below zero (0 if it never does)."""
    lowest = min(running_balances(ZERO, flows), default=ZERO)
    value = -lowest if lowest < 0 else ZERO
    return Figure(
        value,
        {
            "fr": f"Creux saisonnier = plus bas cumul des flux nets sous zéro = "
            f"{_money(value, 'fr')}",
            "en": f"Seasonal trough = lowest cumulative net flow below zero = "
            f"{_money(value, 'en')}",
        },
    )


def _years_later(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def project_horizon(as_of: dt.date, planned_on: dt.date) -> str:
    """short: before as_of + 1 year (or already due); medium: before as_of + 5 years; long."""
    if planned_on < _years_later(as_of, 1):
        return "short"
    if planned_on < _years_later(as_of, 5):
        return "medium"
    return "long"


EXCESS_LABELS = {
    "short": {"fr": "Excédent à court terme", "en": "Short-term excess"},
    "medium": {"fr": "Excédent à moyen terme", "en": "Medium-term excess"},
    "long": {"fr": "Excédent à long terme", "en": "Long-term excess"},
}


def liquidity_horizons(
    available: Decimal,
    target_amount: Decimal,
    trough: Decimal,
    projects: tuple[Project, ...] | list,
    as_of: dt.date,
) -> tuple[list[Horizon], Decimal]:
    """The need, the cumulative excess and the amount allocated of each horizon, and what is
    left over once every need is covered (see the module's docstring for the rule)."""
    by_horizon: dict[str, Decimal] = {"short": ZERO, "medium": ZERO, "long": ZERO}
    for project in projects:
        by_horizon[project_horizon(as_of, project.planned_on)] += project.amount
    horizons = []
    covered = ZERO  # the needs of the shorter horizons, already served
    remaining = max(available, ZERO)
    for key in ("short", "medium", "long"):
        projects_total = by_horizon[key]
        need = projects_total + (target_amount + trough if key == "short" else ZERO)
        need_formulas = {}
        for language in LANGUAGES:
            money = _money
            if key == "short":
                need_formulas[language] = (
                    f"Besoin à court terme = réserve cible {money(target_amount, language)} "
                    f"+ creux saisonnier {money(trough, language)} + projets de moins d'un an "
                    f"{money(projects_total, language)} = {money(need, language)}"
                    if language == "fr"
                    else f"Short-term need = target reserve {money(target_amount, language)} "
                    f"+ seasonal trough {money(trough, language)} + projects within a year "
                    f"{money(projects_total, language)} = {money(need, language)}"
                )
            else:
                label = {
                    ("medium", "fr"): "Besoin à moyen terme = projets de 1 à 5 ans",
                    ("medium", "en"): "Medium-term need = projects in 1 to 5 years",
                    ("long", "fr"): "Besoin à long terme = projets au-delà de 5 ans",
                    ("long", "en"): "Long-term need = projects beyond 5 years",
                }[key, language]
                need_formulas[language] = f"{label} = {money(need, language)}"
        covered += need
        excess = available - covered
        excess_formulas = {}
        for language in LANGUAGES:
            needs = " − ".join(
                _minus(value, language) for value in [h.need.value for h in horizons] + [need]
            )
            excess_formulas[language] = (
                f"{EXCESS_LABELS[key][language]} = {_money(available, language)} − {needs} "
                f"= {_money(excess, language)}"
            )
        allocated = min(remaining, need)
        remaining -= allocated
        horizons.append(
            Horizon(key, Figure(need, need_formulas), Figure(excess, excess_formulas), allocated)
        )
    return horizons, remaining


def plan_figures(inputs: PlanInputs) -> PlanFigures:
    """Every figure of the plan, in the order the result page shows them."""
    available = available_liquidity(
        inputs.cash, inputs.short_term_investments, inputs.restricted_funds
    )
    balances = running_balances(available.value, inputs.flows)
    low = low_point(available.value, balances)
    season = seasonality(inputs.flows, inputs.annual_expenses, inputs.seasonal)
    target_months, raises = target_reserve_months(
        inputs.largest_source_pct, inputs.grants_pct, season.value
    )
    target_amount = target_reserve_amount(target_months.value, inputs.annual_expenses)
    trough = seasonal_trough(inputs.flows)
    horizons, unallocated = liquidity_horizons(
        available.value, target_amount.value, trough.value, inputs.projects, inputs.as_of
    )
    return PlanFigures(
        available=available,
        balances=balances,
        low_point=low,
        monthly_expenses=monthly_expenses(inputs.annual_expenses),
        reserve_months=reserve_months(low.value.amount, inputs.annual_expenses),
        seasonal=season,
        target_months=target_months,
        raises=raises,
        target_amount=target_amount,
        trough=trough,
        horizons=horizons,
        unallocated=unallocated,
    )
