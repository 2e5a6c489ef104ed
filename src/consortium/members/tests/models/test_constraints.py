import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from consortium.members.models import MemberCategory, Membership, Organisation
from consortium.testing.factories import MembershipFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("neq", ["123", "12345678901", "12345abcde"])
def test_a_neq_has_exactly_ten_digits(neq):
    organisation = OrganisationFactory.build(neq=neq)
    with pytest.raises(ValidationError) as caught:
        organisation.full_clean()
    assert "10 chiffres" in str(caught.value)


def test_the_database_refuses_a_bad_neq_even_without_validation():
    with pytest.raises(IntegrityError), transaction.atomic():
        Organisation.objects.create(code="X", name="X", neq="123")


def test_the_database_refuses_a_region_outside_quebec():
    with pytest.raises(IntegrityError), transaction.atomic():
        Organisation.objects.create(code="X", name="X", region="18")


def test_federations_may_nest_to_any_depth():
    top = OrganisationFactory()
    middle = OrganisationFactory(federation=top)
    bottom = OrganisationFactory(federation=middle)
    bottom.full_clean()


def test_a_federation_cycle_is_refused():
    top = OrganisationFactory()
    middle = OrganisationFactory(federation=top)
    bottom = OrganisationFactory(federation=middle)
    top.federation = bottom
    with pytest.raises(ValidationError) as caught:
        top.full_clean()
    assert "cycle" in str(caught.value.message_dict["federation"])


def test_an_organisation_cannot_be_its_own_federation():
    organisation = OrganisationFactory()
    organisation.federation = organisation
    with pytest.raises(ValidationError):
        organisation.full_clean()


def test_two_memberships_of_one_organisation_cannot_overlap():
    first = MembershipFactory(start=dt.date(2019, 1, 1), end=dt.date(2020, 12, 31))
    second = Membership(
        organisation=first.organisation,
        category=MemberCategory.AUXILIARY,
        start=dt.date(2020, 12, 31),
    )
    with pytest.raises(ValidationError, match="chevauche celle du 2019-01-01"):
        second.full_clean()


def test_a_membership_may_follow_the_previous_one_the_next_day():
    first = MembershipFactory(start=dt.date(2019, 1, 1), end=dt.date(2020, 12, 31))
    Membership(
        organisation=first.organisation,
        category=MemberCategory.FULLY_MANAGED,
        start=dt.date(2021, 1, 1),
    ).full_clean()


def test_an_open_membership_overlaps_every_later_one():
    first = MembershipFactory(start=dt.date(2019, 1, 1), end=None)
    later = Membership(
        organisation=first.organisation, category=MemberCategory.USER, start=dt.date(2030, 1, 1)
    )
    with pytest.raises(ValidationError):
        later.full_clean()


def test_a_membership_cannot_end_before_it_starts():
    with pytest.raises(IntegrityError), transaction.atomic():
        MembershipFactory(start=dt.date(2020, 1, 1), end=dt.date(2019, 1, 1))


def test_the_database_refuses_overlapping_memberships_from_any_writer():
    first = MembershipFactory(start=dt.date(2019, 1, 1), end=dt.date(2020, 12, 31))
    with pytest.raises(IntegrityError, match="chevauchent"), transaction.atomic():
        Membership.objects.bulk_create(
            [
                Membership(
                    organisation=first.organisation, category="user", start=dt.date(2020, 6, 1)
                )
            ]
        )
    with pytest.raises(IntegrityError, match="chevauchent"), transaction.atomic():
        second = MembershipFactory(organisation=first.organisation, start=dt.date(2021, 1, 1))
        Membership.objects.filter(pk=second.pk).update(start=dt.date(2020, 12, 31))
    assert Membership.objects.count() == 1
