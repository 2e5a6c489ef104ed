"""The invoice run's queries do not grow with the number of organisations it bills."""

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection

from consortium.billing.models import Invoice
from consortium.billing.services.drafting import invoices_draft
from consortium.members.models import MemberCategory
from consortium.testing.factories import (
    ApprovedWeekFactory,
    ExpertFactory,
    MandateFactory,
    MandateTypeFactory,
    MembershipFactory,
    OrganisationFactory,
    ProgrammeEligibilityFactory,
    ProgrammeFactory,
    RateFactory,
    TimeEntryFactory,
)

pytestmark = pytest.mark.django_db
MONDAY = dt.date(2020, 6, 1)
# The run's lock aside (PostgreSQL), one query each: entries, approved weeks, fees billed,
# programmes and their types, eligibility, bank use, organisations, rates, memberships, drafts,
# their lines, new invoices, drafts extended, new lines, lines extended, detail; savepoints.
QUERIES = 16
EXTEND_QUERIES = 16


def _with_lock(queries: int) -> int:
    return queries + (connection.vendor == "postgresql")


def _centre(organisations: int) -> None:
    RateFactory(member_category=MemberCategory.USER, hourly_rate=Decimal("100.00"))
    support = MandateTypeFactory()
    programme = ProgrammeFactory(mandate_types=[support], hours_per_organisation=Decimal(2))
    expert = ExpertFactory()
    ApprovedWeekFactory(expert=expert, week_start=MONDAY)
    for _ in range(organisations):
        organisation = OrganisationFactory()
        MembershipFactory(organisation=organisation)
        ProgrammeEligibilityFactory(programme=programme, organisation=organisation)
        TimeEntryFactory(expert=expert, mandate=MandateFactory(organisation=organisation))
        covered = MandateFactory(organisation=organisation, mandate_type=support)
        TimeEntryFactory(expert=expert, mandate=covered, hours=Decimal(3))
        fixed = MandateFactory(organisation=organisation, fixed_fee=Decimal("900.00"))
        TimeEntryFactory(expert=expert, mandate=fixed, hours=Decimal(1))


@pytest.mark.parametrize("organisations", [1, 6])
def test_drafting_one_or_many_organisations_takes_the_same_queries(
    organisations, django_assert_num_queries
):
    _centre(organisations)

    with django_assert_num_queries(_with_lock(QUERIES)):
        invoices_draft(through=MONDAY)

    assert Invoice.objects.count() == organisations + 1  # and the funder's


@pytest.mark.parametrize("organisations", [1, 6])
def test_extending_drafts_takes_the_same_queries_for_one_or_many_organisations(
    organisations, django_assert_num_queries
):
    _centre(organisations)
    invoices_draft(through=MONDAY)
    expert = ExpertFactory()
    ApprovedWeekFactory(expert=expert, week_start=MONDAY)
    for invoice in Invoice.objects.filter(programme__isnull=True):
        mandate = MandateFactory(organisation=invoice.organisation)
        TimeEntryFactory(expert=expert, mandate=mandate)

    with django_assert_num_queries(_with_lock(EXTEND_QUERIES)):
        run = invoices_draft(through=MONDAY)

    assert (run.created, run.extended) == (0, organisations)
