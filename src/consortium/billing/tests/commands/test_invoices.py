import datetime as dt
import io
import json
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from consortium.billing.models import BillingSettings, Invoice, InvoiceStatus
from consortium.billing.taxes import GST_RATE, QST_RATE
from consortium.core.money import cents
from consortium.members.models import MemberCategory
from consortium.testing.factories import (
    ApprovedWeekFactory,
    BillingSettingsFactory,
    ExpertFactory,
    MandateFactory,
    MembershipFactory,
    OrganisationFactory,
    RateFactory,
    TimeEntryFactory,
)

pytestmark = pytest.mark.django_db
MONDAY = dt.date(2020, 6, 1)


def invoices(*arguments: str) -> str:
    out = io.StringIO()
    call_command("invoices", *arguments, stdout=out, stderr=io.StringIO())
    return out.getvalue()


@pytest.fixture
def hours():
    """Two members with approved hours in June 2020, and one mandate without a rate."""
    BillingSettingsFactory()
    RateFactory(member_category=MemberCategory.USER, hourly_rate=Decimal("97.35"))
    expert = ExpertFactory()
    ApprovedWeekFactory(expert=expert, week_start=MONDAY)
    for code, amount in (("FJORD", "7.25"), ("BAIE", "3.5")):
        organisation = OrganisationFactory(code=code)
        MembershipFactory(organisation=organisation)
        mandate = MandateFactory(code=f"M-{code}", organisation=organisation)
        TimeEntryFactory(expert=expert, mandate=mandate, date=MONDAY, hours=Decimal(amount))
    TimeEntryFactory(expert=expert, mandate=MandateFactory(code="M-SANS"), date=MONDAY)


def test_draft_makes_the_drafts_and_names_what_it_left_out(hours):
    err = io.StringIO()
    out = io.StringIO()
    call_command("invoices", "draft", "--through", "2020-06-30", stdout=out, stderr=err)

    assert "Brouillons : 2 créés, 0 complétés; 10.75 h" in out.getvalue()
    assert "Mandat M-SANS, catégorie « non-membre » : aucun tarif" in err.getvalue()


def test_issue_all_then_list_as_json_with_taxes_to_the_cent(hours):
    invoices("draft", "--through", "2020-06-30")

    assert "Factures émises : 2." in invoices("issue", "--all", "--on", "2020-07-02")
    rows = json.loads(invoices("list", "--year", "2020-2021", "--format", "json"))

    assert [row["number"] for row in rows] == ["2020-2021-0001", "2020-2021-0002"]
    for row in rows:
        taxable = Decimal(row["taxable"])
        assert Decimal(row["gst"]) == cents(taxable * GST_RATE)
        assert Decimal(row["qst"]) == cents(taxable * QST_RATE)
        assert row["member_category"] == "user"
        assert row["lines"][0]["rate"] == "97.35"
    assert {row["organisation_code"]: row["subtotal"] for row in rows} == {
        "FJORD": "705.79",  # 7,25 h × 97,35 $ = 705,7875 $
        "BAIE": "340.73",  # 3,5 h × 97,35 $ = 340,725 $
    }


def test_issue_names_drafts_that_do_not_exist(hours):
    with pytest.raises(CommandError, match="Aucun brouillon n° 999"):
        invoices("issue", "--draft", "999")


def test_issue_some_drafts_only(hours):
    invoices("draft", "--through", "2020-06-30")
    first = Invoice.objects.order_by("pk").first()

    invoices("issue", "--draft", str(first.pk), "--on", "2020-07-02")

    assert list(Invoice.objects.order_by("pk").values_list("status", flat=True)) == [
        InvoiceStatus.ISSUED,
        InvoiceStatus.DRAFT,
    ]


def test_a_wrong_date_or_year_is_a_clear_error():
    with pytest.raises(CommandError, match="« 30/06/2020 » n'est pas une date AAAA-MM-JJ"):
        invoices("draft", "--through", "30/06/2020")
    with pytest.raises(CommandError, match="n'est pas un exercice"):
        invoices("list", "--year", "2020")


def test_the_table_lists_number_organisation_and_total(hours):
    invoices("draft", "--through", "2020-06-30")
    invoices("issue", "--all", "--on", "2020-07-02")

    table = invoices("list", "--year", "2020-2021")

    # 705,79 $ + GST 35,29 $ (35,2895) + QST 70,40 $ (70,4025) = 811,48 $
    assert "2020-2021-0001" in table and "FJORD" in table and "811.48" in table


def test_messages_in_english_on_request(hours):
    out = invoices("--lang", "en", "draft", "--through", "2020-06-30")

    assert "Drafts: 2 created, 0 extended; 10.75 h" in out


def test_issuing_without_the_settings_says_what_to_fill(hours):
    invoices("draft", "--through", "2020-06-30")
    BillingSettings.objects.filter(pk=1).update(gst_number="")

    with pytest.raises(CommandError, match="remplissez numéro de TPS dans l'administration"):
        invoices("issue", "--all")
    assert not Invoice.objects.exclude(status=InvoiceStatus.DRAFT).exists()
