"""An adopted ristourne gives each member its credit note of the ristourne kind, all or nothing,
and never changes again."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from consortium.billing.models import (
    BillingSettings,
    Invoice,
    InvoiceKind,
    RistourneStatus,
)
from consortium.billing.pdf import invoice_pdf
from consortium.billing.services.ristournes import ristourne_adopt, ristourne_propose
from consortium.testing.documents import pdf_pages
from consortium.testing.factories import (
    BillingSettingsFactory,
    DraftInvoiceFactory,
    FiscalYearFactory,
    InvoiceLineFactory,
    MembershipFactory,
    OrganisationFactory,
    issue_for_tests,
)

pytestmark = pytest.mark.django_db

YEAR = "2020-2021"
BOARD_DAY = dt.date(2021, 6, 15)


@pytest.fixture
def ristourne():
    BillingSettingsFactory()
    FiscalYearFactory(name=YEAR)
    for code, amount in (("GRAND", "6000.00"), ("PETIT", "3000.00")):
        organisation = OrganisationFactory(code=code, name=f"Coopérative {code.title()}")
        MembershipFactory(organisation=organisation, category="user")
        draft = DraftInvoiceFactory(organisation=organisation)
        InvoiceLineFactory(invoice=draft, amount=Decimal(amount))
        issue_for_tests(draft, on=dt.date(2020, 9, 1))
    return ristourne_propose(fiscal_year=YEAR, amount=Decimal("1000.00"))


def test_each_member_gets_a_ristourne_credit_note_of_its_share(ristourne, finance):
    adopted = ristourne_adopt(ristourne=ristourne, user=finance, on=BOARD_DAY)
    assert adopted.status == RistourneStatus.ADOPTED
    assert adopted.adopted_on == BOARD_DAY
    assert adopted.adopted_by == finance
    notes = {
        allocation.organisation.code: allocation.credit_note
        for allocation in adopted.allocations.select_related("organisation", "credit_note")
    }
    assert {code: note.total for code, note in notes.items()} == {
        "GRAND": Decimal("666.67"),
        "PETIT": Decimal("333.33"),
    }
    for note in notes.values():
        assert note.kind == InvoiceKind.CREDIT_NOTE
        assert note.credit_reason == "ristourne"
        assert note.issued_on == BOARD_DAY
        assert note.number.startswith("NC-2021-2022-")
        assert note.gst == note.qst == Decimal("0.00")


def test_the_ristourne_credit_note_prints_as_a_credit_note_with_its_reason(ristourne):
    adopted = ristourne_adopt(ristourne=ristourne, on=BOARD_DAY)
    note = adopted.allocations.get(organisation__code="GRAND").credit_note
    text = " ".join(pdf_pages(invoice_pdf(note)))
    assert "Note de crédit" in text
    assert "Motif : ristourne" in text
    assert "Ristourne de l'exercice 2020-2021" in text
    assert "666,67 $" in text
    assert "Coopérative Grand" in text


def test_a_ristourne_is_adopted_once(ristourne):
    ristourne_adopt(ristourne=ristourne, on=BOARD_DAY)
    with pytest.raises(ValidationError, match="est déjà adoptée"):
        ristourne_adopt(ristourne=ristourne, on=BOARD_DAY)
    assert Invoice.objects.filter(credit_reason="ristourne").count() == 2


def test_a_ristourne_is_not_adopted_before_its_year_ends(ristourne):
    with pytest.raises(ValidationError, match="après la fin de son exercice"):
        ristourne_adopt(ristourne=ristourne, on=dt.date(2021, 3, 31))
    ristourne.refresh_from_db()
    assert ristourne.status == RistourneStatus.PROPOSED


def test_nothing_is_adopted_when_a_credit_note_cannot_be_issued(ristourne):
    BillingSettings.objects.filter(pk=1).update(gst_number="")
    with pytest.raises(ValidationError, match="Impossible d'émettre"):
        ristourne_adopt(ristourne=ristourne, on=BOARD_DAY)
    ristourne.refresh_from_db()
    assert ristourne.status == RistourneStatus.PROPOSED
    assert not Invoice.objects.filter(credit_reason="ristourne").exists()
    assert not ristourne.allocations.exclude(credit_note=None).exists()


def test_only_finance_adopts_or_proposes(ristourne, owner):
    with pytest.raises(PermissionDenied):
        ristourne_adopt(ristourne=ristourne, user=owner, on=BOARD_DAY)
    with pytest.raises(PermissionDenied):
        ristourne_propose(fiscal_year=YEAR, amount=Decimal("10.00"), user=owner)
