"""Money: amounts to the cent, rounded half up, and amounts as the accounting system exports them
("1 234,56 $", "1234.56", "(250,00)"). `Decimal` only: a float never holds money."""

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.utils.translation import gettext as _

CENT = Decimal("0.01")
ZERO = Decimal("0.00")
# The keyword arguments of every money column: up to 999 999 999 999,99 $.
MONEY = {"max_digits": 14, "decimal_places": 2}


def cents(amount: Decimal) -> Decimal:
    """`amount` rounded to the cent, half up (0,005 $ → 0,01 $), as Revenu Québec rounds taxes."""
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


_SPACES = re.compile(r"[\s\u00a0\u202f]")


def parse_amount(text: str) -> Decimal:
    """A money amount with a decimal comma or point, spaces or a `$` anywhere; a leading minus
    or accounting parentheses make it negative. Raises ValueError with a message for the user.

    With both a comma and a point, the last one is the decimal separator and the other groups
    thousands ("1,234.56", "1.234,56"). A lone comma is decimal, as in French.
    """
    cleaned = _SPACES.sub("", text).replace("$", "")
    negative = cleaned.startswith("(") and cleaned.endswith(")")
    if negative:
        cleaned = cleaned[1:-1]
    if "," in cleaned and "." in cleaned:
        decimal_mark = "," if cleaned.rfind(",") > cleaned.rfind(".") else "."
        thousands = "." if decimal_mark == "," else ","
        cleaned = cleaned.replace(thousands, "")
    cleaned = cleaned.replace(",", ".")
    invalid = _("« %(value)s » n'est pas un montant.") % {"value": text}
    if not re.fullmatch(r"-?\d+(\.\d+)?", cleaned):
        raise ValueError(invalid)
    try:
        amount = Decimal(cleaned)
    except InvalidOperation as error:
        raise ValueError(invalid) from error
    if amount != amount.quantize(CENT):
        raise ValueError(
            _("« %(value)s » : un montant a au plus deux décimales.") % {"value": text}
        )
    return -amount if negative else amount
