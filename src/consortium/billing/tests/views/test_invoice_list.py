"""The list of invoices and credit notes: who sees which, the filters, the totals of the filtered
documents and a query count that does not grow with them."""

import datetime as dt
import re

import pytest

from consortium.billing.tests.views.world import make_world
from consortium.testing.factories import OrganisationFactory, UserFactory, issued_invoice
from consortium.testing.web import signed_in, url

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return make_world()


def listed(response) -> list[str]:
    return re.findall(
        r'<th scope="row"><a href="/(?:en/)?facturation/\d+/">([^<]+)</a>',
        response.content.decode(),
    )


def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = client.get(url("billing:invoice_list"))
    assert response.status_code == 302
    assert response["Location"].startswith(url("accounts:login"))


@pytest.mark.parametrize("who", ["owner", "communications"])
def test_experts_and_communications_are_refused(client, world, who):
    assert signed_in(client, world.user(who)).get(url("billing:invoice_list")).status_code == 403


def test_a_user_without_a_role_is_refused(client, db):
    response = signed_in(client, UserFactory(username="nobody")).get(url("billing:invoice_list"))
    assert response.status_code == 403


def test_finance_sees_every_document_drafts_first(client, world):
    response = signed_in(client, world.user("finance")).get(url("billing:invoice_list"))
    assert response.status_code == 200
    assert listed(response) == [
        f"Brouillon n° {world.draft.pk}",
        world.elsewhere.number,
        world.issued.number,
    ]


def test_a_director_sees_only_his_departments_invoices(client, world):
    response = signed_in(client, world.user("director")).get(url("billing:invoice_list"))
    assert listed(response) == [f"Brouillon n° {world.draft.pk}", world.issued.number]
    assert "Préparer les factures" not in response.content.decode()
    response = signed_in(client, world.user("director_elsewhere")).get(url("billing:invoice_list"))
    assert listed(response) == [world.elsewhere.number]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"status": "draft"}, ["draft"]),
        ({"status": "issued"}, ["elsewhere", "issued", "boreal"]),
        ({"kind": "credit_note"}, []),
        ({"year": "2020-2021"}, ["elsewhere", "issued"]),
        ({"year": "2019-2020"}, ["boreal"]),
        ({"q": "fjord"}, ["draft", "elsewhere", "issued"]),
        ({"q": "boréal"}, ["boreal"]),
    ],
)
def test_the_filters_narrow_the_list(client, world, query, expected):
    boreal = issued_invoice(OrganisationFactory(name="Boréal"), issued_on=dt.date(2019, 5, 1))
    names = {
        f"Brouillon n° {world.draft.pk}": "draft",
        world.issued.number: "issued",
        world.elsewhere.number: "elsewhere",
        boreal.number: "boreal",
    }
    response = signed_in(client, world.user("finance")).get(url("billing:invoice_list"), query)
    assert [names[label] for label in listed(response)] == expected


def test_the_footer_adds_up_the_filtered_documents_net_of_credit_notes(client, world):
    issued_invoice(
        world.scene.organisation,
        kind="credit_note",
        credited_invoice=world.issued,
        credit_reason="correction",
        amounts=["20.00"],
    )
    response = signed_in(client, world.user("finance")).get(
        url("billing:invoice_list"), {"status": "issued"}
    )
    page = response.content.decode()
    assert "3 documents" in page
    # 114,98 + 114,98 − 23,00
    assert "206,96\u00a0$" in page


def test_the_list_costs_the_same_queries_however_many_documents(
    client, world, django_assert_num_queries
):
    signed_in(client, world.user("finance"))
    client.get(url("billing:invoice_list"))
    with django_assert_num_queries(7):
        client.get(url("billing:invoice_list"))
    for day in range(1, 8):
        issued_invoice(OrganisationFactory(), issued_on=dt.date(2020, 8, day))
    with django_assert_num_queries(7):
        response = client.get(url("billing:invoice_list"))
    assert len(listed(response)) == 10


def test_the_list_is_in_english_under_en(client, world):
    response = signed_in(client, world.user("finance")).get(
        url("billing:invoice_list", language="en")
    )
    assert response.status_code == 200
    assert "Invoices and credit notes" in response.content.decode()


@pytest.mark.parametrize(
    ("who", "shown"),
    [("finance", True), ("director", True), ("administrator", True), ("owner", False)],
)
def test_the_navigation_links_to_billing_for_finance_directors_and_administrators(
    client, world, who, shown
):
    page = signed_in(client, world.user(who)).get(url("dashboards:dashboard")).content.decode()
    assert (f'href="{url("billing:invoice_list")}"' in page) is shown


def test_no_template_comment_leaks_into_the_page(client, world):
    page = signed_in(client, world.user("finance")).get(url("billing:invoice_list")).content
    assert b"{#" not in page


def test_the_filtered_list_exports_as_csv_credit_notes_negative(client, world):
    issued_invoice(
        world.scene.organisation,
        kind="credit_note",
        credited_invoice=world.issued,
        credit_reason="correction",
        amounts=["20.00"],
    )
    response = signed_in(client, world.user("finance")).get(
        url("billing:invoice_list"), {"status": "issued", "format": "csv"}
    )
    lines = b"".join(response.streaming_content).decode("utf-8-sig").splitlines()
    assert len(lines) == 4
    assert "NC-2020-2021-0001,Note de crédit," in lines[2]
    assert lines[2].endswith(",2020-2021-0001,-20.00,0.00,-1.00,-2.00,-23.00,0.00")


def test_a_director_exports_only_his_departments_invoices(client, world):
    response = signed_in(client, world.user("director")).get(
        url("billing:invoice_list"), {"format": "csv"}
    )
    lines = b"".join(response.streaming_content).decode("utf-8-sig").splitlines()
    assert len(lines) == 3  # the header, the draft and the issued invoice of M-CPT
