"""The figures of the report's financial section, summed in SQL.

`finance_report(fiscal_year)` is the report's contract; it runs a fixed number of queries
whatever the number of accounts, organisations or amounts.

Revenue by member category: each organisation billed in a year counts under the category of its
membership on the year's last day or, if that membership ended during the year, on its last
day of membership in that year; in both cases the latest membership that overlaps the year.
An organisation with no membership overlapping the year is a non-member ("non_member").
"""

from collections import defaultdict
from decimal import Decimal

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from consortium.core.fiscal_years import (
    fiscal_year_bounds,
    next_fiscal_year_name,
    previous_fiscal_year_name,
)
from consortium.core.models import FiscalYear
from consortium.core.numbers import change_percent, percentage
from consortium.finance.models import AccountKind, ActualAmount, Budget
from consortium.members.models import MemberCategory, Membership

ZERO = Decimal("0.00")
CENT = Decimal("0.01")
NON_MEMBER = "non_member"
CATEGORIES = [*MemberCategory.values, NON_MEMBER]
TABLE_ROWS = ("revenue", "expenses", "surplus")


def billed_category() -> Subquery:
    """For an actual amount, the category of its organisation's latest membership overlapping
    its fiscal year (NULL for a non-member)."""
    return Subquery(
        Membership.objects.filter(
            organisation=OuterRef("organisation"),
            start__lte=OuterRef("fiscal_year__end_date"),
        )
        .filter(Q(end__isnull=True) | Q(end__gte=OuterRef("fiscal_year__start_date")))
        .order_by("-start")
        .values("category")[:1]
    )


def member_categories(fiscal_year: FiscalYear) -> dict[int, str]:
    """Organisation id → the category it is billed under in that year, for every organisation
    with a membership overlapping the year (the same rule as `billed_category`)."""
    category = Subquery(
        Membership.objects.filter(
            organisation=OuterRef("organisation"),
            start__lte=fiscal_year.end_date,
        )
        .filter(Q(end__isnull=True) | Q(end__gte=fiscal_year.start_date))
        .order_by("-start")
        .values("category")[:1]
    )
    rows = (
        Membership.objects.filter(start__lte=fiscal_year.end_date)
        .filter(Q(end__isnull=True) | Q(end__gte=fiscal_year.start_date))
        .annotate(billed_as=category)
        .values_list("organisation_id", "billed_as")
    )
    return dict(rows)


def service_revenue_with_category(years: list[str]) -> QuerySet[ActualAmount]:
    """Service revenue of these years, each amount annotated with the `category` billed."""
    return ActualAmount.objects.filter(
        fiscal_year__name__in=years, account__is_service_revenue=True
    ).annotate(category=Coalesce(billed_category(), Value(NON_MEMBER)))


def _totals_by_kind(model, years: list[str]) -> dict[tuple[str, str], Decimal]:
    rows = (
        model.objects.filter(fiscal_year__name__in=years)
        .values("fiscal_year__name", "account__kind")
        .annotate(total=Sum("amount"))
        .order_by()
    )
    return {
        (row["fiscal_year__name"], row["account__kind"]): row["total"].quantize(CENT)
        for row in rows
    }


def _table(fiscal_year: str, prior: str, following: str) -> list[dict]:
    years = [prior, fiscal_year, following]
    actual = _totals_by_kind(ActualAmount, years)
    budget = _totals_by_kind(Budget, years)

    def amounts(source: dict, year: str) -> dict[str, Decimal]:
        revenue = source.get((year, AccountKind.REVENUE), ZERO)
        expenses = source.get((year, AccountKind.EXPENSE), ZERO)
        return {"revenue": revenue, "expenses": expenses, "surplus": revenue - expenses}

    columns = {
        "actual": amounts(actual, fiscal_year),
        "budget": amounts(budget, fiscal_year),
        "prior_actual": amounts(actual, prior),
        "next_budget": amounts(budget, following),
    }
    labels = {
        "revenue": _("Produits"),
        "expenses": _("Frais d'exploitation"),
        "surplus": _("Excédent de l'exercice"),
    }
    table = []
    for key in TABLE_ROWS:
        row = {"key": key, "label": labels[key]}
        row.update({column: values[key] for column, values in columns.items()})
        # A surplus has no meaningful variance: its budget may be near zero or negative.
        row["variance_pct"] = (
            None if key == "surplus" else change_percent(row["actual"], row["budget"])
        )
        table.append(row)
    return table


