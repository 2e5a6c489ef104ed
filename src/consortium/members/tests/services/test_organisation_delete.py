"""Deleting an organisation deletes its memberships: refused when one of them has a day in a
locked period; its mandates, and their hours, the database protects."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db.models import ProtectedError

from consortium.members.models import Membership, Organisation
from consortium.members.services import organisation_delete
from consortium.testing.factories import (
    FiscalYearLockFactory,
    MembershipFactory,
    OrganisationFactory,
    TimeEntryFactory,
)

pytestmark = pytest.mark.django_db


def test_an_organisation_that_was_a_member_in_a_locked_year_is_not_deleted():
    organisation = OrganisationFactory(code="COOP1")
    MembershipFactory(
        organisation=organisation, start=dt.date(2015, 1, 1), end=dt.date(2016, 12, 31)
    )
    MembershipFactory(
        organisation=organisation, start=dt.date(2020, 1, 1), end=dt.date(2020, 4, 30)
    )
    FiscalYearLockFactory(fiscal_year__name="2020-2021")
    with pytest.raises(ValidationError) as refused:
        organisation_delete(organisation=organisation)
    assert refused.value.messages == [
        "2020-2021 est verrouillé : l'organisation COOP1 y était membre et ne peut plus être "
        "supprimée."
    ]
    assert Organisation.objects.filter(pk=organisation.pk).exists()
    assert Membership.objects.filter(organisation=organisation).count() == 2


def test_an_organisation_with_hours_in_a_locked_year_is_protected_by_its_mandates():
    entry = TimeEntryFactory(date=dt.date(2020, 6, 1))
    FiscalYearLockFactory(fiscal_year__name="2020-2021")
    with pytest.raises(ProtectedError):
        organisation_delete(organisation=entry.mandate.organisation)
    assert Organisation.objects.filter(pk=entry.mandate.organisation_id).exists()


def test_an_organisation_whose_memberships_are_outside_every_lock_is_deleted_with_them():
    FiscalYearLockFactory(fiscal_year__name="2020-2021")
    organisation = OrganisationFactory()
    MembershipFactory(
        organisation=organisation, start=dt.date(2015, 1, 1), end=dt.date(2020, 3, 31)
    )
    MembershipFactory(organisation=organisation, start=dt.date(2021, 4, 1))
    never_member = OrganisationFactory()
    organisation_delete(organisation=organisation)
    organisation_delete(organisation=never_member)
    assert not Organisation.objects.exists()
    assert not Membership.objects.exists()
