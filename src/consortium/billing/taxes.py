"""GST and QST to the cent, on the taxable subtotal after the discount.

Revenu Québec's rule: each tax is computed on the taxable amount of the whole invoice and rounded
half up to the cent; the two taxes are computed separately (the QST is not charged on the GST
since 2013). Taxable, zero-rated and exempt lines: only taxable lines are taxed; a discount
reduces every line in proportion, so the taxable amount is the taxable lines' sum less its share
of the discount. `Decimal` only.

    >>> invoice_totals([Line(Decimal("100.00"), TaxCode.TAXABLE)]).total
    Decimal('114.98')
"""

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from consortium.billing.models import TaxCode
from consortium.core.money import ZERO, cents

GST_RATE = Decimal("0.05")
QST_RATE = Decimal("0.09975")
HUNDRED = Decimal("100")


@dataclass(frozen=True)
class Line:
    amount: Decimal
    tax_code: str


@dataclass(frozen=True)
class Totals:
    subtotal: Decimal  # every line
    discount: Decimal  # the discount, as a positive amount
    taxable: Decimal  # the taxable lines after their share of the discount
    gst: Decimal
    qst: Decimal
    total: Decimal  # subtotal − discount + gst + qst


def invoice_totals(lines: Iterable[Line], discount_percent: Decimal = ZERO) -> Totals:
    """The amounts of a document whose lines are `lines` and whose discount is a percentage."""
    lines = list(lines)
    subtotal = sum((line.amount for line in lines), ZERO)
    taxable_lines = sum((line.amount for line in lines if line.tax_code == TaxCode.TAXABLE), ZERO)
    rate = Decimal(discount_percent) / HUNDRED
    discount = cents(subtotal * rate)
    taxable = taxable_lines - cents(taxable_lines * rate)
    gst, qst = cents(taxable * GST_RATE), cents(taxable * QST_RATE)
    return Totals(
        subtotal=cents(subtotal),
        discount=discount,
        taxable=cents(taxable),
        gst=gst,
        qst=qst,
        total=cents(subtotal - discount + gst + qst),
    )
