"""Two invoice runs at once bill each hour once: the second waits for the first."""

import datetime as dt
from decimal import Decimal

from consortium.billing.models import Invoice, InvoiceEntry
from consortium.billing.services.drafting import invoices_draft
from consortium.members.models import MemberCategory
from consortium.testing.concurrency import run_together
from consortium.testing.factories import (
    ApprovedWeekFactory,
    ExpertFactory,
    MandateFactory,
    MembershipFactory,
    RateFactory,
    TimeEntryFactory,
)

MONDAY = dt.date(2020, 6, 1)


def test_two_runs_at_once_bill_each_hour_once(concurrent_db):
    RateFactory(member_category=MemberCategory.USER, hourly_rate=Decimal("100.00"))
    expert = ExpertFactory()
    ApprovedWeekFactory(expert=expert, week_start=MONDAY)
    for day in range(5):
        mandate = MandateFactory()
        MembershipFactory(organisation=mandate.organisation)
        TimeEntryFactory(expert=expert, mandate=mandate, date=MONDAY + dt.timedelta(days=day))

    outcomes = run_together(
        lambda: invoices_draft(through=MONDAY + dt.timedelta(days=6)),
        lambda: invoices_draft(through=MONDAY + dt.timedelta(days=6)),
    )

    assert not [outcome for outcome in outcomes if isinstance(outcome, BaseException)]
    assert sorted(run.created for run in outcomes) == [0, 5]
    assert InvoiceEntry.objects.count() == 5
    assert Invoice.objects.count() == 5
