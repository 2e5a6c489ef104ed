import datetime as dt
from decimal import Decimal

import pytest

from consortium.core.fiscal_years import Period
from consortium.kpis.selectors import ledger_hours
from consortium.members.models import MemberCategory
from consortium.testing.factories import (
    DepartmentFactory,
    ExpertFactory,
    MandateFactory,
    MandateTypeFactory,
    MembershipFactory,
    OrganisationFactory,
    TimeEntryFactory,
)

pytestmark = pytest.mark.django_db

FISCAL_2020_2021 = Period(dt.date(2020, 4, 1), dt.date(2021, 3, 31), "2020-2021")
CALENDAR_2020 = Period(dt.date(2020, 1, 1), dt.date(2020, 12, 31))


@pytest.fixture
def ledger():
    """Four organisations, each with one mandate, and entries on and around the year's edges.

    A: user member throughout. B: fully managed until 2020-09-30, then user from 2020-10-01.
    C: auxiliary member only from 2020-12-01 to 2021-01-31. D: support member until 2021-03-31.
    E: a mandate whose hours are all before the year.
    """
    accounting = DepartmentFactory(code="ACC", name_fr="Comptabilité", name_en="Accounting")
    people = DepartmentFactory(code="RH", name_fr="Ressources humaines", name_en="HR")
    delegated = MandateTypeFactory(code="GD", name_fr="Gestion déléguée")
    training = MandateTypeFactory(code="FORM", name_fr="Formation")
    # The expert's own department must not matter: hours go to the mandate's department.
    expert = ExpertFactory(department=DepartmentFactory(code="DIR"))

    a, b, c, d, e = OrganisationFactory.create_batch(5)
    MembershipFactory(organisation=a, category=MemberCategory.USER, start=dt.date(2015, 1, 1))
    MembershipFactory(
        organisation=b,
        category=MemberCategory.FULLY_MANAGED,
        start=dt.date(2015, 1, 1),
        end=dt.date(2020, 9, 30),
    )
    MembershipFactory(organisation=b, category=MemberCategory.USER, start=dt.date(2020, 10, 1))
    MembershipFactory(
        organisation=c,
        category=MemberCategory.AUXILIARY,
        start=dt.date(2020, 12, 1),
        end=dt.date(2021, 1, 31),
    )
    MembershipFactory(
        organisation=d,
        category=MemberCategory.SUPPORT,
        start=dt.date(2018, 1, 1),
        end=dt.date(2021, 3, 31),
    )

    def mandate(organisation, department, mandate_type, hours_by_day):
        owned = MandateFactory(
            organisation=organisation, department=department, mandate_type=mandate_type
        )
        for day, hours in hours_by_day.items():
            TimeEntryFactory(expert=expert, mandate=owned, date=day, hours=Decimal(hours))

    mandate(
        a,
        accounting,
        delegated,
        {
            dt.date(2020, 3, 31): "5",  # the eve of the year
            dt.date(2020, 4, 1): "2.5",  # its first day
            dt.date(2021, 3, 31): "1.25",  # its last day
            dt.date(2021, 4, 1): "4",  # the next year's first day
        },
    )
    mandate(b, people, training, {dt.date(2020, 9, 30): "3", dt.date(2020, 10, 1): "4"})
    mandate(
        c,
        accounting,
        training,
        {
            dt.date(2020, 11, 30): "1",
            dt.date(2020, 12, 1): "2",
            dt.date(2021, 1, 31): "3",
            dt.date(2021, 2, 1): "0.5",
        },
    )
    mandate(d, people, delegated, {dt.date(2021, 3, 31): "6"})
    mandate(e, people, delegated, {dt.date(2019, 6, 3): "8"})


def test_it_sums_the_hours_dated_in_the_year_edges_included(ledger):
    # 2.5 + 1.25 (A) + 3 + 4 (B) + 1 + 2 + 3 + 0.5 (C) + 6 (D); not A's eve nor its morrow.
    assert ledger_hours(FISCAL_2020_2021).service_hours == Decimal("23.25")


def test_it_gives_hours_with_two_decimal_places(ledger):
    figures = ledger_hours(FISCAL_2020_2021)

    assert str(figures.service_hours) == "23.25"
    assert str(figures.hours_by_department["RH"]) == "13.00"


def test_it_groups_hours_by_the_department_of_the_mandate(ledger):
    assert ledger_hours(FISCAL_2020_2021).hours_by_department == {
        "ACC": Decimal("10.25"),  # A 3.75 + C 6.5
        "RH": Decimal("13.00"),  # B 7 + D 6
    }


def test_it_groups_hours_by_mandate_type(ledger):
    assert ledger_hours(FISCAL_2020_2021).hours_by_mandate_type == {
        "FORM": Decimal("13.50"),  # B 7 + C 6.5
        "GD": Decimal("9.75"),  # A 3.75 + D 6
    }


def test_it_files_hours_under_the_category_the_organisation_had_on_the_entry_date(ledger):
    assert ledger_hours(FISCAL_2020_2021).hours_by_member_category == {
        "fully_managed": Decimal("3.00"),  # B on 2020-09-30, its last fully managed day
        "user": Decimal("7.75"),  # A 3.75 + B 4 from 2020-10-01
        "auxiliary": Decimal("5.00"),  # C on its first and last days
        "support": Decimal("6.00"),  # D on the day its membership ends
        "non_member": Decimal("1.50"),  # C the day before joining and the day after leaving
    }


def test_it_counts_the_organisations_owning_a_mandate_with_hours_in_the_period(ledger):
    # A, B, C and D; E's hours are all in 2019.
    assert ledger_hours(FISCAL_2020_2021).enterprises_served == 4


def test_it_computes_any_period_such_as_a_calendar_year(ledger):
    figures = ledger_hours(CALENDAR_2020)

    # A 5 + 2.5, B 3 + 4, C 1 + 2: A's 2021 hours and C's and D's later ones fall outside.
    assert figures.service_hours == Decimal("17.50")
    assert figures.hours_by_member_category["non_member"] == Decimal("1.00")
    assert figures.enterprises_served == 3


def test_it_reports_every_member_category_even_without_hours():
    figures = ledger_hours(FISCAL_2020_2021)

    assert figures.hours_by_member_category == {
        "fully_managed": Decimal("0.00"),
        "user": Decimal("0.00"),
        "auxiliary": Decimal("0.00"),
        "support": Decimal("0.00"),
        "non_member": Decimal("0.00"),
    }
    assert figures.service_hours == Decimal("0.00")
    assert figures.hours_by_department == {}
    assert figures.enterprises_served == 0


@pytest.mark.parametrize("period", [FISCAL_2020_2021, CALENDAR_2020])
def test_the_hours_rollup_gives_the_same_figures_as_the_entries(ledger, period):
    from_rollup = ledger_hours(period, from_rollup=True)
    assert from_rollup == ledger_hours(period)
    assert from_rollup.hours_by_member_category[MemberCategory.USER] > 0
