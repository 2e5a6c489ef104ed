"""The figures of the report's financial section, summed in SQL.

`finance_report(fiscal_year)` is the report's contract; it runs a fixed number of queries
whatever the number of accounts, organisations or amounts.

Revenue by member category: each organisation billed in a year counts under the category of its
membership on the year's last day or, if that membership ended during the year, on its last
day of membership in that year; in both cases the latest membership that overlaps the year.
An organisation with no membership overlapping the year is a non-member ("non_member").

Service revenue comes from the platform's issued invoices, net of credit notes
(billing.selectors.revenue), for the years that have invoices; for the years before the platform
billed, from the imported actual amounts of the service revenue accounts. The other accounts
always come from the actual amounts.
"""

from collections import defaultdict
from decimal import Decimal

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from consortium.billing.models import InvoiceKind
from consortium.billing.selectors.revenue import billed_hour_lines, issued_documents
from consortium.core.fiscal_years import (
    fiscal_year_bounds,
    next_fiscal_year_name,
    previous_fiscal_year_name,
)
from consortium.core.models import FiscalYear
from consortium.core.numbers import as_decimal, change_percent, hours_to_cents, percentage
from consortium.finance.models import AccountKind, ActualAmount, Budget
from consortium.members.models import MemberCategory, Membership

ZERO = Decimal("0.00")
CENT = Decimal("0.01")
NON_MEMBER = "non_member"
CATEGORIES = [*MemberCategory.values, NON_MEMBER]
TABLE_ROWS = ("revenue", "expenses", "surplus")
OTHER_MEMBERS = (MemberCategory.USER, MemberCategory.AUXILIARY, MemberCategory.SUPPORT)


