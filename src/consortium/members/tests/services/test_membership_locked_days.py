"""The days of a locked period keep their memberships: whom the centre counted as a member, and
in which category, never moves in a closed period."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from consortium.members.models import MemberCategory, Membership
from consortium.members.services import (
    membership_create,
    membership_end,
    membership_record,
    membership_update,
)
from consortium.testing.factories import (
    FiscalYearLockFactory,
    MembershipFactory,
    OrganisationFactory,
)

pytestmark = pytest.mark.django_db

REFUSAL = (
    "2020-2021 est verrouillé : les adhésions de ses jours ne peuvent plus changer (dates, "
    "catégorie ou organisation)."
)


@pytest.fixture
def membership():
    membership = MembershipFactory(start=dt.date(2015, 1, 1), end=None)
    FiscalYearLockFactory(fiscal_year__name="2020-2021")  # 2020-04-01 .. 2021-03-31
    return membership


def _update(membership, **changes) -> None:
    fields = {
        "organisation": membership.organisation,
        "category": membership.category,
        "start": membership.start,
        "end": membership.end,
    }
    membership_update(membership=membership, **(fields | changes))


@pytest.mark.parametrize(
    ("field", "changes"),
    [
        ("category", {"category": MemberCategory.AUXILIARY}),
        ("start", {"start": dt.date(2020, 6, 1)}),
        ("end", {"end": dt.date(2020, 12, 31)}),
    ],
)
def test_it_refuses_a_change_on_the_days_of_a_locked_year(membership, field, changes):
    with pytest.raises(ValidationError) as refused:
        _update(membership, **changes)
    assert refused.value.message_dict == {field: [REFUSAL]}
    stored = Membership.objects.get()
    assert (stored.category, stored.start, stored.end) == (
        MemberCategory.USER,
        dt.date(2015, 1, 1),
        None,
    )


def test_it_refuses_moving_a_membership_to_another_organisation(membership):
    with pytest.raises(ValidationError):
        _update(membership, organisation=OrganisationFactory())


def test_days_outside_the_lock_still_change(membership):
    _update(membership, start=dt.date(2016, 1, 1))
    membership_end(membership=membership, end=dt.date(2021, 12, 31))
    membership.refresh_from_db()
    assert (membership.start, membership.end) == (dt.date(2016, 1, 1), dt.date(2021, 12, 31))
    with pytest.raises(ValidationError, match="2020-2021 est verrouillé"):
        membership_end(membership=membership, end=dt.date(2021, 1, 31))


def test_a_new_membership_may_not_reach_into_a_locked_year():
    FiscalYearLockFactory(fiscal_year__name="2020-2021")
    organisation = OrganisationFactory()
    with pytest.raises(ValidationError) as refused:
        membership_create(
            organisation=organisation, category=MemberCategory.USER, start=dt.date(2021, 1, 1)
        )
    assert refused.value.message_dict == {"start": [REFUSAL]}
    with pytest.raises(ValidationError):
        membership_record(
            organisation=organisation,
            category=MemberCategory.USER,
            start=dt.date(2019, 1, 1),
            end=dt.date(2020, 4, 1),
        )
    membership_record(
        organisation=organisation, category=MemberCategory.USER, start=dt.date(2021, 4, 1)
    )
    assert Membership.objects.count() == 1
