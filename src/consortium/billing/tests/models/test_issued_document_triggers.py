"""The database refuses, for every writer, to change an issued document or the hours it bills.

Run on SQLite and on PostgreSQL (DATABASE_URL): the rules are the same, the messages too."""

import datetime as dt
from decimal import Decimal

import pytest
from django.db import DatabaseError, IntegrityError, connection, transaction

from consortium.billing.models import Invoice, InvoiceEntry, InvoiceLine, InvoiceStatus
from consortium.billing.services.drafting import invoices_draft
from consortium.billing.services.issuing import invoice_issue
from consortium.billing.services.payments import payment_record
from consortium.billing.triggers_sql import ISSUED_MESSAGE
from consortium.core.triggers import maintenance
from consortium.members.models import MemberCategory
from consortium.testing.factories import (
    ApprovedWeekFactory,
    BillingSettingsFactory,
    DraftInvoiceFactory,
    ExpertFactory,
    InvoiceLineFactory,
    MandateFactory,
    MembershipFactory,
    OrganisationFactory,
    RateFactory,
    TimeEntryFactory,
)
from consortium.timesheets.models import TimeEntry

pytestmark = pytest.mark.django_db
MONDAY = dt.date(2020, 6, 1)


@pytest.fixture
def billed():
    """An issued invoice of one approved entry: (invoice, its entry)."""
    BillingSettingsFactory()
    RateFactory(member_category=MemberCategory.USER)
    mandate = MandateFactory()
    MembershipFactory(organisation=mandate.organisation)
    expert = ExpertFactory()
    ApprovedWeekFactory(expert=expert, week_start=MONDAY)
    entry = TimeEntryFactory(expert=expert, mandate=mandate, date=MONDAY)
    invoices_draft(through=MONDAY)
    invoice = invoice_issue(invoice=Invoice.objects.get(), user=None, on=dt.date(2020, 7, 2))
    return invoice, entry


def _sql(statement: str, *params) -> None:
    with connection.cursor() as cursor:
        cursor.execute(statement, params)


def _refused(statement, match=None):
    with pytest.raises((IntegrityError, DatabaseError), match=match), transaction.atomic():
        statement()


def test_an_issued_documents_amounts_number_and_names_never_change(billed):
    invoice, _entry = billed
    for values in (
        {"total": Decimal("1.00")},
        {"number": "2020-2021-0099"},
        {"issued_on": dt.date(2020, 7, 3)},
        {"customer_name": "Autre"},
        {"status": InvoiceStatus.DRAFT},
        {"organisation": MandateFactory().organisation},
    ):
        _refused(lambda values=values: Invoice.objects.filter(pk=invoice.pk).update(**values))
    invoice.refresh_from_db()
    assert (invoice.number, invoice.total) == ("2020-2021-0001", Decimal("804.83"))


def test_payments_may_move_an_issued_invoice_forward_but_never_back(billed):
    invoice, _entry = billed
    payment_record(invoice=invoice, date=dt.date(2020, 7, 9), amount=invoice.total, method="cash")
    invoice.refresh_from_db()
    assert invoice.status == InvoiceStatus.PAID
    _refused(lambda: Invoice.objects.filter(pk=invoice.pk).update(paid=0))


def test_an_issued_document_is_never_deleted(billed):
    invoice, _entry = billed
    _refused(lambda: Invoice.objects.filter(pk=invoice.pk).delete())
    assert Invoice.objects.filter(pk=invoice.pk).exists()


def test_an_issued_documents_lines_and_detail_can_be_neither_added_changed_nor_deleted(billed):
    invoice, entry = billed
    line = invoice.lines.get()
    _refused(lambda: InvoiceLine.objects.filter(pk=line.pk).update(amount=Decimal("1.00")))
    _refused(lambda: InvoiceLine.objects.filter(pk=line.pk).delete())
    _refused(lambda: InvoiceLineFactory(invoice=invoice), match=ISSUED_MESSAGE)
    _refused(lambda: InvoiceEntry.objects.filter(line=line).update(hours=1))
    _refused(lambda: InvoiceEntry.objects.filter(line=line).delete())
    other = TimeEntryFactory(expert=entry.expert, mandate=entry.mandate, date=MONDAY.replace(day=2))
    _refused(lambda: InvoiceEntry.objects.create(line=line, time_entry=other, hours=1))
    assert invoice.lines.get().amount == line.amount


def test_a_document_is_inserted_as_a_draft_only():
    invoice = DraftInvoiceFactory.build(
        organisation=OrganisationFactory(), status=InvoiceStatus.ISSUED
    )
    _refused(invoice.save, match="brouillon")


def test_the_hours_an_issued_invoice_bills_can_be_neither_changed_nor_deleted(billed):
    _invoice, entry = billed
    expected = "2020-2021-0001" if connection.vendor == "postgresql" else "heures facturées"
    _refused(lambda: TimeEntry.objects.filter(pk=entry.pk).update(hours=1), match=expected)
    # Raw SQL: Django's own protection of the foreign key would refuse first.
    _refused(lambda: _sql("DELETE FROM timesheets_timeentry WHERE id = %s", entry.pk), expected)
    entry.refresh_from_db()
    assert entry.hours == Decimal("7.00")


def test_a_draft_its_lines_and_hours_change_freely_and_are_deleted_whole():
    draft = DraftInvoiceFactory()
    line = InvoiceLineFactory(invoice=draft)
    InvoiceLine.objects.filter(pk=line.pk).update(amount=Decimal("5.00"))

    draft.delete()

    assert not InvoiceLine.objects.exists()


def test_the_demo_writer_inserts_a_draft_then_updates_it_to_issued(billed):
    invoice, _entry = billed
    draft = DraftInvoiceFactory(organisation=invoice.organisation)
    InvoiceLineFactory(invoice=draft)
    Invoice.objects.filter(pk=draft.pk).update(
        status=InvoiceStatus.ISSUED,
        number="2020-2021-0002",
        fiscal_year=invoice.fiscal_year,
        sequence=2,
        issued_on=invoice.issued_on,
        due_on=invoice.due_on,
    )
    assert Invoice.objects.get(pk=draft.pk).status == InvoiceStatus.ISSUED


def test_a_session_in_maintenance_may_empty_the_tables(billed):
    with maintenance():
        InvoiceEntry.objects.all().delete()
        InvoiceLine.objects.all().delete()
        Invoice.objects.all().delete()
        TimeEntry.objects.all().delete()
    assert not Invoice.objects.exists()
