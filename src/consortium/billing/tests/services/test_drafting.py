import datetime as dt
from decimal import Decimal

import pytest

from consortium.billing.models import Invoice, InvoiceEntry, InvoiceLine, LineKind
from consortium.billing.services.drafting import invoices_draft
from consortium.members.models import MemberCategory
from consortium.testing.factories import (
    ApprovedWeekFactory,
    ExpertFactory,
    MandateFactory,
    MandateTypeFactory,
    MembershipFactory,
    OrganisationFactory,
    RateFactory,
    TimeEntryFactory,
    TimesheetWeekFactory,
)

pytestmark = pytest.mark.django_db
MONDAY = dt.date(2020, 6, 1)
THROUGH = dt.date(2020, 6, 30)


@pytest.fixture
def expert():
    expert = ExpertFactory()
    ApprovedWeekFactory(expert=expert, week_start=MONDAY)
    return expert


@pytest.fixture
def member():
    organisation = OrganisationFactory(code="FJORD", name="Coopérative du Fjord")
    MembershipFactory(organisation=organisation, category=MemberCategory.USER)
    RateFactory(member_category=MemberCategory.USER, hourly_rate=Decimal("100.00"))
    RateFactory(member_category="non_member", hourly_rate=Decimal("140.00"))
    return organisation


def _draft(**options):
    return invoices_draft(through=THROUGH, **options)


def test_approved_hours_become_one_draft_with_a_line_per_mandate(expert, member):
    mandate = MandateFactory(code="M-1", title="Tenue de livres", organisation=member)
    TimeEntryFactory(expert=expert, mandate=mandate, date=MONDAY, hours=Decimal("3.00"))
    TimeEntryFactory(expert=expert, mandate=mandate, date=MONDAY + dt.timedelta(days=1))

    run = _draft()

    assert (run.created, run.extended, run.hours, run.amount) == (1, 0, Decimal(10), Decimal(1000))
    invoice = Invoice.objects.get()
    assert invoice.is_draft and invoice.organisation == member
    assert (invoice.subtotal, invoice.gst, invoice.qst, invoice.total) == (
        Decimal("1000.00"),
        Decimal("50.00"),
        Decimal("99.75"),
        Decimal("1149.75"),
    )
    line = invoice.lines.get()
    assert (line.kind, line.hours, line.rate, line.amount) == (
        LineKind.HOURS,
        Decimal("10.00"),
        Decimal("100.00"),
        Decimal("1000.00"),
    )
    assert line.description == "M-1 – Tenue de livres"
    assert line.entries.count() == 2


def test_hours_of_weeks_not_approved_wait_for_a_later_run(expert, member):
    mandate = MandateFactory(organisation=member)
    TimeEntryFactory(expert=expert, mandate=mandate, date=MONDAY)
    submitted = ExpertFactory()
    TimesheetWeekFactory(
        expert=submitted,
        week_start=MONDAY,
        status="submitted",
        submitted_at=dt.datetime(2020, 6, 8, tzinfo=dt.UTC),
    )
    TimeEntryFactory(expert=submitted, mandate=mandate, date=MONDAY)
    TimeEntryFactory(expert=ExpertFactory(), mandate=mandate, date=MONDAY)  # a draft week

    run = _draft()

    assert run.hours == Decimal(7)
    assert InvoiceEntry.objects.get().time_entry.expert == expert


def test_hours_after_the_last_day_wait_for_a_later_run(expert, member):
    mandate = MandateFactory(organisation=member)
    TimeEntryFactory(expert=expert, mandate=mandate, date=MONDAY)
    TimeEntryFactory(expert=expert, mandate=mandate, date=MONDAY + dt.timedelta(days=2))

    run = invoices_draft(through=MONDAY + dt.timedelta(days=1))

    assert run.hours == Decimal(7)


def test_non_billable_mandates_and_mandate_types_are_skipped(expert, member):
    TimeEntryFactory(expert=expert, mandate=MandateFactory(organisation=member, billable=False))
    leave = MandateTypeFactory(billable=False)
    TimeEntryFactory(expert=expert, mandate=MandateFactory(organisation=member, mandate_type=leave))

    run = _draft()

    assert run.hours == 0
    assert not Invoice.objects.exists()


def test_hours_already_invoiced_are_not_billed_twice(expert, member):
    TimeEntryFactory(expert=expert, mandate=MandateFactory(organisation=member), date=MONDAY)
    _draft()

    again = _draft()

    assert (again.created, again.extended, again.hours) == (0, 0, 0)
    assert InvoiceLine.objects.count() == 1


