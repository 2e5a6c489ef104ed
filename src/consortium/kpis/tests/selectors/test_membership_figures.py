import datetime as dt
from decimal import Decimal

import pytest

from consortium.core.fiscal_years import Period
from consortium.kpis.selectors import membership_figures
from consortium.members.models import MemberCategory
from consortium.testing.factories import MembershipFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

FISCAL_2020_2021 = Period(dt.date(2020, 4, 1), dt.date(2021, 3, 31), "2020-2021")
FULLY_MANAGED, USER = MemberCategory.FULLY_MANAGED, MemberCategory.USER


def member(start: dt.date, end: dt.date | None = None, organisation=None, category=USER):
    organisation = organisation or OrganisationFactory()
    MembershipFactory(organisation=organisation, category=category, start=start, end=end)
    return organisation


def d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


@pytest.fixture
def memberships():
    # Member throughout.
    member(d("2015-01-01"))
    # Changes category during the year: the same organisation, still a member.
    changing = member(d("2015-01-01"), d("2020-09-30"), category=FULLY_MANAGED)
    member(d("2020-10-01"), organisation=changing)
    # Changes category on the year's first day.
    changing_on_first_day = member(d("2015-01-01"), d("2020-03-31"), category=FULLY_MANAGED)
    member(d("2020-04-01"), organisation=changing_on_first_day)
    # Joins during the year.
    member(d("2020-06-15"))
    # Joins on the year's first day.
    member(d("2020-04-01"))
    # Leaves on the year's last day: still a member at the end.
    member(d("2018-01-01"), d("2021-03-31"))
    # Leaves during the year.
    member(d("2018-01-01"), d("2020-12-31"))
    # Joins and leaves within the year.
    member(d("2020-05-01"), d("2020-08-31"))
    # Left on the eve of the year, joins after it: neither counts.
    member(d("2016-01-01"), d("2020-03-31"))
    member(d("2021-04-01"))
    # Never a member.
    OrganisationFactory()


def test_it_counts_the_organisations_that_were_members_when_the_year_began(memberships):
    # Throughout, both changes of category, leaving on the last day, leaving during the year.
    assert membership_figures(FISCAL_2020_2021).members_at_start == 5


def test_it_counts_the_organisations_that_are_members_on_the_last_day(memberships):
    # Throughout, both changes of category, both joiners, leaving on the last day.
    assert membership_figures(FISCAL_2020_2021).members_at_end == 6


def test_a_change_of_category_is_not_a_new_member(memberships):
    # Joined on 2020-06-15, on the first day, and for the summer only.
    assert membership_figures(FISCAL_2020_2021).new_members == 3


def test_departed_members_left_during_the_year_not_on_its_last_day(memberships):
    # Left on 2020-12-31, and the summer member: 5 at start + 3 new − 6 at end.
    assert membership_figures(FISCAL_2020_2021).departed_members == 2


def test_growth_is_the_change_in_members_over_the_members_at_the_start(memberships):
    # (6 − 5) ÷ 5 × 100
    assert membership_figures(FISCAL_2020_2021).membership_growth_pct == Decimal("20.0")


def test_growth_has_one_decimal():
    for _ in range(3):
        member(d("2015-01-01"))
    member(d("2020-06-01"))
    member(d("2020-07-01"))

    # (5 − 3) ÷ 3 × 100 = 66.66…
    assert membership_figures(FISCAL_2020_2021).membership_growth_pct == Decimal("66.7")


def test_growth_is_none_without_members_at_the_start():
    member(d("2020-06-15"))

    figures = membership_figures(FISCAL_2020_2021)

    assert figures.members_at_start == 0
    assert figures.new_members == 1
    assert figures.membership_growth_pct is None
