"""Amounts as the accounting system exports them."""

from decimal import Decimal

import pytest

from consortium.core.money import parse_amount


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("1234.56", "1234.56"),
        ("1234,56", "1234.56"),
        ("1 234,56 $", "1234.56"),
        ("1\u00a0234\u202f567,5\u00a0$", "1234567.5"),
        ("$1,234.56", "1234.56"),
        ("1.234,56", "1234.56"),
        ("-250", "-250"),
        ("(250,00)", "-250.00"),
        ("4 571 674 $", "4571674"),
    ],
)
def test_it_reads_the_amounts_accountants_write(text, amount):
    assert parse_amount(text) == Decimal(amount)


@pytest.mark.parametrize("text", ["douze", "1,2,3", "12$34x", "--5", ""])
def test_it_refuses_what_is_not_an_amount(text):
    with pytest.raises(ValueError, match="n'est pas un montant"):
        parse_amount(text)


def test_it_refuses_fractions_of_a_cent():
    with pytest.raises(ValueError, match="au plus deux décimales"):
        parse_amount("1,234")
