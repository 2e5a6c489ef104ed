"""Finance's aged balance and statement pages: finance and administrators only (403 for
directors and experts), figures from the selectors, query counts that do not grow."""

import datetime as dt
from decimal import Decimal

import pytest

from consortium.billing.tests.views.world import make_world
from consortium.testing.factories import OrganisationFactory, PaymentFactory, issued_invoice
from consortium.testing.web import signed_in, url

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return make_world()


def _pages(world):
    return {
        "aged": url("billing:aged_balance"),
        "statement": url("billing:statement", world.scene.organisation.code),
    }


@pytest.mark.parametrize("page", ["aged", "statement"])
@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("finance", 200),
        ("administrator", 200),
        ("director", 403),
        ("director_elsewhere", 403),
        ("owner", 403),
        ("communications", 403),
    ],
)
def test_who_may_open_the_receivables_pages(client, world, page, who, status):
    assert signed_in(client, world.user(who)).get(_pages(world)[page]).status_code == status


@pytest.mark.parametrize("page", ["aged", "statement"])
def test_anonymous_visitors_are_sent_to_sign_in(client, world, page):
    response = client.get(_pages(world)[page])
    assert response["Location"].startswith(url("accounts:login"))


def test_the_aged_balance_splits_each_organisations_balance_by_age(client, world):
    PaymentFactory(invoice=world.issued, date=dt.date(2020, 7, 5), amount=Decimal("14.98"))
    response = signed_in(client, world.user("finance")).get(
        url("billing:aged_balance"), {"on": "2020-08-15"}
    )
    page = response.content.decode()
    assert "Soldes âgés au 15 août 2020" in page
    row = page[page.index("Coopérative du Fjord") :]
    # Both invoices are 44 and 45 days old: 100,00 + 114,98 in 31-60 days.
    assert "214,98\u00a0$" in row
    assert url("billing:statement", world.scene.organisation.code) in page


def test_a_date_that_is_not_one_falls_back_to_today_and_says_so(client, world):
    response = signed_in(client, world.user("finance")).get(
        url("billing:aged_balance"), {"on": "hier"}
    )
    assert response.status_code == 200
    assert "Saisissez une date valide." in response.content.decode()


def test_the_aged_balance_costs_the_same_queries_however_many_organisations(
    client, world, django_assert_num_queries
):
    signed_in(client, world.user("finance"))
    with django_assert_num_queries(4):
        client.get(url("billing:aged_balance"), {"on": "2020-08-15"})
    for day in range(1, 6):
        issued_invoice(OrganisationFactory(), issued_on=dt.date(2020, 6, day))
    with django_assert_num_queries(4):
        client.get(url("billing:aged_balance"), {"on": "2020-08-15"})


def test_the_statement_runs_the_balance_over_the_period(client, world):
    PaymentFactory(
        invoice=world.issued, date=dt.date(2020, 7, 10), amount=Decimal("50.00"), reference="VIR-7"
    )
    response = signed_in(client, world.user("finance")).get(
        url("billing:statement", world.scene.organisation.code),
        {"start": "2020-07-01", "end": "2020-07-31"},
    )
    page = response.content.decode()
    assert "Relevé de compte — Coopérative du Fjord" in page
    assert "VIR-7" in page
    assert "179,96\u00a0$" in page  # 114,98 × 2 − 50,00


def test_a_period_that_ends_before_it_starts_is_refused(client, world):
    response = signed_in(client, world.user("finance")).get(
        url("billing:statement", world.scene.organisation.code),
        {"start": "2020-07-31", "end": "2020-07-01"},
    )
    assert "La fin de la période précède son début." in response.content.decode()


def test_an_unknown_organisation_is_a_404(client, world):
    response = signed_in(client, world.user("finance")).get(url("billing:statement", "NOPE"))
    assert response.status_code == 404


def test_the_statement_costs_the_same_queries_however_many_documents(
    client, world, django_assert_num_queries
):
    signed_in(client, world.user("finance"))
    code = world.scene.organisation.code
    query = {"start": "2020-04-01", "end": "2021-03-31"}
    with django_assert_num_queries(8):
        client.get(url("billing:statement", code), query)
    for day in range(1, 6):
        invoice = issued_invoice(world.scene.organisation, issued_on=dt.date(2020, 9, day))
        PaymentFactory(invoice=invoice, date=dt.date(2020, 9, day))
    with django_assert_num_queries(8):
        client.get(url("billing:statement", code), query)


def test_the_receivables_pages_are_in_english_under_en(client, world):
    signed_in(client, world.user("finance"))
    aged = client.get(url("billing:aged_balance", language="en"), {"on": "2020-08-15"})
    assert "Aged balance on August 15, 2020" in aged.content.decode()
    statement = client.get(url("billing:statement", world.scene.organisation.code, language="en"))
    assert "Statement of account — Coopérative du Fjord" in statement.content.decode()


def test_the_aged_balance_exports_as_csv_on_its_date(client, world):
    response = signed_in(client, world.user("finance")).get(
        url("billing:aged_balance"), {"on": "2020-08-15", "format": "csv"}
    )
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    assert response["Content-Disposition"].startswith(
        'attachment; filename="soldes-ages-2020-08-15'
    )
    assert content.splitlines()[1] == "FJORD,Coopérative du Fjord,0.00,229.96,0.00,0.00,229.96"


@pytest.mark.parametrize(("who", "status"), [("finance", 200), ("director", 403), ("owner", 403)])
def test_only_finance_looks_up_a_statement(client, world, who, status):
    response = signed_in(client, world.user(who)).get(url("billing:statement_pick"))
    assert response.status_code == status


@pytest.mark.parametrize("wanted", ["fjord", "du fjo", "Coopérative du Fjord"])
def test_a_code_or_a_name_that_names_one_organisation_opens_its_statement(client, world, wanted):
    response = signed_in(client, world.user("finance")).get(
        url("billing:statement_pick"), {"organisation": wanted}
    )
    assert response["Location"] == url("billing:statement", "FJORD")


def test_a_name_several_organisations_share_lists_them(client, world):
    OrganisationFactory(code="FJORD2", name="Fjord du Nord")
    page = (
        signed_in(client, world.user("finance"))
        .get(url("billing:statement_pick"), {"organisation": "du"})
        .content.decode()
    )
    assert url("billing:statement", "FJORD2") in page
    assert url("billing:statement", "FJORD") in page


def test_a_name_no_organisation_has_says_so(client, world):
    page = (
        signed_in(client, world.user("finance"))
        .get(url("billing:statement_pick"), {"organisation": "zzz"})
        .content.decode()
    )
    assert "Aucune organisation ne porte ce code ni ce nom." in page
