"""The treasury's figures on cases computed by hand: a seasonal year whose low point is month 7,
a capped target, no expenses, no projects, negative available liquidity."""

import datetime as dt
from decimal import Decimal as D

from consortium.treasury.figures import (
    PlanInputs,
    Project,
    plan_figures,
    project_horizon,
    reserve_months,
    target_reserve_months,
)

AS_OF = dt.date(2026, 4, 1)
# Months 1-6 and 8-12 gain 10 000 $; month 7 loses 90 000 $ (the summer).
SEASONAL = tuple(
    (D("20000"), D("110000")) if month == 7 else (D("100000"), D("90000")) for month in range(1, 13)
)
PROJECTS = (
    Project("Toiture", D("40000"), dt.date(2026, 10, 1)),  # within a year
    Project("Camionnette", D("30000"), dt.date(2028, 10, 1)),  # 1 to 5 years
    Project("Immeuble", D("500000"), dt.date(2033, 1, 1)),  # beyond 5 years
)


def plain(text: str) -> str:
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def seasonal_plan(**changes) -> PlanInputs:
    values = {
        "as_of": AS_OF,
        "annual_expenses": D("1200000"),
        "cash": D("150000"),
        "short_term_investments": D("50000"),
        "restricted_funds": D("30000"),
        "largest_source_pct": D("55"),
        "grants_pct": D("65"),
        "flows": SEASONAL,
        "projects": PROJECTS,
    }
    return PlanInputs(**{**values, **changes})


def test_a_seasonal_year_is_at_its_lowest_in_month_7():
    figures = plan_figures(seasonal_plan())
    # 150 000 + 50 000 − 30 000 = 170 000; six months at +10 000 = 230 000; −90 000 = 140 000.
    assert figures.available.value == D("170000")
    assert figures.balances[5] == D("230000")
    assert figures.low_point.value.month == 7
    assert figures.low_point.value.amount == D("140000")
    assert figures.balances[-1] == D("190000")
    # 140 000 ÷ (1 200 000 ÷ 12) = 1,4 months.
    assert figures.reserve_months.value == D("1.4")
    assert plain(figures.reserve_months.formula("fr")) == (
        "Réserve = 140 000 $ ÷ (1 200 000 $ ÷ 12) = 1,4 mois"
    )
    assert figures.reserve_months.formula("en") == (
        "Reserve = $140,000 ÷ ($1,200,000 ÷ 12) = 1.4 months"
    )
    assert plain(figures.available.formula("fr")) == (
        "Liquidités disponibles = 150 000 $ + 50 000 $ − 30 000 $ = 170 000 $"
    )


def test_the_target_adds_a_month_for_each_risk_factor():
    figures = plan_figures(seasonal_plan())
    # −90 000 $ in month 7 < −25 % × 100 000 $: seasonal. 55 % > 50 %, 65 % > 60 %.
    assert figures.seasonal.value is True
    assert [item.months for item in figures.raises] == [1, 1, 1]
    assert figures.target_months.value == 6
    assert plain(figures.target_months.formula("fr")) == "Cible = 3 + 1 + 1 + 1 = 6 mois"
    assert figures.target_amount.value == D("600000")
    assert figures.reserve_gap_months == D("-4.6")


def test_the_needs_and_excesses_by_horizon_never_count_a_dollar_twice():
    figures = plan_figures(seasonal_plan(cash=D("2000000")))
    short, medium, long = figures.horizons
    # Trough: cumulative net flow +60 000 after month 6, −30 000 after month 7.
    assert figures.trough.value == D("30000")
    assert short.need.value == D("670000")  # 600 000 + 30 000 + 40 000
    assert medium.need.value == D("30000")
    assert long.need.value == D("500000")
    assert figures.available.value == D("2020000")
    assert short.excess.value == D("1350000")  # 2 020 000 − 670 000
    assert medium.excess.value == D("1320000")  # − 30 000 more
    assert long.excess.value == D("820000")  # − 500 000 more
    assert [short.allocated, medium.allocated, long.allocated] == [
        D("670000"),
        D("30000"),
        D("500000"),
    ]
    assert figures.unallocated == D("820000")
    total = short.allocated + medium.allocated + long.allocated + figures.unallocated
    assert total == figures.available.value
    assert plain(long.excess.formula("fr")) == (
        "Excédent à long terme = 2 020 000 $ − 670 000 $ − 30 000 $ − 500 000 $ = 820 000 $"
    )


