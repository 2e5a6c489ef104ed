"""The timesheet services refuse to change hours an invoice holds, and say which invoice."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from consortium.billing.models import Invoice
from consortium.billing.services.drafting import invoices_draft
from consortium.billing.services.issuing import invoice_issue
from consortium.members.models import MemberCategory
from consortium.testing.factories import (
    ApprovedWeekFactory,
    BillingSettingsFactory,
    ExpertFactory,
    MandateFactory,
    MembershipFactory,
    RateFactory,
    TimeEntryFactory,
)
from consortium.timesheets.models import TimesheetWeek, WeekStatus
from consortium.timesheets.services.entries import (
    time_entry_delete,
    time_entry_set,
    time_entry_update,
)

pytestmark = pytest.mark.django_db
MONDAY = dt.date(2020, 6, 1)


@pytest.fixture
def entry():
    """An entry drafted on an invoice, whose week was then reopened (the only way its entries
    could be edited again)."""
    BillingSettingsFactory()
    RateFactory(member_category=MemberCategory.USER)
    mandate = MandateFactory()
    MembershipFactory(organisation=mandate.organisation)
    expert = ExpertFactory()
    ApprovedWeekFactory(expert=expert, week_start=MONDAY)
    entry = TimeEntryFactory(expert=expert, mandate=mandate, date=MONDAY)
    invoices_draft(through=MONDAY)
    TimesheetWeek.objects.filter(expert=expert).update(status=WeekStatus.DRAFT)
    return entry


def _messages(caught) -> str:
    return " ".join(caught.value.messages)


def test_hours_on_an_issued_invoice_are_refused_naming_it(entry):
    invoice_issue(invoice=Invoice.objects.get(), user=None, on=dt.date(2020, 7, 2))

    with pytest.raises(ValidationError) as caught:
        time_entry_update(entry=entry, hours=Decimal(3))
    assert "Ces heures sont facturées (facture 2020-2021-0001)" in _messages(caught)
    assert "note de crédit" in _messages(caught)
    with pytest.raises(ValidationError, match="2020-2021-0001"):
        time_entry_delete(entry=entry)
    with pytest.raises(ValidationError, match="2020-2021-0001"):
        time_entry_set(expert=entry.expert, mandate=entry.mandate, date=MONDAY, hours=Decimal(2))
    entry.refresh_from_db()
    assert entry.hours == Decimal("7.00")


def test_hours_on_a_draft_are_refused_telling_to_delete_or_redo_it(entry):
    draft = Invoice.objects.get()

    with pytest.raises(ValidationError) as caught:
        time_entry_update(entry=entry, hours=Decimal(3))

    assert _messages(caught) == (
        f"Ces heures sont sur le brouillon de facture n° {draft.pk} : supprimez ce brouillon "
        "ou refaites-le avant de les modifier."
    )


def test_once_the_draft_is_deleted_the_hours_may_change_again(entry):
    Invoice.objects.get().delete()

    assert time_entry_update(entry=entry, hours=Decimal(3)).hours == Decimal(3)
