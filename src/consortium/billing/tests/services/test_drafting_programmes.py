"""Programme hours: drawn from each eligible organisation's bank, billed to the funder."""

import datetime as dt
from decimal import Decimal

import pytest
from django.db.models import Sum

from consortium.billing.models import Invoice, InvoiceEntry, LineKind
from consortium.billing.selectors.programmes import bank_balances
from consortium.billing.services.credits import credit_note_create
from consortium.billing.services.drafting import invoices_draft
from consortium.billing.services.issuing import invoice_issue
from consortium.members.models import MemberCategory
from consortium.testing.factories import (
    ApprovedWeekFactory,
    BillingSettingsFactory,
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


@pytest.fixture
def support():
    return MandateTypeFactory(code="SOUTIEN")


@pytest.fixture
def funder():
    return OrganisationFactory(code="VILLE", name="Ville de Montréal")


@pytest.fixture
def enterprise():
    organisation = OrganisationFactory(code="ESS", name="Café solidaire")
    MembershipFactory(organisation=organisation, category=MemberCategory.USER)
    RateFactory(member_category=MemberCategory.USER, hourly_rate=Decimal("100.00"))
    return organisation


@pytest.fixture
def expert():
    expert = ExpertFactory()
    for week in range(3):
        ApprovedWeekFactory(expert=expert, week_start=MONDAY + dt.timedelta(weeks=week))
    return expert


def _programme(funder, support, enterprise, **values):
    programme = ProgrammeFactory(
        code=values.pop("code", "ESS25"), funder=funder, mandate_types=[support], **values
    )
    ProgrammeEligibilityFactory(programme=programme, organisation=enterprise)
    return programme


def _work(expert, mandate, *hours):
    for day, amount in enumerate(hours):
        if not amount:
            continue
        TimeEntryFactory(
            expert=expert,
            mandate=mandate,
            date=MONDAY + dt.timedelta(days=day),
            hours=Decimal(amount),
        )


def test_the_bank_pays_first_and_the_organisation_the_rest(expert, funder, support, enterprise):
    programme = _programme(funder, support, enterprise, hours_per_organisation=Decimal(10))
    mandate = MandateFactory(
        code="M-ESS", title="Soutien", organisation=enterprise, mandate_type=support
    )
    _work(expert, mandate, 6, 6)  # 12 h: 10 from the bank, 2 billed

    run = invoices_draft(through=MONDAY + dt.timedelta(days=6))

    assert run.created == 2
    funder_invoice = Invoice.objects.get(organisation=funder)
    assert funder_invoice.programme == programme
    funded = funder_invoice.lines.get()
    assert (funded.kind, funded.hours, funded.rate, funded.amount) == (
        LineKind.FUNDED,
        Decimal("10.00"),
        Decimal("100.00"),
        Decimal("1000.00"),
    )
    assert funded.description == "Café solidaire – ESS25"
    own = Invoice.objects.get(organisation=enterprise)
    lines = {line.kind: line for line in own.lines.all()}
    assert (lines[LineKind.HOURS].hours, lines[LineKind.HOURS].amount) == (
        Decimal("2.00"),
        Decimal("200.00"),
    )
    covered = lines[LineKind.COVERED]
    assert (covered.hours, covered.amount) == (Decimal("10.00"), Decimal("0.00"))
    assert covered.description == "M-ESS – Soutien : pris en charge par Ville de Montréal"
    assert own.subtotal == Decimal("200.00")
    # The second day's entry is split: 4 h from the bank, 2 h billed.
    split = InvoiceEntry.objects.filter(time_entry__date=MONDAY + dt.timedelta(days=1))
    assert sorted(split.values_list("hours", flat=True)) == [Decimal("2.00"), Decimal("4.00")]
    (balance,) = bank_balances()
    assert (balance.granted, balance.used, balance.balance) == (
        Decimal("10.00"),
        Decimal("10.00"),
        Decimal("0.00"),
    )


def test_an_empty_bank_stays_empty_on_the_next_run(expert, funder, support, enterprise):
    _programme(funder, support, enterprise, hours_per_organisation=Decimal(7))
    mandate = MandateFactory(organisation=enterprise, mandate_type=support)
    _work(expert, mandate, 7)
    invoices_draft(through=MONDAY)
    TimeEntryFactory(expert=expert, mandate=mandate, date=MONDAY + dt.timedelta(weeks=1))

    invoices_draft(through=MONDAY + dt.timedelta(weeks=1))

    assert Invoice.objects.get(organisation=funder).lines.get().hours == Decimal("7.00")
    own = Invoice.objects.get(organisation=enterprise)
    assert own.lines.get(kind=LineKind.HOURS).hours == Decimal("7.00")


def test_the_oldest_bank_is_drawn_first_and_an_expired_one_no_more(
    expert, funder, support, enterprise
):
    old = _programme(
        funder,
        support,
        enterprise,
        code="ANCIEN",
        hours_per_organisation=Decimal(5),
        start=dt.date(2020, 1, 1),
        end=MONDAY + dt.timedelta(days=1),
    )
    new = _programme(funder, support, enterprise, code="NOUVEAU", start=dt.date(2020, 5, 1))
    mandate = MandateFactory(organisation=enterprise, mandate_type=support)
    _work(expert, mandate, 3, 3, 3)  # the old bank: 3 h, then 2 h; it expires after day 2

    invoices_draft(through=MONDAY + dt.timedelta(days=6))

    hours = dict(
        InvoiceEntry.objects.filter(line__kind=LineKind.FUNDED)
        .values_list("line__programme__code")
        .order_by()
        .annotate(total=Sum("hours"))
    )
    assert hours == {old.code: Decimal("5.00"), new.code: Decimal("4.00")}
    assert Invoice.objects.filter(organisation=funder).count() == 2


def test_uncovered_types_and_ineligible_organisations_pay_themselves(
    expert, funder, support, enterprise
):
    _programme(funder, support, enterprise)
    other = OrganisationFactory()
    MembershipFactory(organisation=other)
    _work(expert, MandateFactory(organisation=enterprise), 2)  # a type the programme skips
    _work(expert, MandateFactory(organisation=other, mandate_type=support), 0, 3)

    run = invoices_draft(through=MONDAY + dt.timedelta(days=6))

    assert not Invoice.objects.filter(organisation=funder).exists()
    assert (run.created, run.amount) == (2, Decimal("500.00"))


def test_a_rule_makes_every_matching_organisation_eligible(expert, funder, support, enterprise):
    enterprise.region = "06"
    enterprise.save()
    ProgrammeFactory(
        funder=funder,
        mandate_types=[support],
        rule_region="06",
        rule_member_category=MemberCategory.USER,
    )
    _work(expert, MandateFactory(organisation=enterprise, mandate_type=support), 2)

    invoices_draft(through=MONDAY)

    assert Invoice.objects.get(organisation=funder).lines.get().hours == Decimal("2.00")


def test_a_cancelled_funder_invoice_gives_its_hours_back(expert, funder, support, enterprise):
    _programme(funder, support, enterprise)
    _work(expert, MandateFactory(organisation=enterprise, mandate_type=support), 5)
    invoices_draft(through=MONDAY)
    BillingSettingsFactory()
    funder_invoice = invoice_issue(invoice=Invoice.objects.get(organisation=funder), user=None)
    credit_note_create(invoice=funder_invoice, user=None, reason="cancellation")

    (balance,) = bank_balances(on=MONDAY)

    assert (balance.used, balance.balance) == (Decimal("0.00"), Decimal("25.00"))


def test_an_english_speaking_organisation_reads_its_lines_in_english(
    expert, funder, support, enterprise
):
    enterprise.language = "en"
    enterprise.save()
    _programme(funder, support, enterprise)
    mandate = MandateFactory(
        code="M-ESS", title="Support", organisation=enterprise, mandate_type=support
    )
    _work(expert, mandate, 2)

    invoices_draft(through=MONDAY)

    covered = Invoice.objects.get(organisation=enterprise).lines.get()
    assert covered.description == "M-ESS – Support: covered by Ville de Montréal"
    assert Invoice.objects.get(organisation=enterprise).language == "en"
