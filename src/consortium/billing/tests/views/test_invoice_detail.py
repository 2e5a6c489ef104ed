"""An invoice's page: header, lines with their backup detail, totals, payments and credit notes,
and the actions its state allows, for who may read it; 404 for whoever may not."""

import datetime as dt
from decimal import Decimal

import pytest

from consortium.billing.tests.views.world import make_world
from consortium.testing.factories import (
    InvoiceEntryFactory,
    InvoiceLineFactory,
    PaymentFactory,
    TimeEntryFactory,
    issued_invoice,
)
from consortium.testing.web import signed_in, url

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return make_world()


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("finance", 200),
        ("administrator", 200),
        ("director", 200),
        ("director_elsewhere", 404),
        ("owner", 403),
        ("communications", 403),
    ],
)
def test_who_may_read_an_invoice(client, world, who, status):
    response = signed_in(client, world.user(who)).get(
        url("billing:invoice_detail", world.issued.pk)
    )
    assert response.status_code == status


def test_anonymous_visitors_are_sent_to_sign_in(client, world):
    response = client.get(url("billing:invoice_detail", world.issued.pk))
    assert response.status_code == 302
    assert response["Location"].startswith(url("accounts:login"))


def test_a_draft_shows_its_lines_backup_detail_and_edit_tools_to_finance(client, world):
    page = (
        signed_in(client, world.user("finance"))
        .get(url("billing:invoice_detail", world.draft.pk))
        .content.decode()
    )
    assert f"Brouillon n° {world.draft.pk}" in page
    assert "M-CPT" in page
    assert "2020-05-04" in page  # the entry billed, in the backup detail
    assert "804,83\u00a0$" in page  # 700 + 35,00 + 69,83 (69,825 half up)
    assert "Ajouter une ligne" in page
    assert url("billing:invoice_issue", world.draft.pk) in page
    assert url("billing:invoice_draft_delete", world.draft.pk) in page


def test_a_director_reads_the_draft_without_any_action(client, world):
    page = (
        signed_in(client, world.user("director"))
        .get(url("billing:invoice_detail", world.draft.pk))
        .content.decode()
    )
    assert "804,83\u00a0$" in page
    assert "Ajouter une ligne" not in page
    assert url("billing:invoice_issue", world.draft.pk) not in page


def test_an_issued_invoice_offers_payment_and_credit_note_and_lists_them(client, world):
    PaymentFactory(invoice=world.issued, date=dt.date(2020, 7, 20), amount=Decimal("50.00"))
    issued_invoice(
        world.scene.organisation,
        kind="credit_note",
        credited_invoice=world.issued,
        credit_reason="correction",
        amounts=["10.00"],
    )
    page = (
        signed_in(client, world.user("finance"))
        .get(url("billing:invoice_detail", world.issued.pk))
        .content.decode()
    )
    assert url("billing:payment_record", world.issued.pk) in page
    assert url("billing:credit_note_create", world.issued.pk) in page
    assert "2020-07-20" in page and "50,00\u00a0$" in page
    assert "NC-2020-2021-0001" in page
    assert "Ajouter une ligne" not in page


def test_the_page_costs_the_same_queries_however_many_lines_and_entries(
    client, world, django_assert_num_queries
):
    # A draft's page for finance: the document in five queries, the session and roles, and the
    # mandates an added line may name.
    signed_in(client, world.user("finance"))
    client.get(url("billing:invoice_detail", world.draft.pk))
    with django_assert_num_queries(9):
        client.get(url("billing:invoice_detail", world.draft.pk))
    line = world.draft.lines.get()
    for day in range(10, 16):
        InvoiceEntryFactory(
            line=line,
            time_entry=TimeEntryFactory(mandate=world.scene.mandate, date=dt.date(2020, 6, day)),
        )
        InvoiceLineFactory(invoice=world.draft, position=day)
    with django_assert_num_queries(9):
        client.get(url("billing:invoice_detail", world.draft.pk))


def test_the_page_is_in_english_under_en(client, world):
    page = (
        signed_in(client, world.user("finance"))
        .get(url("billing:invoice_detail", world.issued.pk, language="en"))
        .content.decode()
    )
    assert "Record a payment" in page
    assert "$114.98" in page


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("finance", 200),
        ("director", 200),
        ("director_elsewhere", 404),
        ("owner", 403),
        ("communications", 403),
    ],
)
def test_who_may_download_the_pdf(client, world, who, status):
    response = signed_in(client, world.user(who)).get(url("billing:invoice_pdf", world.issued.pk))
    assert response.status_code == status


def test_the_pdf_downloads_under_the_invoices_number(client, world):
    response = signed_in(client, world.user("finance")).get(
        url("billing:invoice_pdf", world.issued.pk)
    )
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="{world.issued.number}.pdf"'
    assert response.content.startswith(b"%PDF")
