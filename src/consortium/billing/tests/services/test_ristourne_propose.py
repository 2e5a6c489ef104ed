"""A proposed ristourne shares the board's amount among the members in proportion to the
business each did that year, to the cent, the leftover cents to the largest shares."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from consortium.billing.models import BillingSettings, Ristourne, RistourneStatus
from consortium.billing.services.ristournes import ristourne_propose
from consortium.testing.factories import (
    BillingSettingsFactory,
    CreditNoteFactory,
    DraftInvoiceFactory,
    FiscalYearFactory,
    InvoiceLineFactory,
    MembershipFactory,
    OrganisationFactory,
    issue_for_tests,
)

pytestmark = pytest.mark.django_db

YEAR = "2020-2021"


def member(code: str, category: str, **dates):
    organisation = OrganisationFactory(code=code)
    MembershipFactory(organisation=organisation, category=category, **dates)
    return organisation


def invoiced(organisation, amount: str, *, on=dt.date(2020, 9, 15), **fields):
    draft = DraftInvoiceFactory(organisation=organisation, **fields)
    InvoiceLineFactory(invoice=draft, hours=None, rate=None, amount=Decimal(amount))
    return issue_for_tests(draft, on=on)


def allocation(ristourne: Ristourne) -> dict[str, tuple[str, str]]:
    return {
        row.organisation.code: (f"{row.business:.2f}", f"{row.amount:.2f}")
        for row in ristourne.allocations.select_related("organisation")
    }


@pytest.fixture
def year():
    return FiscalYearFactory(name=YEAR)


@pytest.fixture
def members(year):
    BillingSettingsFactory()
    organisations = {
        "GEST": member("GEST", "fully_managed"),
        "UTIL": member("UTIL", "user"),
        "AUXI": member("AUXI", "auxiliary"),
        "SOUT": member("SOUT", "support"),
        "NONM": OrganisationFactory(code="NONM"),
    }
    for code, amount in (
        ("GEST", "6000.00"),
        ("UTIL", "3000.00"),
        ("AUXI", "1000.00"),
        ("SOUT", "500.00"),
        ("NONM", "2000.00"),
    ):
        invoiced(organisations[code], amount)
    return organisations


def test_members_share_in_proportion_to_their_business_and_the_cents_add_up(members, finance):
    ristourne = ristourne_propose(fiscal_year=YEAR, amount=Decimal("1000.00"), user=finance)
    # 6 000 / 9 000 = 666,666… and 3 000 / 9 000 = 333,333…: the leftover cent to the largest.
    assert allocation(ristourne) == {
        "GEST": ("6000.00", "666.67"),
        "UTIL": ("3000.00", "333.33"),
    }
    assert ristourne.status == RistourneStatus.PROPOSED
    assert ristourne.proposed_by == finance
    assert not ristourne.includes_auxiliary


def test_auxiliary_members_share_when_the_by_laws_say_so(members):
    BillingSettings.objects.filter(pk=1).update(ristourne_includes_auxiliary=True)
    ristourne = ristourne_propose(fiscal_year=YEAR, amount=Decimal("1000.00"))
    assert ristourne.includes_auxiliary
    assert allocation(ristourne) == {
        "GEST": ("6000.00", "600.00"),
        "UTIL": ("3000.00", "300.00"),
        "AUXI": ("1000.00", "100.00"),
    }
    shares = {row.organisation.code: row.share for row in ristourne.allocations.all()}
    assert shares["GEST"] == Decimal("0.6")


def test_credit_notes_reduce_the_business_but_an_earlier_ristourne_does_not(members):
    invoice = members["UTIL"].invoices.get()
    note = CreditNoteFactory(organisation=members["UTIL"], credited_invoice=invoice)
    InvoiceLineFactory(invoice=note, hours=None, rate=None, amount=Decimal("1000.00"))
    issue_for_tests(note, on=dt.date(2020, 10, 1))
    earlier = CreditNoteFactory(
        organisation=members["GEST"],
        credited_invoice=members["GEST"].invoices.get(),
        credit_reason="ristourne",
    )
    InvoiceLineFactory(invoice=earlier, hours=None, rate=None, amount=Decimal("999.00"))
    issue_for_tests(earlier, on=dt.date(2020, 10, 1))
    ristourne = ristourne_propose(fiscal_year=YEAR, amount=Decimal("800.00"))
    assert allocation(ristourne) == {
        "GEST": ("6000.00", "600.00"),
        "UTIL": ("2000.00", "200.00"),
    }


def test_the_category_is_the_one_of_the_years_last_day_and_other_years_do_not_count(year):
    BillingSettingsFactory()
    joined_late = member("TARD", "user", start=dt.date(2021, 3, 31))
    left_early = member("PART", "user", start=dt.date(2015, 1, 1), end=dt.date(2021, 3, 30))
    always = member("TOUJ", "user")
    for organisation in (joined_late, left_early, always):
        invoiced(organisation, "100.00")
    invoiced(always, "500.00", on=dt.date(2021, 4, 1))
    ristourne = ristourne_propose(fiscal_year=YEAR, amount=Decimal("90.00"))
    assert allocation(ristourne) == {"TARD": ("100.00", "45.00"), "TOUJ": ("100.00", "45.00")}


def test_seven_equal_shares_of_100_dollars_add_up_to_100_dollars(year):
    BillingSettingsFactory()
    for index in range(7):
        invoiced(member(f"EGAL{index}", "user"), "100.00")
    ristourne = ristourne_propose(fiscal_year=YEAR, amount=Decimal("100.00"))
    amounts = [row.amount for row in ristourne.allocations.order_by("organisation__code")]
    assert amounts == [Decimal("14.29")] * 4 + [Decimal("14.28")] * 3
    assert sum(amounts) == Decimal("100.00")


def test_proposing_again_replaces_the_allocation(members):
    ristourne_propose(fiscal_year=YEAR, amount=Decimal("1000.00"))
    ristourne = ristourne_propose(fiscal_year=YEAR, amount=Decimal("90.00"))
    assert Ristourne.objects.count() == 1
    assert allocation(ristourne) == {"GEST": ("6000.00", "60.00"), "UTIL": ("3000.00", "30.00")}


def test_an_adopted_ristourne_never_changes(members):
    ristourne = ristourne_propose(fiscal_year=YEAR, amount=Decimal("1000.00"))
    Ristourne.objects.filter(pk=ristourne.pk).update(
        status=RistourneStatus.ADOPTED, adopted_on=dt.date(2021, 6, 15)
    )
    with pytest.raises(ValidationError, match="La ristourne de l'exercice 2020-2021 est adoptée"):
        ristourne_propose(fiscal_year=YEAR, amount=Decimal("5.00"))
    assert allocation(ristourne)["GEST"] == ("6000.00", "666.67")


@pytest.mark.parametrize("amount", ["0.00", "-5.00", "10.005"])
def test_an_amount_that_is_not_positive_to_the_cent_is_refused(members, amount):
    with pytest.raises(ValidationError, match="un montant positif, au cent près"):
        ristourne_propose(fiscal_year=YEAR, amount=Decimal(amount))
    assert not Ristourne.objects.exists()


def test_a_year_without_business_with_members_is_refused(year):
    BillingSettingsFactory()
    invoiced(OrganisationFactory(), "100.00")
    with pytest.raises(ValidationError, match="Aucun membre n'a fait affaire"):
        ristourne_propose(fiscal_year=YEAR, amount=Decimal("10.00"))
    assert not Ristourne.objects.exists()


def test_an_unknown_year_is_refused(db):
    with pytest.raises(ValidationError, match="L'exercice 1999-2000 n'existe pas"):
        ristourne_propose(fiscal_year="1999-2000", amount=Decimal("10.00"))


def test_the_allocation_takes_the_same_queries_for_many_members(year, django_assert_num_queries):
    BillingSettingsFactory()
    for index in range(30):
        invoiced(member(f"NOMB{index:02d}", "user"), f"{100 + index}.00")
    # The year, its lock, the ristourne, the settings, the business (one query), the checks of the
    # ristourne's row, its insert, the allocations' delete and insert: none per member.
    with django_assert_num_queries(21):
        ristourne = ristourne_propose(fiscal_year=YEAR, amount=Decimal("1000.00"))
    assert ristourne.allocations.count() == 30
