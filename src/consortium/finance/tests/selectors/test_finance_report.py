"""finance_report: the financial section of the annual report, from accounts and amounts."""

import datetime as dt
from decimal import Decimal

import pytest

from consortium.finance.selectors import finance_report
from consortium.members.models import MemberCategory, Membership
from consortium.testing.factories import (
    AccountFactory,
    ActualAmountFactory,
    BudgetFactory,
    FiscalYearFactory,
    MembershipFactory,
    OrganisationFactory,
    issued_document,
)

pytestmark = pytest.mark.django_db

QUERIES = 6


@pytest.fixture
def years():
    return {name: FiscalYearFactory(name=name) for name in ("2019-2020", "2020-2021", "2021-2022")}


@pytest.fixture
def service():
    return AccountFactory(code="4100", service_revenue=True)


def member(category: str, start=dt.date(2015, 1, 1), end=None, name=None):
    organisation = OrganisationFactory(**({"name": name} if name else {}))
    MembershipFactory(organisation=organisation, category=category, start=start, end=end)
    return organisation


def bill(service, year, organisation, amount):
    ActualAmountFactory(
        account=service, fiscal_year=year, organisation=organisation, amount=Decimal(amount)
    )


def test_the_table_gives_actual_budget_prior_and_next_with_variances(years, service):
    expense, other = AccountFactory(code="5100"), AccountFactory(code="4300", revenue=True)
    organisation = member(MemberCategory.USER)
    bill(service, years["2020-2021"], organisation, "1000")
    ActualAmountFactory(account=other, fiscal_year=years["2020-2021"], amount=Decimal("160"))
    ActualAmountFactory(account=expense, fiscal_year=years["2020-2021"], amount=Decimal("1040"))
    bill(service, years["2019-2020"], organisation, "1137.25")
    ActualAmountFactory(account=expense, fiscal_year=years["2019-2020"], amount=Decimal("1100"))
    BudgetFactory(account=service, fiscal_year=years["2020-2021"], amount=Decimal("1000"))
    BudgetFactory(account=expense, fiscal_year=years["2020-2021"], amount=Decimal("1000"))
    BudgetFactory(account=service, fiscal_year=years["2021-2022"], amount=Decimal("1300"))
    BudgetFactory(account=expense, fiscal_year=years["2021-2022"], amount=Decimal("1250"))

    report = finance_report("2020-2021")

    revenue, expenses, surplus = report["table"]
    assert [row["key"] for row in report["table"]] == ["revenue", "expenses", "surplus"]
    assert [row["label"] for row in report["table"]] == [
        "Produits",
        "Frais d'exploitation",
        "Excédent de l'exercice",
    ]
    assert revenue | {"label": ""} == {
        "key": "revenue",
        "label": "",
        "actual": Decimal("1160"),
        "budget": Decimal("1000"),
        "prior_actual": Decimal("1137.25"),
        "next_budget": Decimal("1300"),
        "variance_pct": Decimal("16.0"),
    }
    assert (expenses["actual"], expenses["variance_pct"]) == (Decimal("1040"), Decimal("4.0"))
    assert [surplus[c] for c in ("actual", "budget", "prior_actual", "next_budget")] == [
        Decimal("120"),
        Decimal("0"),
        Decimal("37.25"),
        Decimal("50"),
    ]
    assert surplus["variance_pct"] is None
    assert report["revenue_growth_pct"] == Decimal("2.0")


def test_a_year_without_budget_has_no_variance_and_zero_amounts(years):
    report = finance_report("2020-2021")
    assert report["table"][0]["budget"] == Decimal("0")
    assert report["table"][0]["variance_pct"] is None
    assert report["revenue_growth_pct"] is None
    assert report["member_business_pct"] is None


