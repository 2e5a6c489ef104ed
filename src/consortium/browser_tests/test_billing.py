"""Issue 10's path in a real browser: finance prepares last month's invoices from approved
weeks, reviews one, issues it, downloads its PDF, records its payment, and cancels another with
a credit note."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from consortium.billing.models import Invoice, InvoiceKind, InvoiceStatus
from consortium.members.models import MemberCategory
from consortium.testing.factories import (
    ApprovedWeekFactory,
    BillingSettingsFactory,
    DepartmentFactory,
    ExpertFactory,
    MandateFactory,
    MembershipFactory,
    OrganisationFactory,
    RateFactory,
    StaffRoleFactory,
    TimeEntryFactory,
    UserFactory,
)

pytestmark = pytest.mark.browser


def _first_monday_of_last_month(today: dt.date) -> dt.date:
    first = (today.replace(day=1) - dt.timedelta(days=1)).replace(day=1)
    return first + dt.timedelta(days=(7 - first.weekday()) % 7)


@pytest.fixture
def centre(transactional_db):
    BillingSettingsFactory()
    RateFactory(member_category=MemberCategory.USER, hourly_rate=Decimal("100.00"))
    department = DepartmentFactory(code="CPT", name_fr="Comptabilité")
    expert = ExpertFactory(department=department, hired_on=dt.date(2015, 1, 5))
    monday = _first_monday_of_last_month(timezone.localdate())
    ApprovedWeekFactory(expert=expert, week_start=monday)
    for code, name, hours in (("FJORD", "Coopérative du Fjord", "7.5"), ("BOREAL", "Boréal", "4")):
        organisation = OrganisationFactory(code=code, name=name)
        MembershipFactory(organisation=organisation, category=MemberCategory.USER)
        mandate = MandateFactory(
            code=f"M-{code}", organisation=organisation, department=department, start=monday
        )
        TimeEntryFactory(expert=expert, mandate=mandate, date=monday, hours=Decimal(hours))
    finance = StaffRoleFactory(user=UserFactory(username="finances"), role="finance").user
    return {"finance": finance}


def _open_draft(page, organisation: str) -> None:
    row = page.get_by_role("row").filter(has_text=organisation)
    with page.expect_navigation():
        row.get_by_role("link", name="Brouillon n°").click()


def _issue(page) -> str:
    with page.expect_navigation():
        page.get_by_role("link", name="Émettre").click()
    with page.expect_navigation():
        page.get_by_role("button", name="Émettre").click()
    message = page.locator(".message-success").inner_text()
    assert message.startswith("La facture ") and message.endswith(" est émise.")
    return message.removeprefix("La facture ").removesuffix(" est émise.")


def test_finance_bills_last_month_and_settles_two_invoices(page, signed_in, centre, axe_check):
    signed_in(page, centre["finance"])
    page.goto(reverse("billing:invoice_draft_run"))
    with page.expect_navigation():
        page.get_by_role("button", name="Préparer les brouillons").click()
    assert "2 brouillon(s) créé(s)" in page.get_by_role("status").inner_text()

    # Review the Fjord's draft: its line, its backup detail, then issue it.
    _open_draft(page, "Coopérative du Fjord")
    assert "M-FJORD" in page.locator("main").inner_text()
    page.get_by_text("Détail : 1 entrée").click()
    axe_check(page)
    number = _issue(page)
    assert page.get_by_role("heading", level=1).inner_text().startswith(f"Facture {number}")

    with page.expect_download() as download:
        page.get_by_role("link", name="PDF").click()
    assert download.value.suggested_filename == f"{number}.pdf"

    # Its payment: the form offers the balance (750 $ + taxes).
    with page.expect_navigation():
        page.get_by_role("link", name="Enregistrer un paiement").click()
    assert page.get_by_label("Montant").input_value() == "862,31"
    page.get_by_label("Mode").select_option("cheque")
    page.get_by_label("Référence").fill("CHQ-1042")
    with page.expect_navigation():
        page.get_by_role("button", name="Enregistrer le paiement").click()
    assert "Payée" in page.get_by_role("heading", level=1).inner_text()

    # Boréal's invoice is issued, then cancelled in full by a credit note.
    page.goto(reverse("billing:invoice_list") + "?status=draft")
    axe_check(page)
    _open_draft(page, "Boréal")
    boreal = _issue(page)
    with page.expect_navigation():
        page.get_by_role("link", name="Note de crédit").click()
    page.get_by_label("Motif").select_option("cancellation")
    page.get_by_label("Explication imprimée sur la note de crédit").fill("Facturé par erreur.")
    with page.expect_navigation():
        page.get_by_role("button", name="Émettre la note de crédit").click()
    assert page.get_by_role("heading", level=1).inner_text().startswith("Note de crédit NC-")

    # What the Fjord owes now is nothing; the statement shows its invoice and payment.
    page.goto(reverse("billing:aged_balance"))
    axe_check(page)
    assert "Aucun solde ouvert à cette date." in page.locator("main").inner_text()
    page.goto(reverse("billing:statement", args=["FJORD"]))
    axe_check(page)
    assert "CHQ-1042" in page.locator("main").inner_text()

    fjord = Invoice.objects.get(number=number)
    assert (fjord.status, fjord.paid) == (InvoiceStatus.PAID, Decimal("862.31"))
    assert Invoice.objects.get(number=boreal).status == InvoiceStatus.CANCELLED
    assert Invoice.objects.get(kind=InvoiceKind.CREDIT_NOTE).total == Decimal("459.90")
