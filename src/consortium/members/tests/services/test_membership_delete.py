"""Deleting a membership with a day in a locked period would change that period's member counts:
refused, naming the period."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from consortium.members.models import Membership
from consortium.members.services import membership_delete
from consortium.testing.factories import (
    FiscalYearLockFactory,
    MembershipFactory,
    PeriodLockFactory,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("start", "end"),
    [
        (dt.date(2015, 1, 1), None),  # open: runs through the locked year
        (dt.date(2019, 1, 1), dt.date(2020, 4, 1)),  # its last day is the year's first
        (dt.date(2021, 3, 31), None),  # its first day is the year's last
    ],
)
def test_a_membership_with_a_day_in_a_locked_year_is_not_deleted(start, end):
    membership = MembershipFactory(start=start, end=end)
    FiscalYearLockFactory(fiscal_year__name="2020-2021")
    with pytest.raises(ValidationError) as refused:
        membership_delete(membership=membership)
    assert refused.value.messages == [
        f"2020-2021 est verrouillé : l'adhésion du {start.isoformat()} y compte des jours et ne "
        "peut plus être supprimée."
    ]
    assert Membership.objects.filter(pk=membership.pk).exists()


def test_a_locked_month_names_the_month():
    membership = MembershipFactory(start=dt.date(2020, 6, 30), end=dt.date(2020, 7, 31))
    PeriodLockFactory()  # June 2020
    with pytest.raises(ValidationError) as refused:
        membership_delete(membership=membership)
    assert refused.value.messages[0].startswith("2020-06 est verrouillé : l'adhésion du 2020-06-30")
    assert Membership.objects.exists()


def test_a_membership_outside_every_locked_period_is_deleted():
    FiscalYearLockFactory(fiscal_year__name="2020-2021")
    before = MembershipFactory(start=dt.date(2015, 1, 1), end=dt.date(2020, 3, 31))
    after = MembershipFactory(organisation=before.organisation, start=dt.date(2021, 4, 1))
    membership_delete(membership=before)
    membership_delete(membership=after)
    assert not Membership.objects.exists()
