"""The figures every area computes the same way: hours to the cent, percentages and changes on
the prior year to one decimal, rounded half up as people round (2,25 → 2,3)."""

from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")
# The largest id a row can have (a 64-bit signed integer on SQLite and PostgreSQL alike).
LARGEST_ID = 2**63 - 1
TENTH = Decimal("0.1")


def as_decimal(value: Decimal | float | int) -> Decimal:
    """A Decimal of `value`; SQLite sums decimals as floats, whose repr keeps the stored digits."""
    return Decimal(repr(value)) if isinstance(value, float) else Decimal(value)


def hours_to_cents(value: Decimal | float | int | None) -> Decimal:
    """Hours as a Decimal with two places (0.00 for none).

    SQLite sums the hours as floats; their error is far below a cent even over millions of rows,
    so rounding to the cent gives back the exact sum.
    """
    if value is None:
        return Decimal("0.00")
    return as_decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)


def ratio(
    numerator: Decimal | float | int, denominator: Decimal | float | int | None
) -> Decimal | None:
    """numerator ÷ denominator to one decimal; None when there is nothing to divide by."""
    if not denominator:
        return None
    return (as_decimal(numerator) / as_decimal(denominator)).quantize(TENTH, rounding=ROUND_HALF_UP)


def percentage(part: Decimal | float | int, whole: Decimal | float | int | None) -> Decimal | None:
    """part ÷ whole in %, one decimal; None when the whole is nothing."""
    if not whole:
        return None
    return (as_decimal(part) * 100 / as_decimal(whole)).quantize(TENTH, rounding=ROUND_HALF_UP)


def change_percent(current: Decimal, prior: Decimal | None) -> Decimal | None:
    """Change from the prior figure in % (current ÷ prior − 1), one decimal; None when there was
    nothing to compare with."""
    if not prior:
        return None
    return ((current - prior) * 100 / prior).quantize(TENTH, rounding=ROUND_HALF_UP)


def id_from_text(text: str) -> int | None:
    """The row id written in `text` (ASCII digits, 1..LARGEST_ID); None for anything else, so
    that a huge number in an address finds nothing instead of overflowing the database."""
    if not (text.isascii() and text.isdigit()) or len(text) > len(str(LARGEST_ID)):
        return None
    value = int(text)
    return value if 1 <= value <= LARGEST_ID else None
