"""`consortium ristourne propose` prints and exports the allocation; `consortium ristourne
adopt` turns it into credit notes; bad input is refused in French, nothing written."""

import datetime as dt
import io
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from consortium.billing.models import Invoice, Ristourne
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


def run(*arguments: str) -> str:
    out = io.StringIO()
    call_command("ristourne", *arguments, stdout=out)
    return out.getvalue()


@pytest.fixture(autouse=True)
def members():
    BillingSettingsFactory()
    FiscalYearFactory(name="2020-2021")
    for code, name, amount, category in (
        ("GRAND", "Coop, Grand", "6000.00", "fully_managed"),
        ("PETIT", "=Petit", "3000.00", "user"),
    ):
        organisation = OrganisationFactory(code=code, name=name)
        MembershipFactory(organisation=organisation, category=category)
        draft = DraftInvoiceFactory(organisation=organisation)
        InvoiceLineFactory(invoice=draft, amount=Decimal(amount))
        issue_for_tests(draft, on=dt.date(2020, 9, 1))


def test_propose_prints_the_allocation_and_writes_it_as_csv(tmp_path):
    path = tmp_path / "ristourne.csv"
    out = run("propose", "--year", "2020-2021", "--amount", "1 000,00", "-o", str(path))
    assert "Ristourne 2020-2021 proposée : 1\u00a0000,00\u00a0$ entre 2 membres." in out
    assert "666,67\u00a0$" in out
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == (
        "\ufeffcode d'organisation,organisation,catégorie de membre,affaires de l'exercice,"
        "part (%),montant,note de crédit"
    )
    assert lines[1] == 'GRAND,"Coop, Grand",membre sous entière gestion,6000.00,66.67,666.67,'
    assert lines[2] == "PETIT,'=Petit,membre utilisateur,3000.00,33.33,333.33,"


def test_adopt_issues_a_credit_note_per_member_and_lists_them(tmp_path):
    run("propose", "--year", "2020-2021", "--amount", "1000")
    path = tmp_path / "adoptee.csv"
    out = run("adopt", "--year", "2020-2021", "--on", "2021-06-15", "-o", str(path))
    assert "Ristourne 2020-2021 adoptée le 2021-06-15 : 2 notes de crédit émises." in out
    assert Invoice.objects.filter(credit_reason="ristourne", status="issued").count() == 2
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[1].endswith(",666.67,NC-2021-2022-0001")
    assert lines[2].endswith(",333.33,NC-2021-2022-0002")


def test_propose_refuses_an_amount_that_is_not_one():
    with pytest.raises(CommandError, match="--amount : « mille » n'est pas un montant"):
        run("propose", "--year", "2020-2021", "--amount", "mille")
    assert not Ristourne.objects.exists()


def test_adopt_refuses_a_year_without_a_proposal():
    with pytest.raises(CommandError, match="Aucune ristourne proposée pour l'exercice 2019-2020"):
        run("adopt", "--year", "2019-2020")


def test_adopt_refuses_a_day_within_the_year():
    run("propose", "--year", "2020-2021", "--amount", "1000")
    with pytest.raises(CommandError, match="après la fin de son exercice"):
        run("adopt", "--year", "2020-2021", "--on", "2021-01-15")
    assert not Invoice.objects.filter(credit_reason="ristourne").exists()
