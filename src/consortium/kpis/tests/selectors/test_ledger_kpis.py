import datetime as dt
from decimal import Decimal

import pytest

from consortium.core.fiscal_years import Period, fiscal_year_period
from consortium.kpis.selectors import ledger_kpis
from consortium.members.models import MemberCategory
from consortium.testing.factories import (
    ExpertFactory,
    MandateFactory,
    MembershipFactory,
    OrganisationFactory,
    TimeEntryFactory,
)

pytestmark = pytest.mark.django_db

FIGURES = [
    "service_hours",
    "hours_by_department",
    "hours_by_mandate_type",
    "hours_by_member_category",
    "enterprises_served",
    "enterprises_reached",
    "members_at_start",
    "members_at_end",
    "new_members",
    "departed_members",
    "membership_growth_pct",
    "headcount",
    "gender_pct",
    "average_age",
]


def add_centre(size: int) -> None:
    """`size` federations, each with an enterprise member, a mandate and entries over two years;
    and `size` experts."""
    for n in range(size):
        federation = OrganisationFactory()
        enterprise = OrganisationFactory(federation=federation)
        MembershipFactory(organisation=enterprise, category=MemberCategory.USER)
        MembershipFactory(
            organisation=federation,
            category=MemberCategory.SUPPORT,
            start=dt.date(2020, 5, 1),
            end=dt.date(2020, 12, 31),
        )
        expert = ExpertFactory(gender="woman" if n % 2 else "man", birth_year=1970 + n)
        mandate = MandateFactory(organisation=federation if n % 2 else enterprise)
        for month in range(1, 13):
            TimeEntryFactory(expert=expert, mandate=mandate, date=dt.date(2020, month, 15))
            TimeEntryFactory(expert=expert, mandate=mandate, date=dt.date(2021, month, 15))


def test_it_gives_every_figure_under_its_name_in_the_reports_order():
    assert list(ledger_kpis(fiscal_year_period("2020-2021")).as_dict()) == FIGURES


def test_an_empty_period_gives_zeros_and_nothing_to_divide():
    add_centre(2)

    figures = ledger_kpis(Period(dt.date(2030, 1, 1), dt.date(2030, 1, 31)))

    assert figures.service_hours == Decimal("0.00")
    assert figures.hours_by_department == {}
    assert figures.hours_by_mandate_type == {}
    assert set(figures.hours_by_member_category.values()) == {Decimal("0.00")}
    assert figures.enterprises_served == figures.enterprises_reached == 0
    # The enterprises are still members in 2030, and the experts still employed.
    assert figures.members_at_start == figures.members_at_end == 2
    assert figures.new_members == figures.departed_members == 0
    assert figures.membership_growth_pct == Decimal("0.0")
    assert figures.headcount["professional"] == 2


def test_the_figures_of_a_fiscal_year_fit_together():
    add_centre(4)

    figures = ledger_kpis(fiscal_year_period("2020-2021"))

    # 4 mandates × 12 entries of 7 h (April 2020 to March 2021).
    assert figures.service_hours == Decimal("336.00")
    assert sum(figures.hours_by_department.values()) == figures.service_hours
    assert sum(figures.hours_by_mandate_type.values()) == figures.service_hours
    assert sum(figures.hours_by_member_category.values()) == figures.service_hours
    # Two federations served (each reaching its enterprise), two enterprises served directly.
    assert figures.enterprises_served == 4
    assert figures.enterprises_reached == 6
    # The federations' support memberships begin and end inside the year.
    assert figures.new_members == figures.departed_members == 4
    assert figures.gender_pct == {
        "woman": Decimal("50.0"),
        "man": Decimal("50.0"),
        "other": Decimal("0.0"),
    }
    # 2021 − (1970, 1971, 1972, 1973) → 51, 50, 49, 48
    assert figures.average_age == Decimal("49.5")


def test_its_number_of_queries_does_not_grow_with_the_data(django_assert_num_queries):
    period = fiscal_year_period("2020-2021")
    add_centre(2)
    with django_assert_num_queries(4):
        small = ledger_kpis(period)

    add_centre(20)
    with django_assert_num_queries(4):
        large = ledger_kpis(period)

    assert large.service_hours == 11 * small.service_hours
