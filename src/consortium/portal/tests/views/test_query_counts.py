"""Each portal page takes the same queries with 2 mandates and invoices as with 20: the counts
are pinned (the page's reads are aggregated in SQL, never one query per row)."""

import datetime as dt
from decimal import Decimal

import pytest

from consortium.core.weeks import week_start_of
from consortium.testing.factories import (
    ExpertFactory,
    FiscalYearFactory,
    MandateFactory,
    MemberContactFactory,
    OrganisationFactory,
    ProgrammeEligibilityFactory,
    ProgrammeFactory,
    TimeEntryFactory,
    UserFactory,
    issued_invoice,
)
from consortium.testing.web import signed_in, url
from consortium.timesheets.models import TimesheetWeek

pytestmark = pytest.mark.django_db

TODAY = dt.date(2020, 10, 15)

# Session, user, the represented ids (portal_required), the roles (the navigation's context
# processor), then the page's own reads.
QUERIES = {
    # organisation, fiscal year, open mandates with hours, balance, latest invoices, banks (4:
    # programmes, eligibility, organisations, hours used), the federation's enterprises; the
    # surveys card (the open surveys and this organisation's answers); the diagnostic card (the
    # last finished diagnostic, the draft); the treasury card (the latest plan with its months
    # and projects, the adopted policy)
    "portal:overview": 19,
    # organisation, fiscal years, the year, mandates, hours (mandate × month × expert)
    "portal:services": 9,
    # organisation, banks (4)
    "portal:banks": 9,
    # organisation, balance, count, page
    "portal:invoices": 8,
    # organisation, the invoices' PDFs, the adopted investment policies, the finished diagnostics
    "portal:documents": 8,
}


@pytest.fixture(autouse=True)
def today(monkeypatch):
    monkeypatch.setattr("consortium.portal.views._today", lambda: TODAY)


def add_data(organisation, count: int, experts) -> None:
    """`count` mandates, each with hours in three approved weeks, and `count` invoices."""
    decider = UserFactory()
    for n in range(count):
        mandate = MandateFactory(organisation=organisation, start=dt.date(2020, 4, 1))
        for month in (5, 6, 9):
            day = dt.date(2020, month, 5 + n % 20)
            expert = experts[n % len(experts)]
            TimesheetWeek.objects.get_or_create(
                expert=expert,
                week_start=week_start_of(day),
                defaults={
                    "status": "approved",
                    "submitted_at": dt.datetime(2020, 10, 1, tzinfo=dt.UTC),
                    "decided_at": dt.datetime(2020, 10, 2, tzinfo=dt.UTC),
                    "decided_by": decider,
                },
            )
            TimeEntryFactory(expert=expert, mandate=mandate, date=day, hours=Decimal("3.5"))
        issued_invoice(organisation, issued_on=dt.date(2020, 7, 1 + n % 28))


@pytest.fixture
def organisation():
    FiscalYearFactory(name="2020-2021")
    organisation = OrganisationFactory(code="ENT")
    programme = ProgrammeFactory()
    ProgrammeEligibilityFactory(programme=programme, organisation=organisation)
    return organisation


@pytest.mark.parametrize("name", list(QUERIES))
def test_the_page_takes_the_same_queries_with_2_or_20_rows(
    client, organisation, name, django_assert_num_queries
):
    user = MemberContactFactory(organisation=organisation).user
    experts = [ExpertFactory() for _ in range(3)]
    add_data(organisation, 2, experts)
    signed_in(client, user)
    with django_assert_num_queries(QUERIES[name]):
        assert client.get(url(name, "ENT")).status_code == 200
    add_data(organisation, 18, experts)
    with django_assert_num_queries(QUERIES[name]):
        response = client.get(url(name, "ENT"))
    assert response.status_code == 200