def test_revenue_is_grouped_by_the_category_held_at_the_end_of_the_year(years, service):
    year, prior = years["2020-2021"], years["2019-2020"]
    managed = member(MemberCategory.FULLY_MANAGED, name="Zénith")
    user = member(MemberCategory.USER)
    left = member(MemberCategory.USER, end=dt.date(2020, 12, 31))
    became_auxiliary = member(MemberCategory.USER, end=dt.date(2020, 9, 30))
    MembershipFactory(
        organisation=became_auxiliary, category=MemberCategory.AUXILIARY, start=dt.date(2020, 10, 1)
    )
    stranger = OrganisationFactory()
    for organisation, amount in [(managed, 600), (user, 200), (left, 50), (became_auxiliary, 50)]:
        bill(service, year, organisation, amount)
    bill(service, year, stranger, 100)
    for organisation, amount in [(managed, 700), (user, 150), (became_auxiliary, 40)]:
        bill(service, prior, organisation, amount)

    report = finance_report("2020-2021")

    by_category = report["revenue_by_category"]
    assert list(by_category) == ["fully_managed", "user", "auxiliary", "support", "non_member"]
    assert by_category["user"] == {
        "current": Decimal("250"),
        "prior": Decimal("190"),
        "growth_pct": Decimal("31.6"),
        "share_pct": Decimal("25.0"),
        "prior_share_pct": Decimal("21.3"),
    }
    assert by_category["auxiliary"]["current"] == Decimal("50")
    assert by_category["auxiliary"]["prior"] == Decimal("0")
    assert by_category["auxiliary"]["growth_pct"] is None
    assert by_category["non_member"]["current"] == Decimal("100")
    assert by_category["fully_managed"]["share_pct"] == Decimal("60.0")
    assert by_category["fully_managed"]["prior_share_pct"] == Decimal("78.7")
    assert report["member_business_pct"] == Decimal("90.0")
    assert report["other_members_growth_pct"] == Decimal("57.9")
    assert report["auxiliary_growth_pct"] is None
    assert (report["organisations_billed"], report["organisations_billed_prior"]) == (5, 3)
    assert report["diversification"] == 2


def test_an_organisation_billed_on_two_accounts_is_counted_once(years, service):
    training = AccountFactory(code="4150", service_revenue=True)
    organisation = member(MemberCategory.USER)
    bill(service, years["2020-2021"], organisation, 100)
    bill(training, years["2020-2021"], organisation, 30)
    report = finance_report("2020-2021")
    assert report["organisations_billed"] == 1
    assert report["revenue_by_category"]["user"]["current"] == Decimal("130")


def test_the_fully_managed_members_are_those_of_the_last_day_sorted_by_name(years):
    Membership.objects.all().delete()  # the demo's, when the demo tests left theirs
    member(MemberCategory.FULLY_MANAGED, name="Réseau de coopération des EÉSAD")
    member(MemberCategory.FULLY_MANAGED, name="Fédération québécoise des coopératives de santé")
    member(MemberCategory.FULLY_MANAGED, name="Partie", end=dt.date(2021, 3, 30))
    member(MemberCategory.FULLY_MANAGED, name="Trop tard", start=dt.date(2021, 4, 1))
    member(MemberCategory.USER, name="Utilisatrice")
    assert finance_report("2020-2021")["fully_managed_members"] == [
        "Fédération québécoise des coopératives de santé",
        "Réseau de coopération des EÉSAD",
    ]


def test_the_report_runs_the_same_queries_whatever_the_data(
    years, service, django_assert_num_queries
):
    expense = AccountFactory(code="5100")
    with django_assert_num_queries(QUERIES):
        finance_report("2020-2021")
    for index in range(12):
        organisation = member(MemberCategory.USER if index % 2 else MemberCategory.AUXILIARY)
        for year in years.values():
            bill(service, year, organisation, 100 + index)
            BudgetFactory(account=AccountFactory(), fiscal_year=year)
    ActualAmountFactory(account=expense, fiscal_year=years["2020-2021"])
    with django_assert_num_queries(QUERIES):
        report = finance_report("2020-2021")
    assert report["organisations_billed"] == 12
    for _index in range(6):
        organisation = member(MemberCategory.USER)
        for year in years.values():
            issued_document(
                organisation, year, [("hours", "10", "1000"), ("fixed_fee", None, "50")]
            )
    with django_assert_num_queries(QUERIES):
        report = finance_report("2020-2021")
    assert report["organisations_billed"] == 6


def test_a_malformed_fiscal_year_is_refused():
    with pytest.raises(ValueError, match="AAAA-AAAA"):
        finance_report("2020")