def test_short_of_money_the_shorter_horizon_is_served_first():
    figures = plan_figures(seasonal_plan())
    short, medium, long = figures.horizons
    assert short.excess.value == D("-500000")
    assert medium.excess.value == D("-530000")
    assert long.excess.value == D("-1030000")
    assert [short.allocated, medium.allocated, long.allocated] == [D("170000"), 0, 0]
    assert figures.unallocated == 0


def test_the_target_is_capped_at_six_months():
    months, raises = target_reserve_months(D("85"), D("90"), True)
    assert [item.months for item in raises] == [2, 2, 1]
    assert months.value == 6
    assert plain(months.formula("fr")) == "Cible = 3 + 2 + 2 + 1 = 8 mois, plafonnée à 6 mois"
    assert months.formula("en") == "Target = 3 + 2 + 2 + 1 = 8 months, capped at 6 months"


def test_without_risk_factors_the_target_is_the_three_month_minimum():
    months, raises = target_reserve_months(D("50"), D("60"), False)
    assert raises == []
    assert months.value == 3
    assert plain(months.formula("fr")) == "Cible = 3 = 3 mois"


def test_an_answered_seasonality_wins_over_the_profile():
    assert plan_figures(seasonal_plan(seasonal=False)).seasonal.value is False
    flat = tuple((D("100000"), D("100000")) for _month in range(12))
    assert plan_figures(seasonal_plan(flows=flat)).seasonal.value is False
    assert plan_figures(seasonal_plan(flows=flat, seasonal=True)).seasonal.value is True


def test_zero_expenses_give_a_dash_never_a_division_by_zero():
    figures = plan_figures(seasonal_plan(annual_expenses=D("0")))
    assert figures.reserve_months.value is None
    assert "—" in figures.reserve_months.formula("fr")
    assert figures.monthly_expenses.value is None
    assert figures.target_amount.value == 0
    assert figures.reserve_gap_months is None
    assert reserve_months(D("1000"), D("0")).value is None


def test_without_projects_only_the_reserve_and_the_trough_are_needed():
    figures = plan_figures(seasonal_plan(projects=()))
    short, medium, long = figures.horizons
    assert short.need.value == D("630000")
    assert medium.need.value == 0
    assert long.need.value == 0


def test_negative_available_liquidity_allocates_nothing():
    figures = plan_figures(
        seasonal_plan(cash=D("10000"), short_term_investments=D("0"), restricted_funds=D("50000"))
    )
    assert figures.available.value == D("-40000")
    assert plain(figures.available.formula("fr")) == (
        "Liquidités disponibles = 10 000 $ + 0 $ − 50 000 $ = -40 000 $"
    )
    assert figures.low_point.value.amount == D("-70000")  # −40 000 + 60 000 − 90 000
    assert figures.reserve_months.value == D("-0.7")
    assert all(horizon.allocated == 0 for horizon in figures.horizons)
    assert figures.unallocated == 0


def test_a_year_that_only_gains_is_at_its_lowest_today():
    flat = tuple((D("110000"), D("100000")) for _month in range(12))
    figures = plan_figures(seasonal_plan(flows=flat))
    assert figures.low_point.value.month == 0
    assert figures.low_point.value.amount == D("170000")
    assert figures.trough.value == 0


def test_projects_fall_in_their_horizon_at_the_edges():
    assert project_horizon(AS_OF, dt.date(2026, 3, 1)) == "short"  # already due
    assert project_horizon(AS_OF, dt.date(2027, 3, 31)) == "short"
    assert project_horizon(AS_OF, dt.date(2027, 4, 1)) == "medium"
    assert project_horizon(AS_OF, dt.date(2031, 3, 31)) == "medium"
    assert project_horizon(AS_OF, dt.date(2031, 4, 1)) == "long"


def test_the_short_term_excess_is_the_low_point_less_the_reserve_and_the_years_projects():
    figures = plan_figures(seasonal_plan(cash=D("2000000")))
    short = figures.horizons[0]
    # 1 990 000 (lowest, month 7) − 600 000 (reserve) − 40 000 (roof) = 1 350 000.
    assert short.excess.value == figures.low_point.value.amount - D("600000") - D("40000")
