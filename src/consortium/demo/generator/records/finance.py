"""Demo finance: a chart of accounts, budgets for 2019-2020 to 2021-2022 and actual amounts for
2019-2020 and 2020-2021, carrying the financial figures of the 2020-2021 report.

Totals are fixed below; each is split over its accounts in whole dollars (the last account
takes the rest, so sums are exact). Service revenue (SERVICE_REVENUE, by the payer's member
category) is not written here: both years have invoices, from which the report computes it
(demo/generator/billing bills exactly these totals); the service revenue accounts keep their
budgets. Account names are data, not interface: they are not wrapped in gettext.
"""

from decimal import Decimal

from consortium.finance.models import Account, AccountKind, ActualAmount, Budget
from consortium.finance.services import (
    account_upsert,
    actual_amount_record,
    budget_record,
    fiscal_year_ensure,
)
from consortium.members.models import MemberCategory

REVENUE, EXPENSE = AccountKind.REVENUE, AccountKind.EXPENSE
SERVICES, TRAINING = "4100", "4150"
# code, French name, English name, kind, service revenue
CHART: list[tuple[str, str, str, str, bool]] = [
    (
        SERVICES,
        "Services professionnels aux membres",
        "Professional services to members",
        REVENUE,
        True,
    ),
    (TRAINING, "Formation aux membres", "Training for members", REVENUE, True),
    (
        "4300",
        "Subvention salariale d'urgence (COVID-19)",
        "Emergency wage subsidy (COVID-19)",
        REVENUE,
        False,
    ),
    (
        "4400",
        "Programmes de soutien subventionnés",
        "Subsidised support programmes",
        REVENUE,
        False,
    ),
    ("4500", "Cotisations des membres", "Member dues", REVENUE, False),
    ("4900", "Revenus de placement et autres", "Investment and other income", REVENUE, False),
    ("5100", "Salaires et charges sociales", "Salaries and benefits", EXPENSE, False),
    ("5200", "Honoraires et sous-traitance", "Fees and subcontracting", EXPENSE, False),
    ("5300", "Loyer et frais de bureau", "Rent and office costs", EXPENSE, False),
    ("5400", "Technologies de l'information", "Information technology", EXPENSE, False),
    ("5500", "Formation et déplacements du personnel", "Staff training and travel", EXPENSE, False),
    ("5600", "Promotion et communications", "Promotion and communications", EXPENSE, False),
    (
        "5900",
        "Frais financiers et amortissement",
        "Financial costs and depreciation",
        EXPENSE,
        False,
    ),
]
OTHER_REVENUE = ["4300", "4400", "4500", "4900"]
EXPENSES = ["5100", "5200", "5300", "5400", "5500", "5600", "5900"]
EXPENSE_WEIGHTS = [78, 6, 5, 4, 2, 2, 3]

# Budgets: (revenue, expenses) by year, and the weights of the revenue accounts (services,
# training, then OTHER_REVENUE). The 2020-2021 budget was set before the pandemic.
BUDGETS: dict[str, tuple[int, int, list[int]]] = {
    "2019-2020": (4_250_000, 4_190_000, [76, 8, 0, 10, 4, 2]),
    "2020-2021": (3_951_782, 3_878_238, [78, 8, 0, 9, 3, 2]),
    "2021-2022": (4_598_552, 4_550_351, [74, 8, 5, 9, 2, 2]),
}
# Actual amounts: revenue (services by category, then each other revenue account), expenses.
SERVICE_REVENUE: dict[str, dict[str, int]] = {
    "2019-2020": {
        MemberCategory.FULLY_MANAGED: 2_300_000,
        MemberCategory.USER: 1_200_000,
        MemberCategory.AUXILIARY: 300_000,
    },
    "2020-2021": {
        MemberCategory.FULLY_MANAGED: 2_250_000,
        MemberCategory.USER: 1_214_400,  # users and auxiliaries: +5,7 %
        MemberCategory.AUXILIARY: 371_100,  # +23,7 %
    },
}
OTHER_REVENUE_ACTUAL: dict[str, list[int]] = {
    "2019-2020": [0, 470_000, 150_000, 55_852],  # total revenue 4 475 852
    "2020-2021": [420_000, 180_000, 90_000, 46_174],  # total revenue 4 571 674 (+2 %)
}
EXPENSES_ACTUAL = {"2019-2020": 4_405_109, "2020-2021": 4_023_699}


def split(total: int, weights: list[float]) -> list[int]:
    """Whole dollars in proportion to `weights`, adding up to `total` exactly."""
    weight_sum = sum(weights)
    parts = [int(total * weight / weight_sum) for weight in weights]
    parts[-1] += total - sum(parts)
    return parts


def delete() -> None:
    """The area's demo rows (every account, budget and actual amount), for a rebuilt demo."""
    ActualAmount.objects.all().delete()
    Budget.objects.all().delete()
    Account.objects.all().delete()


def write(context) -> dict[str, int]:
    accounts = {}
    for code, name_fr, name_en, kind, is_service_revenue in CHART:
        accounts[code], _created = account_upsert(
            code=code,
            name_fr=name_fr,
            name_en=name_en,
            kind=kind,
            is_service_revenue=is_service_revenue,
        )
    years = {name: fiscal_year_ensure(name=name) for name in BUDGETS}
    budgets = 0
    for name, (revenue, expenses, weights) in BUDGETS.items():
        amounts = dict(
            zip([SERVICES, TRAINING, *OTHER_REVENUE], split(revenue, weights), strict=True)
        )
        amounts.update(zip(EXPENSES, split(expenses, EXPENSE_WEIGHTS), strict=True))
        for code, amount in amounts.items():
            budget_record(account=accounts[code], fiscal_year=years[name], amount=Decimal(amount))
            budgets += 1

    actuals = 0
    for name in ("2019-2020", "2020-2021"):
        amounts = dict(zip(OTHER_REVENUE, OTHER_REVENUE_ACTUAL[name], strict=True))
        amounts.update(zip(EXPENSES, split(EXPENSES_ACTUAL[name], EXPENSE_WEIGHTS), strict=True))
        for code, amount in amounts.items():
            actual_amount_record(
                account=accounts[code], fiscal_year=years[name], amount=Decimal(amount)
            )
            actuals += 1
    return {"accounts": len(accounts), "budgets": budgets, "actual_amounts": actuals}
