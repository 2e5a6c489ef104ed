"""GST and QST to the cent, computed by hand: each tax on the taxable amount after discount,
rounded half up, never through a float."""

from decimal import Decimal

import pytest

from consortium.billing.models import TaxCode
from consortium.billing.taxes import Line, invoice_totals

D = Decimal


def taxable(*amounts: str) -> list[Line]:
    return [Line(D(amount), TaxCode.TAXABLE) for amount in amounts]


@pytest.mark.parametrize(
    ("amount", "gst", "qst", "total"),
    [
        ("100.00", "5.00", "9.98", "114.98"),  # 9,975 → 9,98: half up
        ("140.00", "7.00", "13.97", "160.97"),  # 13,965 → 13,97
        ("8180.00", "409.00", "815.96", "9404.96"),  # 815,955 → 815,96
        ("0.10", "0.01", "0.01", "0.12"),  # 0,005 → 0,01 and 0,009975 → 0,01
    ],
)
def test_each_tax_is_rounded_half_up_to_the_cent(amount, gst, qst, total):
    totals = invoice_totals(taxable(amount))
    assert (totals.gst, totals.qst, totals.total) == (D(gst), D(qst), D(total))


def test_taxes_are_computed_on_the_invoice_not_summed_line_by_line():
    # Line by line, three 0,10 $ lines would give 3 × 0,01 $ of GST; on the total, 0,02 $.
    totals = invoice_totals(taxable("0.10", "0.10", "0.10"))
    assert totals.taxable == D("0.30")
    assert totals.gst == D("0.02")  # 0,015 → 0,02
    assert totals.qst == D("0.03")  # 0,029925 → 0,03


def test_a_discount_is_taken_before_the_taxes():
    # Three lines, 10 %: 1 234,56 + 789,00 + 45,45 = 2 069,01; discount 206,90 (206,901).
    totals = invoice_totals(taxable("1234.56", "789.00", "45.45"), D("10"))
    assert totals.subtotal == D("2069.01")
    assert totals.discount == D("206.90")
    assert totals.taxable == D("1862.11")
    assert totals.gst == D("93.11")  # 93,1055
    assert totals.qst == D("185.75")  # 185,745…
    assert totals.total == D("2069.01") - D("206.90") + D("93.11") + D("185.75")


def test_zero_rated_and_exempt_lines_are_not_taxed():
    lines = [
        Line(D("100.00"), TaxCode.TAXABLE),
        Line(D("50.00"), TaxCode.ZERO_RATED),
        Line(D("25.00"), TaxCode.EXEMPT),
    ]
    totals = invoice_totals(lines)
    assert totals.subtotal == D("175.00")
    assert totals.taxable == D("100.00")
    assert totals.total == D("189.98")


def test_a_line_in_cents_never_passes_through_a_float():
    totals = invoice_totals(taxable("0.1", "0.2"))
    assert totals.subtotal == D("0.30")
    assert isinstance(totals.qst, Decimal)
