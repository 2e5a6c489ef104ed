"""Finance prepares the month's drafts, issues one, records a payment and issues a credit note,
each through billing's services; a director of the department reads but may do none of it (403),
a director elsewhere does not see the invoice (404), an expert is refused (403)."""

import datetime as dt
from decimal import Decimal

import pytest

from consortium.billing.models import Invoice, InvoiceKind, InvoiceStatus
from consortium.billing.tests.views.world import make_world
from consortium.members.models import MemberCategory
from consortium.testing.factories import (
    ApprovedWeekFactory,
    BillingSettingsFactory,
    InvoiceFactory,
    MembershipFactory,
    ProgrammeEligibilityFactory,
    ProgrammeFactory,
    RateFactory,
    draft_invoice,
)
from consortium.testing.web import messages_of, signed_in, url

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    BillingSettingsFactory()
    return make_world()


def _invoice_pages(world):
    return {
        "issue": url("billing:invoice_issue", world.draft.pk),
        "payment": url("billing:payment_record", world.issued.pk),
        "credit": url("billing:credit_note_create", world.issued.pk),
    }


@pytest.mark.parametrize("page", ["issue", "payment", "credit"])
@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("finance", 200),
        ("administrator", 200),
        ("director", 403),
        ("director_elsewhere", 404),
        ("owner", 403),
        ("communications", 403),
    ],
)
def test_who_may_open_the_action_pages(client, world, page, who, status):
    response = signed_in(client, world.user(who)).get(_invoice_pages(world)[page])
    assert response.status_code == status


@pytest.mark.parametrize("page", ["issue", "payment", "credit"])
@pytest.mark.parametrize("who", ["director", "owner"])
def test_a_refused_post_changes_nothing(client, world, page, who):
    signed_in(client, world.user(who)).post(
        _invoice_pages(world)[page], {"date": "2020-07-10", "amount": "10", "method": "cheque"}
    )
    assert Invoice.objects.filter(status=InvoiceStatus.DRAFT).count() == 1
    assert not world.issued.payments.exists()
    assert not Invoice.objects.filter(kind=InvoiceKind.CREDIT_NOTE).exists()


@pytest.mark.parametrize("page", ["issue", "payment", "credit"])
def test_anonymous_visitors_are_sent_to_sign_in(client, world, page):
    response = client.post(_invoice_pages(world)[page])
    assert response["Location"].startswith(url("accounts:login"))


def test_finance_issues_a_draft_after_confirming(client, world):
    signed_in(client, world.user("finance"))
    confirm = client.get(url("billing:invoice_issue", world.draft.pk)).content.decode()
    assert "recevra le prochain numéro de l'exercice" in confirm
    response = client.post(url("billing:invoice_issue", world.draft.pk))
    world.draft.refresh_from_db()
    assert world.draft.status == InvoiceStatus.ISSUED
    assert messages_of(response) == [f"La facture {world.draft.number} est émise."]
    assert response["Location"] == url("billing:invoice_detail", world.draft.pk)


def test_issuing_without_the_centres_tax_numbers_says_what_to_fill(client, world):
    BillingSettingsFactory._meta.get_model_class().objects.update(gst_number="")
    response = signed_in(client, world.user("finance")).post(
        url("billing:invoice_issue", world.draft.pk)
    )
    assert "numéro de TPS" in messages_of(response)[0]
    world.draft.refresh_from_db()
    assert world.draft.is_draft


def test_the_payment_form_offers_the_balance_and_records_a_payment(client, world):
    signed_in(client, world.user("finance"))
    form = client.get(url("billing:payment_record", world.issued.pk)).content.decode()
    assert 'value="114,98"' in form
    response = client.post(
        url("billing:payment_record", world.issued.pk),
        {"date": "2020-07-10", "amount": "100,00", "method": "cheque", "reference": "CHQ-1"},
    )
    assert response.status_code == 302
    world.issued.refresh_from_db()
    assert (world.issued.paid, world.issued.status) == (Decimal("100.00"), "partly_paid")


def test_a_payment_beyond_the_balance_is_refused_on_the_form(client, world):
    response = signed_in(client, world.user("finance")).post(
        url("billing:payment_record", world.issued.pk),
        {"date": "2020-07-10", "amount": "200", "method": "cheque"},
    )
    assert response.status_code == 200
    assert "dépasse le solde de la facture" in response.content.decode()
    assert not world.issued.payments.exists()


def test_a_whole_credit_note_cancels_the_invoice(client, world):
    response = signed_in(client, world.user("finance")).post(
        url("billing:credit_note_create", world.issued.pk),
        {"scope": "whole", "reason": "cancellation", "note": "Facturé par erreur."},
    )
    note = Invoice.objects.get(kind=InvoiceKind.CREDIT_NOTE)
    assert response["Location"] == url("billing:invoice_detail", note.pk)
    assert note.total == Decimal("114.98")
    world.issued.refresh_from_db()
    assert world.issued.status == InvoiceStatus.CANCELLED


