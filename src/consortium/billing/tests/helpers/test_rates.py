"""Which rate an hour is billed at: the mandate's own, then the most specific rate of the table
valid on the entry's date, in the category of the paying organisation on that date."""

import datetime as dt
from decimal import Decimal

import pytest

from consortium.billing.rates import RateBook
from consortium.members.models import MemberCategory
from consortium.staff.models import Role
from consortium.testing.factories import (
    MandateTypeFactory,
    MembershipFactory,
    OrganisationFactory,
    RateFactory,
)

pytestmark = pytest.mark.django_db
D = Decimal
DAY = dt.date(2020, 6, 1)


def book(*organisations) -> RateBook:
    return RateBook([o.pk for o in organisations], dt.date(2015, 1, 1), dt.date(2025, 1, 1))


def test_the_most_specific_rate_wins_type_and_role_then_type_then_role_then_category():
    member = MembershipFactory(category=MemberCategory.USER).organisation
    support, training = MandateTypeFactory(code="SUP"), MandateTypeFactory(code="FOR")
    RateFactory(hourly_rate=D("90"))
    RateFactory(hourly_rate=D("95"), expert_role=Role.TRAINER)
    RateFactory(hourly_rate=D("100"), mandate_type=support)
    RateFactory(hourly_rate=D("110"), mandate_type=support, expert_role=Role.DIRECTOR)
    rates = book(member)

    def rate(mandate_type, role):
        return rates.hourly_rate(
            payer_id=member.pk, mandate_type_id=mandate_type.pk, role=role, day=DAY
        )

    assert rate(support, Role.DIRECTOR) == D("110")
    assert rate(support, Role.PROFESSIONAL) == D("100")
    assert rate(training, Role.TRAINER) == D("95")
    assert rate(training, Role.PROFESSIONAL) == D("90")


def test_a_mandate_rate_beats_the_table():
    member = MembershipFactory().organisation
    RateFactory(hourly_rate=D("90"))
    rates = book(member)
    assert rates.hourly_rate(
        payer_id=member.pk,
        mandate_type_id=MandateTypeFactory().pk,
        role=Role.PROFESSIONAL,
        day=DAY,
        mandate_rate=D("75.50"),
    ) == D("75.50")


def test_a_rate_change_applies_to_hours_dated_from_its_start():
    member = MembershipFactory().organisation
    RateFactory(hourly_rate=D("90"), valid_until=dt.date(2020, 6, 30))
    RateFactory(hourly_rate=D("95"), valid_from=dt.date(2020, 7, 1))
    rates = book(member)
    kind = MandateTypeFactory().pk
    before = rates.hourly_rate(payer_id=member.pk, mandate_type_id=kind, role="", day=DAY)
    after = rates.hourly_rate(
        payer_id=member.pk, mandate_type_id=kind, role="", day=dt.date(2020, 7, 1)
    )
    assert (before, after) == (D("90"), D("95"))


def test_the_category_is_the_membership_on_the_entry_date_and_a_non_member_pays_its_own_rate():
    organisation = OrganisationFactory()
    MembershipFactory(
        organisation=organisation,
        category=MemberCategory.USER,
        start=dt.date(2019, 1, 1),
        end=dt.date(2020, 3, 31),
    )
    MembershipFactory(
        organisation=organisation, category=MemberCategory.AUXILIARY, start=dt.date(2020, 4, 1)
    )
    RateFactory(member_category=MemberCategory.USER, hourly_rate=D("90"))
    RateFactory(member_category=MemberCategory.AUXILIARY, hourly_rate=D("105"))
    RateFactory(member_category="non_member", hourly_rate=D("140"))
    rates = book(organisation)
    kind = MandateTypeFactory().pk

    def on(day):
        return rates.hourly_rate(payer_id=organisation.pk, mandate_type_id=kind, role="", day=day)

    assert on(dt.date(2020, 3, 31)) == D("90")
    assert on(dt.date(2020, 4, 1)) == D("105")
    assert on(dt.date(2018, 12, 31)) == D("140")


def test_without_any_rate_the_hour_has_no_price():
    member = MembershipFactory().organisation
    rates = book(member)
    assert (
        rates.hourly_rate(
            payer_id=member.pk, mandate_type_id=MandateTypeFactory().pk, role="", day=DAY
        )
        is None
    )
