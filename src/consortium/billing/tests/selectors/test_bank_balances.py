import datetime as dt
from decimal import Decimal

import pytest

from consortium.billing.selectors.programmes import bank_balances, eligible_organisation_ids
from consortium.members.models import LegalForm, MemberCategory
from consortium.testing.factories import (
    DraftInvoiceFactory,
    InvoiceLineFactory,
    MembershipFactory,
    OrganisationFactory,
    ProgrammeEligibilityFactory,
    ProgrammeFactory,
    TimeEntryFactory,
)

pytestmark = pytest.mark.django_db


def test_eligible_organisations_are_the_listed_ones_and_those_the_rule_admits():
    listed = OrganisationFactory()
    by_rule = OrganisationFactory(region="06", legal_form=LegalForm.NONPROFIT)
    MembershipFactory(organisation=by_rule, category=MemberCategory.USER)
    OrganisationFactory(region="06", legal_form=LegalForm.COOPERATIVE)  # another form
    late = OrganisationFactory(region="06", legal_form=LegalForm.NONPROFIT)
    MembershipFactory(organisation=late, start=dt.date(2020, 5, 1))  # not a member on its start
    programme = ProgrammeFactory(
        rule_region="06",
        rule_legal_form=LegalForm.NONPROFIT,
        rule_member_category=MemberCategory.USER,
    )
    ProgrammeEligibilityFactory(programme=programme, organisation=listed)

    assert eligible_organisation_ids(programme) == {listed.pk, by_rule.pk}


def test_a_bank_shows_what_was_granted_used_and_is_left_until_it_expires():
    organisation = OrganisationFactory(name="Café solidaire")
    programme = ProgrammeFactory(hours_per_organisation=Decimal("25"))
    ProgrammeEligibilityFactory(programme=programme, organisation=organisation)
    line = InvoiceLineFactory(
        invoice=DraftInvoiceFactory(organisation=programme.funder),
        kind="funded",
        programme=programme,
        served_organisation=organisation,
    )
    line.entries.create(time_entry=TimeEntryFactory(), hours=Decimal("6.5"))

    (bank,) = bank_balances(organisation_ids=[organisation.pk], on=dt.date(2020, 9, 1))

    assert (bank.programme, bank.organisation) == (programme, organisation)
    assert (bank.granted, bank.used, bank.balance, bank.expires_on) == (
        Decimal("25.00"),
        Decimal("6.50"),
        Decimal("18.50"),
        dt.date(2021, 3, 31),
    )
    assert bank_balances(on=dt.date(2021, 4, 1)) == []


def test_balances_take_the_same_queries_for_many_organisations(django_assert_num_queries):
    programme = ProgrammeFactory()
    for _ in range(5):
        ProgrammeEligibilityFactory(programme=programme)

    with django_assert_num_queries(4):
        assert len(bank_balances()) == 5
