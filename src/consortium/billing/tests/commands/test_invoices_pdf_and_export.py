"""`consortium invoices pdf NUMBER -o FILE` prints an issued document; `consortium invoices
export --from --to -o FILE.csv` writes the period's journal; bad input is refused in French."""

import datetime as dt
import io
from decimal import Decimal

import pypdf
import pytest
from django.core.management import CommandError, call_command

from consortium.testing.factories import (
    BillingSettingsFactory,
    DraftInvoiceFactory,
    InvoiceLineFactory,
    OrganisationFactory,
    PaymentFactory,
    issue_for_tests,
)

pytestmark = pytest.mark.django_db


def run(*arguments: str) -> str:
    out = io.StringIO()
    call_command("invoices", *arguments, stdout=out)
    return out.getvalue()


@pytest.fixture
def invoice():
    BillingSettingsFactory()
    draft = DraftInvoiceFactory(organisation=OrganisationFactory(name="Coopérative du Nord"))
    InvoiceLineFactory(invoice=draft, hours=None, rate=None, amount=Decimal("8180.00"))
    return issue_for_tests(draft, on=dt.date(2020, 6, 10))


def test_pdf_writes_the_invoice_by_its_number(invoice, tmp_path):
    path = tmp_path / "facture.pdf"
    out = run("pdf", "2020-2021-0001", "-o", str(path))
    assert "2020-2021-0001 écrite dans" in out
    text = " ".join(page.extract_text() for page in pypdf.PdfReader(path).pages)
    assert "Coopérative du Nord" in text
    assert "815,96" in text  # 8 180,00 $ × 9,975 %


def test_pdf_refuses_a_number_that_is_no_document(invoice, tmp_path):
    with pytest.raises(CommandError, match="Aucune facture ni note de crédit n° 2020-2021-0099"):
        run("pdf", "2020-2021-0099", "-o", str(tmp_path / "f.pdf"))


def test_export_writes_the_journal_of_the_period(invoice, tmp_path):
    PaymentFactory(invoice=invoice, date=dt.date(2020, 6, 30), amount=Decimal("1000.00"))
    path = tmp_path / "journal.csv"
    out = run("export", "--from", "2020-06-01", "--to", "2020-06-30", "-o", str(path))
    assert "2 écritures (6 lignes)" in out
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 7
    assert lines[1].startswith("1,2020-06-10,2020-2021-0001,1100,9404.96,0.00,")
    assert lines[-1].startswith("2,2020-06-30,2020-2021-0001,1100,0.00,1000.00,")


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [
        ("2020-13-01", "2020-06-30", "--from : « 2020-13-01 » n'est pas une date AAAA-MM-JJ."),
        ("2020-06-30", "2020-06-01", "La période se termine avant de commencer."),
    ],
)
def test_export_refuses_a_bad_period(start, end, message, tmp_path):
    with pytest.raises(CommandError, match=message):
        run("export", "--from", start, "--to", end, "-o", str(tmp_path / "j.csv"))
