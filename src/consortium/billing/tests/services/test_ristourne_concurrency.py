"""Two proposals of one year's ristourne at once: the second waits for the first and replaces
it; one ristourne remains, its shares adding up to its amount."""

import datetime as dt
from decimal import Decimal

from consortium.billing.models import Ristourne, RistourneAllocation
from consortium.billing.services.ristournes import ristourne_propose
from consortium.testing.concurrency import run_together
from consortium.testing.factories import (
    BillingSettingsFactory,
    DraftInvoiceFactory,
    FiscalYearFactory,
    InvoiceLineFactory,
    MembershipFactory,
    OrganisationFactory,
    issue_for_tests,
)


def test_two_proposals_at_once_leave_one_ristourne_whose_shares_add_up(concurrent_db):
    BillingSettingsFactory()
    FiscalYearFactory(name="2020-2021")
    for index in range(3):
        organisation = OrganisationFactory()
        MembershipFactory(organisation=organisation)
        draft = DraftInvoiceFactory(organisation=organisation)
        InvoiceLineFactory(invoice=draft, amount=Decimal(100 + index))
        issue_for_tests(draft, on=dt.date(2020, 9, 1))

    outcomes = run_together(
        lambda: ristourne_propose(fiscal_year="2020-2021", amount=Decimal("100.00")),
        lambda: ristourne_propose(fiscal_year="2020-2021", amount=Decimal("200.00")),
    )

    assert not [outcome for outcome in outcomes if isinstance(outcome, BaseException)]
    ristourne = Ristourne.objects.get()
    shares = RistourneAllocation.objects.filter(ristourne=ristourne)
    assert shares.count() == 3
    assert sum(share.amount for share in shares) == ristourne.amount


def test_two_adoptions_at_once_issue_the_credit_notes_once(concurrent_db):
    from django.core.exceptions import ValidationError

    from consortium.billing.models import Invoice
    from consortium.billing.services.ristournes import ristourne_adopt

    BillingSettingsFactory()
    FiscalYearFactory(name="2020-2021")
    for index in range(2):
        organisation = OrganisationFactory()
        MembershipFactory(organisation=organisation)
        draft = DraftInvoiceFactory(organisation=organisation)
        InvoiceLineFactory(invoice=draft, amount=Decimal(100 + index))
        issue_for_tests(draft, on=dt.date(2020, 9, 1))
    ristourne = ristourne_propose(fiscal_year="2020-2021", amount=Decimal("50.00"))

    outcomes = run_together(
        lambda: ristourne_adopt(ristourne=ristourne, on=dt.date(2021, 6, 15)),
        lambda: ristourne_adopt(ristourne=ristourne, on=dt.date(2021, 6, 15)),
    )

    refused = [outcome for outcome in outcomes if isinstance(outcome, ValidationError)]
    assert len(refused) == 1 and "déjà adoptée" in refused[0].messages[0]
    numbers = Invoice.objects.filter(credit_reason="ristourne").values_list("number", flat=True)
    assert sorted(numbers) == ["NC-2021-2022-0001", "NC-2021-2022-0002"]
