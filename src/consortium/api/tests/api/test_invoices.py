import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from consortium.billing.models import Invoice, InvoiceKind, InvoiceStatus
from consortium.billing.services.totals import invoice_totals_refresh
from consortium.members.models import MemberCategory
from consortium.testing.factories import (
    ApprovedWeekFactory,
    BillingSettingsFactory,
    DraftInvoiceFactory,
    InvoiceLineFactory,
    MandateFactory,
    MembershipFactory,
    OrganisationFactory,
    RateFactory,
    TimeEntryFactory,
)

pytestmark = pytest.mark.django_db
ISSUE_DAY = dt.date(2020, 7, 2)


def draft(amount="100.00", **values) -> Invoice:
    invoice = DraftInvoiceFactory(**values)
    InvoiceLineFactory(invoice=invoice, amount=Decimal(amount))
    return invoice_totals_refresh(invoice)


@pytest.fixture
def invoice(people):
    BillingSettingsFactory()
    return draft(organisation=OrganisationFactory(code="FJORD"))


@pytest.mark.parametrize("who", ["finance", "administrator"])
def test_finance_and_administrators_list_and_read_invoices(invoice, people, api_as, who):
    client = api_as(getattr(people, who))
    body = client.get("/invoices").json()
    assert [row["id"] for row in body["results"]] == [invoice.pk]
    one = client.get(f"/invoices/{invoice.pk}").json()
    assert one["organisation"] == "FJORD"
    assert len(one["lines"]) == 1


@pytest.mark.parametrize("who", ["owner", "colleague", "outsider", "communications"])
def test_nobody_else_reads_invoices(invoice, people, api_as, who):
    user = getattr(people, who) if who != "outsider" else None
    if user is None:
        from consortium.testing.people import add_outsider

        add_outsider(people)
        user = people.outsider
    client = api_as(user)
    assert client.get("/invoices").status_code == 403
    assert client.get(f"/invoices/{invoice.pk}").status_code == 403
    assert client.post(f"/invoices/{invoice.pk}/issue", {}).status_code == 403


def test_a_director_reads_the_invoices_of_their_departments_and_changes_none(
    invoice, people, api_as
):
    mine = draft(organisation=invoice.organisation)
    InvoiceLineFactory(
        invoice=mine, mandate=MandateFactory(department=people.department), amount=Decimal(50)
    )
    client = api_as(people.director)
    assert [row["id"] for row in client.get("/invoices").json()["results"]] == [mine.pk]
    assert client.get(f"/invoices/{mine.pk}").status_code == 200
    assert client.get(f"/invoices/{invoice.pk}").status_code == 404
    assert client.post(f"/invoices/{mine.pk}/issue", {}).status_code == 403
    assert client.post(f"/invoices/{invoice.pk}/issue", {}).status_code == 404
    assert client.post("/invoices/draft", {"through": "2020-06-30"}).status_code == 403


def test_finance_issues_a_draft_reads_its_pdf_and_cancels_it(invoice, people, api_as):
    client = api_as(people.finance)
    response = client.post(f"/invoices/{invoice.pk}/issue", {"on": ISSUE_DAY.isoformat()})
    assert response.status_code == 200, response.content
    assert response.json()["number"] == "2020-2021-0001"
    assert response.json()["status"] == InvoiceStatus.ISSUED
    pdf = client.get(f"/invoices/{invoice.pk}/pdf")
    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    response = client.post(f"/invoices/{invoice.pk}/cancel", {"on": "2020-07-10"})
    assert response.status_code == 201, response.content
    assert response.json()["kind"] == InvoiceKind.CREDIT_NOTE
    assert response.json()["credited_invoice"] == invoice.pk
    invoice.refresh_from_db()
    assert invoice.status == InvoiceStatus.CANCELLED


def test_issuing_an_issued_invoice_is_422(invoice, people, api_as):
    client = api_as(people.finance)
    client.post(f"/invoices/{invoice.pk}/issue", {"on": ISSUE_DAY.isoformat()})
    response = client.post(f"/invoices/{invoice.pk}/issue", {"on": ISSUE_DAY.isoformat()})
    assert response.status_code == 422
    assert response["Content-Type"] == "application/problem+json"


def test_a_read_only_token_neither_drafts_nor_issues(invoice, people, api_as):
    client = api_as(people.finance, scopes=["invoices:read"])
    assert client.post(f"/invoices/{invoice.pk}/issue", {}).status_code == 403
    assert client.post("/invoices/draft", {"through": "2020-06-30"}).status_code == 403


def test_finance_drafts_the_approved_hours(people, api_as):
    monday = dt.date(2020, 6, 1)
    ApprovedWeekFactory(expert=people.expert, week_start=monday)
    organisation = OrganisationFactory(code="FJORD")
    MembershipFactory(organisation=organisation, category=MemberCategory.USER)
    RateFactory(member_category=MemberCategory.USER, hourly_rate=Decimal("100.00"))
    RateFactory(member_category="non_member", hourly_rate=Decimal("140.00"))
    mandate = MandateFactory(organisation=organisation)
    TimeEntryFactory(expert=people.expert, mandate=mandate, date=monday, hours=Decimal(3))
    response = api_as(people.finance).post(
        "/invoices/draft", {"through": "2020-06-30", "organisations": ["FJORD"]}
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["created"] == 1
    assert Decimal(body["amount"]) == Decimal("300.00")
    unknown = api_as(people.finance).post(
        "/invoices/draft", {"through": "2020-06-30", "organisations": ["NOPE"]}
    )
    assert unknown.status_code == 422
    assert unknown.json()["errors"][0]["field"] == "body.organisations"


def test_the_invoices_list_filters_and_costs_the_same_queries(invoice, people, api_as):
    client = api_as(people.finance)
    client.get("/token")

    def count(size: int) -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/invoices", page_size=size).status_code == 200
        return len(queries)

    # The token, the roles, the count, the page, the lines.
    small = count(1)
    assert small == 5
    for _ in range(5):
        draft(organisation=invoice.organisation)
    assert count(500) == small
    assert client.get("/invoices", organisation="FJORD", status="draft").json()["count"] == 6
    assert client.get("/invoices", kind="credit_note").json()["count"] == 0
