"""The demo's finance, read through the report's selector (on the shared demo)."""

from decimal import ROUND_HALF_UP, Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db.models import Q

from consortium.billing.models import Invoice
from consortium.core.fiscal_years import fiscal_year_period
from consortium.demo.generator.records import (
    communications,
    development,
    finance,
    governance,
    projects,
    report_texts,
    surveys,
    training,
)
from consortium.finance.models import Account, ActualAmount
from consortium.finance.selectors import finance_report
from consortium.finance.services import actual_amount_record
from consortium.members.models import Membership
from consortium.timesheets.models import TimeEntry

pytestmark = pytest.mark.django_db

AREAS = (
    communications,
    development,
    finance,
    governance,
    projects,
    report_texts,
    surveys,
    training,
)
FULLY_MANAGED_IN_THE_REPORT = [
    "Fédération des coopératives de services à domicile et de santé du Québec",
    "Fédération des coopératives des paramédics du Québec",
    "Fédération québécoise des coopératives de santé",
    "La mutuelle de prévention des EÉSAD",
    "Réseau de coopération des EÉSAD",
]


@pytest.fixture(scope="module")
def report(demo, django_db_blocker):
    with django_db_blocker.unblock():
        return finance_report("2020-2021")


def whole_percent(value: Decimal) -> Decimal:
    return value.quantize(Decimal("1"), ROUND_HALF_UP)


def column(report: dict, name: str) -> list[Decimal]:
    return [row[name] for row in report["table"]]


def test_the_table_carries_the_report_amounts(report):
    assert column(report, "actual")[:2] == [Decimal("4571674"), Decimal("4023699")]
    assert column(report, "budget") == [Decimal("3951782"), Decimal("3878238"), Decimal("73544")]
    assert column(report, "prior_actual") == [
        Decimal("4475852"),
        Decimal("4405109"),
        Decimal("70743"),
    ]
    assert column(report, "next_budget") == [
        Decimal("4598552"),
        Decimal("4550351"),
        Decimal("48201"),
    ]


def test_the_surplus_is_revenue_less_expenses(report):
    # The seed prints 548 175 $, 200 $ more than its own revenue less its expenses: the
    # platform computes, it does not copy (seed-figures.md).
    assert column(report, "actual")[2] == Decimal("547975")


def test_the_variances_round_to_the_report_percents(report):
    revenue, expenses, surplus = column(report, "variance_pct")
    assert (revenue, expenses, surplus) == (Decimal("15.7"), Decimal("3.8"), None)
    assert (whole_percent(revenue), whole_percent(expenses)) == (16, 4)


def test_revenue_grows_two_percent(report):
    assert whole_percent(report["revenue_growth_pct"]) == 2


def test_all_service_revenue_comes_from_members(report):
    assert report["member_business_pct"] == Decimal("100.0")
    assert report["revenue_by_category"]["non_member"]["current"] == 0


def test_other_members_and_auxiliary_members_grow_as_the_report_says(report):
    assert report["other_members_growth_pct"] == Decimal("5.7")
    assert report["auxiliary_growth_pct"] == Decimal("23.7")


def test_the_fully_managed_share_falls(report):
    managed = report["revenue_by_category"]["fully_managed"]
    assert managed["share_pct"] < managed["prior_share_pct"]


def test_fifty_more_organisations_are_billed_than_the_year_before(report):
    assert report["organisations_billed"] - report["organisations_billed_prior"] == 50
    assert report["diversification"] == 50


def test_the_fully_managed_members_are_the_five_of_the_report(report):
    assert report["fully_managed_members"] == FULLY_MANAGED_IN_THE_REPORT


def test_the_chart_has_service_pandemic_and_expense_accounts(demo):
    counts = demo
    revenue = Account.objects.filter(kind="revenue")
    assert revenue.filter(is_service_revenue=True).count() == 2
    assert revenue.filter(name_fr__icontains="COVID").exists()
    assert revenue.filter(is_service_revenue=False).count() == 4
    assert Account.objects.filter(kind="expense").count() == 7
    assert counts["accounts"] == 13


@pytest.mark.parametrize("name", ["2019-2020", "2020-2021"])
def test_every_organisation_billed_was_a_member_that_year(demo, name):
    period = fiscal_year_period(name)
    billed = Invoice.objects.filter(fiscal_year__name=name, subtotal__gt=0)
    members = Membership.objects.filter(start__lte=period.end).filter(
        Q(end__isnull=True) | Q(end__gte=period.start)
    )
    assert billed.exists()
    assert not billed.exclude(organisation__in=members.values("organisation")).exists()


@pytest.mark.parametrize("name", ["2019-2020", "2020-2021"])
def test_the_service_revenue_of_the_report_years_comes_from_invoices_alone(demo, name):
    assert not ActualAmount.objects.filter(
        fiscal_year__name=name, account__is_service_revenue=True
    ).exists()
    assert not TimeEntry.objects.filter(
        date__range=(fiscal_year_period(name).start, fiscal_year_period(name).end),
        invoice_entries__isnull=True,
    ).exists()


def test_volume_weighs_more_than_pricing_in_the_other_members_growth(report):
    split = report["other_members_price_volume"]
    assert split["volume_effect"] > abs(split["price_effect"])


def test_the_locked_year_2019_2020_keeps_its_amounts(demo):
    actual = ActualAmount.objects.filter(fiscal_year__name="2019-2020").first()
    assert actual is not None
    with pytest.raises(ValidationError, match="verrouillé"):
        actual_amount_record(
            account=actual.account,
            fiscal_year=actual.fiscal_year,
            organisation=actual.organisation,
            amount=actual.amount + 1,
        )
