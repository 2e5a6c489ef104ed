import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from consortium.members.services import membership_end
from consortium.testing.factories import MembershipFactory

pytestmark = pytest.mark.django_db


def test_it_ends_a_membership_on_its_last_day():
    membership = MembershipFactory(start=dt.date(2015, 1, 1), end=None)
    membership_end(membership=membership, end=dt.date(2020, 12, 31))
    membership.refresh_from_db()
    assert membership.end == dt.date(2020, 12, 31)


def test_it_refuses_a_last_day_before_the_first():
    membership = MembershipFactory(start=dt.date(2015, 1, 1), end=None)
    with pytest.raises(ValidationError):
        membership_end(membership=membership, end=dt.date(2014, 12, 31))
    membership.refresh_from_db()
    assert membership.end is None