def billed_category(
    organisation: str = "organisation", fiscal_year: str = "fiscal_year"
) -> Subquery:
    """For an actual amount (or an invoice, or a line through `invoice__…`), the category of its
    organisation's latest membership overlapping its fiscal year (NULL for a non-member)."""
    return Subquery(
        Membership.objects.filter(
            organisation=OuterRef(organisation),
            start__lte=OuterRef(f"{fiscal_year}__end_date"),
        )
        .filter(Q(end__isnull=True) | Q(end__gte=OuterRef(f"{fiscal_year}__start_date")))
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


def _totals_by_kind(model, years: list[str]) -> dict[tuple[str, str, bool], Decimal]:
    """(year, account kind, service revenue account?) → the sum of `model`'s amounts."""
    rows = (
        model.objects.filter(fiscal_year__name__in=years)
        .values("fiscal_year__name", "account__kind", "account__is_service_revenue")
        .annotate(total=Sum("amount"))
        .order_by()
    )
    totals: dict[tuple[str, str, bool], Decimal] = defaultdict(lambda: ZERO)
    for row in rows:
        key = (row["fiscal_year__name"], row["account__kind"], row["account__is_service_revenue"])
        totals[key] += row["total"].quantize(CENT)
    return totals


def _table(
    fiscal_year: str, prior: str, following: str, invoiced: dict[str, Decimal]
) -> list[dict]:
    """`invoiced`: year → service revenue from invoices, for the years that have invoices."""
    years = [prior, fiscal_year, following]
    actual = _totals_by_kind(ActualAmount, years)
    budget = _totals_by_kind(Budget, years)

    def amounts(source: dict, year: str, invoices: dict[str, Decimal]) -> dict[str, Decimal]:
        services = source[(year, AccountKind.REVENUE, True)]
        if year in invoices:
            services = invoices[year]
        revenue = services + source[(year, AccountKind.REVENUE, False)]
        expenses = (
            source[(year, AccountKind.EXPENSE, False)] + source[(year, AccountKind.EXPENSE, True)]
        )
        return {"revenue": revenue, "expenses": expenses, "surplus": revenue - expenses}

    columns = {
        "actual": amounts(actual, fiscal_year, invoiced),
        "budget": amounts(budget, fiscal_year, {}),
        "prior_actual": amounts(actual, prior, invoiced),
        "next_budget": amounts(budget, following, {}),
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


def _category() -> Coalesce:
    return Coalesce(billed_category(), Value(NON_MEMBER))


def _invoiced_by_category(years: list[str]) -> tuple[dict, dict, dict]:
    """From the issued invoices of `years` (two queries): (year, category) → revenue, and →
    hours billed; year → organisations billed."""
    rows = (
        issued_documents(years)
        .annotate(category=_category())
        .values("fiscal_year__name", "category")
        .annotate(
            total=Sum("net"),
            # An invoice of hours a programme paid for bills nothing: not "billed".
            organisations=Count(
                "organisation", distinct=True, filter=Q(kind=InvoiceKind.INVOICE, subtotal__gt=0)
            ),
        )
        .order_by()
    )
    revenue: dict[tuple[str, str], Decimal] = {}
    billed: dict[str, int] = defaultdict(int)
    for row in rows:
        revenue[(row["fiscal_year__name"], row["category"])] = as_decimal(row["total"]).quantize(
            CENT
        )
        billed[row["fiscal_year__name"]] += row["organisations"]
    hours_rows = (
        billed_hour_lines(years)
        .annotate(
            category=Coalesce(
                billed_category("invoice__organisation", "invoice__fiscal_year"), Value(NON_MEMBER)
            )
        )
        .values("invoice__fiscal_year__name", "category")
        .annotate(hours=Sum("net_hours"))
        .order_by()
    )
    hours = {
        (row["invoice__fiscal_year__name"], row["category"]): hours_to_cents(row["hours"])
        for row in hours_rows
    }
    return revenue, hours, billed


def _actual_by_category(years: list[str]) -> tuple[dict, dict]:
    rows = (
        service_revenue_with_category(years)
        .values("fiscal_year__name", "category")
        .annotate(total=Sum("amount"), organisations=Count("organisation", distinct=True))
        .order_by()
    )
    revenue: dict[tuple[str, str], Decimal] = defaultdict(lambda: ZERO)
    billed: dict[str, int] = defaultdict(int)
    for row in rows:
        revenue[(row["fiscal_year__name"], row["category"])] += row["total"].quantize(CENT)
        # An organisation has one category a year: the groups' counts add up without overlap.
        billed[row["fiscal_year__name"]] += row["organisations"]
    return revenue, billed


def _price_volume(revenue: tuple, hours: tuple | None) -> dict | None:
    """One category's change split into volume and price (None without hours for both years).

    volume effect = Δhours × prior average rate; price effect = Δaverage rate × current hours;
    they add up to the change in revenue. A category billed one year only changed by volume.
    """
    if hours is None:
        return None
    (current, prior), (current_hours, prior_hours) = revenue, hours
    rate = current / current_hours if current_hours else None
    prior_rate = prior / prior_hours if prior_hours else None
    if rate is None or prior_rate is None:
        volume, price = current - prior, ZERO
    else:
        volume = (current_hours - prior_hours) * prior_rate
        price = (rate - prior_rate) * current_hours
    return {
        "hours": current_hours,
        "prior_hours": prior_hours,
        "average_rate": None if rate is None else rate.quantize(CENT),
        "prior_average_rate": None if prior_rate is None else prior_rate.quantize(CENT),
        "volume_effect": volume.quantize(CENT),
        "price_effect": price.quantize(CENT),
    }


def _revenue_by_category(fiscal_year: str, prior: str) -> dict:
    years = [prior, fiscal_year]
    invoiced, invoiced_hours, invoiced_billed = _invoiced_by_category(years)
    actual, actual_billed = _actual_by_category(years)
    from_invoices = {year for year, _category in invoiced}
    totals: dict[str, dict[str, Decimal]] = {}
    hours: dict[str, dict[str, Decimal] | None] = {}
    billed: dict[str, int] = {}
    for year in years:
        source = invoiced if year in from_invoices else actual
        totals[year] = {c: source.get((year, c), ZERO) for c in CATEGORIES}
        hours[year] = (
            {c: invoiced_hours.get((year, c), ZERO) for c in CATEGORIES}
            if year in from_invoices
            else None
        )
        billed[year] = (invoiced_billed if year in from_invoices else actual_billed)[year]
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
    both_hours = hours[fiscal_year] is not None and hours[prior] is not None
    price_volume = {
        category: _price_volume(
            (current[category], before[category]),
            (hours[fiscal_year][category], hours[prior][category]) if both_hours else None,
        )
        for category in CATEGORIES
    }
    return {
        "by_category": by_category,
        "billed": billed,
        "price_volume": price_volume,
        "invoiced": {year: sum(totals[year].values(), ZERO) for year in from_invoices},
    }


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


def _others_split(price_volume: dict) -> dict | None:
    """The volume and price effects of members other than fully managed, together."""
    splits = [price_volume[key] for key in OTHER_MEMBERS if price_volume[key] is not None]
    if not splits:
        return None
    volume = sum((split["volume_effect"] for split in splits), ZERO)
    price = sum((split["price_effect"] for split in splits), ZERO)
    return {"volume_effect": volume, "price_effect": price}


def finance_report(fiscal_year: str) -> dict:
    """The financial figures of fiscal year `fiscal_year` ("2020-2021") for the annual report.

    - "table": revenue, expenses and surplus rows, each with "actual", "budget", "prior_actual"
      (previous year), "next_budget" (next year) and "variance_pct" (actual ÷ budget − 1, in %,
      one decimal; None for the surplus or without a budget); a year with invoices counts its
      service revenue from them, its other revenue from the actual amounts;
    - "revenue_growth_pct": actual revenue ÷ prior-year actual revenue − 1, in %;
    - "member_business_pct": service revenue from members ÷ all service revenue (article 17);
    - "revenue_by_category": for each member category and "non_member", the year's and the prior
      year's service revenue, its growth and its share of all service revenue (see the module's
      note for how an organisation's category is chosen); a share or growth is None when there
      is nothing to divide by;
    - "price_volume": for each category, when both years have invoices, the hours billed each
      year, the average rates (revenue ÷ hours) and the change on the prior year split into
      "volume_effect" and "price_effect" (None for a year without invoices);
    - "other_members_price_volume": the two effects summed over the members other than fully
      managed (None without invoices for both years);
    - "other_members_growth_pct" (members other than fully managed), "auxiliary_growth_pct";
    - "organisations_billed", "organisations_billed_prior" and "diversification" (the
      difference): organisations with service revenue in the year;
    - "fully_managed_members": names of the fully managed members on the year's last day, sorted.
    """
    prior, following = previous_fiscal_year_name(fiscal_year), next_fiscal_year_name(fiscal_year)
    revenue_figures = _revenue_by_category(fiscal_year, prior)
    by_category, billed = revenue_figures["by_category"], revenue_figures["billed"]
    table = _table(fiscal_year, prior, following, revenue_figures["invoiced"])
    revenue = table[0]
    members_current = sum(
        (row["current"] for key, row in by_category.items() if key != NON_MEMBER), ZERO
    )
    services_current = members_current + by_category[NON_MEMBER]["current"]
    others_current = sum((by_category[key]["current"] for key in OTHER_MEMBERS), ZERO)
    others_prior = sum((by_category[key]["prior"] for key in OTHER_MEMBERS), ZERO)
    auxiliary = by_category[MemberCategory.AUXILIARY]
    return {
        "table": table,
        "revenue_growth_pct": change_percent(revenue["actual"], revenue["prior_actual"]),
        "member_business_pct": percentage(members_current, services_current),
        "revenue_by_category": by_category,
        "price_volume": revenue_figures["price_volume"],
        "other_members_price_volume": _others_split(revenue_figures["price_volume"]),
        "other_members_growth_pct": change_percent(others_current, others_prior),
        "auxiliary_growth_pct": change_percent(auxiliary["current"], auxiliary["prior"]),
        "organisations_billed": billed[fiscal_year],
        "organisations_billed_prior": billed[prior],
        "diversification": billed[fiscal_year] - billed[prior],
        "fully_managed_members": fully_managed_members(fiscal_year),
    }