def _revenue_by_category(fiscal_year: str, prior: str) -> tuple[dict, dict[str, int]]:
    rows = (
        service_revenue_with_category([prior, fiscal_year])
        .values("fiscal_year__name", "category")
        .annotate(total=Sum("amount"), organisations=Count("organisation", distinct=True))
        .order_by()
    )
    totals: dict[str, dict[str, Decimal]] = defaultdict(lambda: defaultdict(lambda: ZERO))
    billed: dict[str, int] = defaultdict(int)
    for row in rows:
        totals[row["fiscal_year__name"]][row["category"]] += row["total"].quantize(CENT)
        # An organisation has one category a year: the groups' counts add up without overlap.
        billed[row["fiscal_year__name"]] += row["organisations"]
    current, before = totals[fiscal_year], totals[prior]
    current_total, prior_total = sum(current.values(), ZERO), sum(before.values(), ZERO)
    by_category = {
        category: {
            "current": current[category],
            "prior": before[category],
            "growth_pct": change_percent(current[category], before[category]),
            "share_pct": percentage(current[category], current_total),
            "prior_share_pct": percentage(before[category], prior_total),
        }
        for category in CATEGORIES
    }
    return by_category, {fiscal_year: billed[fiscal_year], prior: billed[prior]}


def fully_managed_members(fiscal_year: str) -> list[str]:
    """Names of the organisations that were fully managed members on the year's last day."""
    stored = FiscalYear.objects.filter(name=fiscal_year).values("end_date")[:1]
    _start, default_last_day = fiscal_year_bounds(fiscal_year)
    last_day = Coalesce(Subquery(stored), Value(default_last_day))
    names = (
        Membership.objects.filter(category=MemberCategory.FULLY_MANAGED)
        .alias(last_day=last_day)
        .filter(start__lte=last_day)
        .filter(Q(end__isnull=True) | Q(end__gte=last_day))
        .values_list("organisation__name", flat=True)
        .distinct()
    )
    return sorted(names)


def finance_report(fiscal_year: str) -> dict:
    """The financial figures of fiscal year `fiscal_year` ("2020-2021") for the annual report.

    - "table": revenue, expenses and surplus rows, each with "actual", "budget", "prior_actual"
      (previous year), "next_budget" (next year) and "variance_pct" (actual ÷ budget − 1, in %,
      one decimal; None for the surplus or without a budget);
    - "revenue_growth_pct": actual revenue ÷ prior-year actual revenue − 1, in %;
    - "member_business_pct": service revenue from members ÷ all service revenue (article 17);
    - "revenue_by_category": for each member category and "non_member", the year's and the prior
      year's service revenue, its growth and its share of all service revenue (see the module's
      note for how an organisation's category is chosen); a share or growth is None when there
      is nothing to divide by;
    - "other_members_growth_pct" (members other than fully managed), "auxiliary_growth_pct";
    - "organisations_billed", "organisations_billed_prior" and "diversification" (the
      difference): organisations with service revenue in the year;
    - "fully_managed_members": names of the fully managed members on the year's last day, sorted.
    """
    prior, following = previous_fiscal_year_name(fiscal_year), next_fiscal_year_name(fiscal_year)
    table = _table(fiscal_year, prior, following)
    by_category, billed = _revenue_by_category(fiscal_year, prior)
    revenue = table[0]
    members_current = sum(
        (row["current"] for key, row in by_category.items() if key != NON_MEMBER), ZERO
    )
    services_current = members_current + by_category[NON_MEMBER]["current"]
    others = [MemberCategory.USER, MemberCategory.AUXILIARY, MemberCategory.SUPPORT]
    others_current = sum((by_category[key]["current"] for key in others), ZERO)
    others_prior = sum((by_category[key]["prior"] for key in others), ZERO)
    auxiliary = by_category[MemberCategory.AUXILIARY]
    return {
        "table": table,
        "revenue_growth_pct": change_percent(revenue["actual"], revenue["prior_actual"]),
        "member_business_pct": percentage(members_current, services_current),
        "revenue_by_category": by_category,
        "other_members_growth_pct": change_percent(others_current, others_prior),
        "auxiliary_growth_pct": change_percent(auxiliary["current"], auxiliary["prior"]),
        "organisations_billed": billed[fiscal_year],
        "organisations_billed_prior": billed[prior],
        "diversification": billed[fiscal_year] - billed[prior],
        "fully_managed_members": fully_managed_members(fiscal_year),
    }