def test_a_later_run_extends_the_organisations_draft(expert, member):
    mandate = MandateFactory(organisation=member)
    TimeEntryFactory(expert=expert, mandate=mandate, date=MONDAY)
    invoices_draft(through=MONDAY)
    TimeEntryFactory(expert=expert, mandate=mandate, date=MONDAY + dt.timedelta(days=1))

    run = _draft()

    assert (run.created, run.extended) == (0, 1)
    invoice = Invoice.objects.get()
    line = invoice.lines.get()
    assert (line.hours, line.amount, invoice.subtotal) == (
        Decimal("14.00"),
        Decimal("1400.00"),
        Decimal("1400.00"),
    )
    assert invoice.period_end == THROUGH


def test_the_payers_category_decides_the_rate(expert, member):
    federation = OrganisationFactory(code="FED")  # not a member: the non-member rate
    served = MandateFactory(organisation=member, billed_organisation=federation)
    TimeEntryFactory(expert=expert, mandate=served, date=MONDAY, hours=Decimal(1))

    _draft()

    invoice = Invoice.objects.get()
    assert invoice.organisation == federation
    assert invoice.lines.get().rate == Decimal("140.00")
    assert invoice.total == Decimal("160.97")


def test_a_category_change_applies_from_its_first_day(expert):
    organisation = OrganisationFactory()
    MembershipFactory(
        organisation=organisation,
        category=MemberCategory.USER,
        start=dt.date(2015, 1, 1),
        end=MONDAY,
    )
    MembershipFactory(
        organisation=organisation,
        category=MemberCategory.FULLY_MANAGED,
        start=MONDAY + dt.timedelta(days=1),
    )
    RateFactory(member_category=MemberCategory.USER, hourly_rate=Decimal("100.00"))
    RateFactory(member_category=MemberCategory.FULLY_MANAGED, hourly_rate=Decimal("80.00"))
    mandate = MandateFactory(organisation=organisation)
    TimeEntryFactory(expert=expert, mandate=mandate, date=MONDAY, hours=Decimal(1))
    TimeEntryFactory(expert=expert, mandate=mandate, date=MONDAY + dt.timedelta(days=1))

    _draft()

    rates = sorted(InvoiceLine.objects.values_list("rate", "hours"))
    assert rates == [(Decimal("80.00"), Decimal("7.00")), (Decimal("100.00"), Decimal("1.00"))]


def test_the_mandates_own_rate_beats_the_table(expert, member):
    mandate = MandateFactory(organisation=member, hourly_rate=Decimal("55.50"))
    TimeEntryFactory(expert=expert, mandate=mandate, date=MONDAY, hours=Decimal(2))

    _draft()

    assert InvoiceLine.objects.get().amount == Decimal("111.00")


def test_entries_without_a_rate_are_left_out_and_named(expert):
    organisation = OrganisationFactory()
    mandate = MandateFactory(code="M-SANS", organisation=organisation)
    TimeEntryFactory(expert=expert, mandate=mandate, date=MONDAY)

    run = _draft()

    assert run.hours == 0
    assert run.problems == (
        "Mandat M-SANS, catégorie « non-membre » : aucun tarif pour 1 entrée(s) du "
        "2020-06-01 au 2020-06-01; elles attendent un tarif.",
    )
    assert not InvoiceEntry.objects.exists()


def test_a_fixed_fee_is_billed_once_and_later_hours_are_attached(expert, member):
    mandate = MandateFactory(
        code="M-FIXE", title="Bilan", organisation=member, fixed_fee=Decimal("2500.00")
    )
    TimeEntryFactory(expert=expert, mandate=mandate, date=MONDAY)
    _draft()
    TimeEntryFactory(expert=expert, mandate=mandate, date=MONDAY + dt.timedelta(days=1))

    _draft()

    lines = list(InvoiceLine.objects.order_by("position").values_list("description", "amount"))
    assert lines == [
        ("M-FIXE – Bilan : forfait", Decimal("2500.00")),
        ("M-FIXE – Bilan : forfait déjà facturé", Decimal("0.00")),
    ]
    assert Invoice.objects.get().subtotal == Decimal("2500.00")


def test_the_draft_takes_the_organisations_language(expert, member):
    member.language = "en"
    member.save()
    TimeEntryFactory(expert=expert, mandate=MandateFactory(organisation=member), date=MONDAY)

    _draft()

    assert Invoice.objects.get().language == "en"


def test_a_lines_amount_is_its_hours_times_its_rate_rounded_once(expert, member):
    mandate = MandateFactory(organisation=member, hourly_rate=Decimal("33.33"))
    for day in range(2):
        TimeEntryFactory(
            expert=expert,
            mandate=mandate,
            date=MONDAY + dt.timedelta(days=day),
            hours=Decimal("0.25"),
        )

    _draft()

    # 0,5 h × 33,33 $ = 16,665 $ → 16,67 $ (each quarter hour rounded would give 16,66 $).
    assert InvoiceLine.objects.get().amount == Decimal("16.67")