def test_a_partial_credit_note_credits_the_amount_typed_on_a_line(client, world):
    line = world.issued.lines.get()
    signed_in(client, world.user("finance")).post(
        url("billing:credit_note_create", world.issued.pk),
        {"scope": "partial", "reason": "correction", f"line_{line.pk}": "20,00"},
    )
    note = Invoice.objects.get(kind=InvoiceKind.CREDIT_NOTE)
    assert (note.subtotal, note.total) == (Decimal("20.00"), Decimal("23.00"))
    world.issued.refresh_from_db()
    assert world.issued.balance == Decimal("91.98")


def test_a_partial_credit_note_without_any_amount_is_refused(client, world):
    response = signed_in(client, world.user("finance")).post(
        url("billing:credit_note_create", world.issued.pk),
        {"scope": "partial", "reason": "correction"},
    )
    assert "Indiquez le montant à créditer sur au moins une ligne." in response.content.decode()


def test_finance_prepares_last_months_drafts_and_sees_them_listed(client, world):
    MembershipFactory(organisation=world.scene.organisation, category=MemberCategory.USER)
    RateFactory(member_category=MemberCategory.USER, hourly_rate=Decimal("100.00"))
    ApprovedWeekFactory(expert=world.scene.people.expert, week_start=dt.date(2020, 6, 1))
    signed_in(client, world.user("finance"))
    form = client.get(url("billing:invoice_draft_run"))
    assert form.status_code == 200
    response = client.post(url("billing:invoice_draft_run"), {"through": "2020-06-30"})
    page = response.content.decode()
    # The approved June week's 30 h join the Fjord's draft (which holds 7 h of May).
    assert "0 brouillon(s) créé(s), 1 complété(s) : 30\u00a0h pour 3\u00a0000,00\u00a0$" in page
    assert f'href="{url("billing:invoice_detail", world.draft.pk)}"' in page


@pytest.mark.parametrize(
    ("who", "status"),
    [("director", 403), ("owner", 403), ("communications", 403), ("finance", 200)],
)
def test_only_finance_prepares_drafts_and_reads_the_banks(client, world, who, status):
    signed_in(client, world.user(who))
    assert client.get(url("billing:invoice_draft_run")).status_code == status
    assert client.get(url("billing:programme_banks")).status_code == status


def test_the_banks_page_shows_what_each_organisation_has_left(client, world):
    programme = ProgrammeFactory(
        code="EES25", name_fr="25 h gratuites", mandate_types=[world.scene.mandate.mandate_type]
    )
    ProgrammeEligibilityFactory(programme=programme, organisation=world.scene.organisation)
    page = (
        signed_in(client, world.user("finance"))
        .get(url("billing:programme_banks"))
        .content.decode()
    )
    assert "EES25 — 25 h gratuites" in page
    assert "Coopérative du Fjord" in page
    assert "25\u00a0h" in page


def test_finance_issues_the_ticked_drafts_after_confirming(client, world):
    second = draft_invoice(world.scene.organisation, amounts=["50.00"])
    signed_in(client, world.user("finance"))
    ticked = {"invoice": [world.draft.pk, second.pk, world.issued.pk]}
    confirm = client.post(url("billing:invoice_issue_many"), ticked)
    page = confirm.content.decode()
    assert "Ces 2 brouillons (862,32\u00a0$ en tout)" in page  # 804,83 + 57,49
    assert Invoice.objects.filter(status=InvoiceStatus.DRAFT).count() == 2
    response = client.post(url("billing:invoice_issue_many"), {**ticked, "confirm": "yes"})
    assert messages_of(response) == ["2 factures émises."]
    assert not Invoice.objects.filter(status=InvoiceStatus.DRAFT).exists()


def test_a_refused_draft_is_named_and_the_others_are_issued(client, world):
    empty = InvoiceFactory(organisation=world.scene.organisation)
    response = signed_in(client, world.user("finance")).post(
        url("billing:invoice_issue_many"),
        {"invoice": [world.draft.pk, empty.pk], "confirm": "yes"},
    )
    assert messages_of(response)[0] == "1 facture émise."
    assert f"Brouillon n° {empty.pk}" in messages_of(response)[1]
    world.draft.refresh_from_db()
    assert not world.draft.is_draft


def test_nothing_ticked_says_so(client, world):
    response = signed_in(client, world.user("finance")).post(url("billing:invoice_issue_many"))
    assert messages_of(response) == ["Cochez au moins un brouillon à émettre."]


@pytest.mark.parametrize("who", ["director", "director_elsewhere", "owner"])
def test_only_finance_issues_ticked_drafts(client, world, who):
    response = signed_in(client, world.user(who)).post(
        url("billing:invoice_issue_many"), {"invoice": [world.draft.pk], "confirm": "yes"}
    )
    assert response.status_code == 403
    world.draft.refresh_from_db()
    assert world.draft.is_draft


def test_the_credit_note_form_says_what_each_line_has_left_to_credit(client, world):
    line = world.issued.lines.get()
    signed_in(client, world.user("finance"))
    client.post(
        url("billing:credit_note_create", world.issued.pk),
        {"scope": "partial", "reason": "correction", f"line_{line.pk}": "20,00"},
    )
    page = client.get(url("billing:credit_note_create", world.issued.pk)).content.decode()
    assert "Avant taxes; il reste 80,00 $ à créditer." in page
