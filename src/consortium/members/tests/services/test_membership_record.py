import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from consortium.members.models import MemberCategory, Membership
from consortium.members.services import membership_record
from consortium.testing.factories import MembershipFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def test_it_records_a_membership_from_its_first_to_its_last_day():
    organisation = OrganisationFactory()
    _membership, created = membership_record(
        organisation=organisation,
        category=MemberCategory.AUXILIARY,
        start=dt.date(2020, 4, 1),
        end=dt.date(2021, 3, 31),
    )
    assert created
    assert list(organisation.memberships.values_list("category", "start", "end")) == [
        ("auxiliary", dt.date(2020, 4, 1), dt.date(2021, 3, 31))
    ]


def test_the_same_first_day_again_updates_that_membership():
    existing = MembershipFactory(start=dt.date(2018, 1, 1), category=MemberCategory.USER)
    membership, created = membership_record(
        organisation=existing.organisation,
        category=MemberCategory.FULLY_MANAGED,
        start=dt.date(2018, 1, 1),
        end=dt.date(2020, 6, 30),
    )
    assert not created
    assert membership.pk == existing.pk
    assert Membership.objects.get().end == dt.date(2020, 6, 30)
    assert Membership.objects.get().category == "fully_managed"


def test_it_refuses_a_membership_that_overlaps_another():
    existing = MembershipFactory(start=dt.date(2018, 1, 1), end=None)
    with pytest.raises(ValidationError) as caught:
        membership_record(
            organisation=existing.organisation,
            category=MemberCategory.USER,
            start=dt.date(2020, 1, 1),
        )
    assert caught.value.messages == [
        "Cette adhésion chevauche celle du 2018-01-01 (membre utilisateur)."
    ]
    assert Membership.objects.count() == 1


def test_a_membership_may_follow_another_from_the_day_after_it_ends():
    existing = MembershipFactory(start=dt.date(2018, 1, 1), end=dt.date(2020, 6, 30))
    _membership, created = membership_record(
        organisation=existing.organisation,
        category=MemberCategory.AUXILIARY,
        start=dt.date(2020, 7, 1),
    )
    assert created
    assert Membership.objects.count() == 2


def test_it_refuses_a_membership_that_ends_before_it_starts():
    with pytest.raises(ValidationError) as caught:
        membership_record(
            organisation=OrganisationFactory(),
            category=MemberCategory.USER,
            start=dt.date(2020, 1, 1),
            end=dt.date(2019, 1, 1),
        )
    assert caught.value.messages == ["Une adhésion ne peut finir avant de commencer."]
