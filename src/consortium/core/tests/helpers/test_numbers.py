"""The shared figures: hours to the cent, percentages and changes to one decimal, half up."""

from decimal import Decimal

import pytest

from consortium.core.numbers import (
    LARGEST_ID,
    change_percent,
    hours_to_cents,
    id_from_text,
    percentage,
    ratio,
)


def test_hours_summed_as_floats_come_back_to_the_cent():
    assert hours_to_cents(0.1 + 0.2) == Decimal("0.30")
    assert hours_to_cents(None) == Decimal("0.00")


def test_a_percentage_has_one_decimal_rounded_half_up():
    assert percentage(1, 8) == Decimal("12.5")
    assert percentage(Decimal("1"), Decimal("3")) == Decimal("33.3")
    assert percentage(Decimal("0.25"), Decimal("1000")) == Decimal("0.0")
    assert percentage(Decimal("0.5"), Decimal("1000")) == Decimal("0.1")


def test_nothing_to_divide_by_gives_no_figure():
    assert percentage(5, 0) is None
    assert ratio(5, None) is None
    assert change_percent(Decimal(5), Decimal(0)) is None


def test_a_change_on_the_prior_year_is_signed():
    assert change_percent(Decimal(116), Decimal(100)) == Decimal("16.0")
    assert change_percent(Decimal(2), Decimal(3)) == Decimal("-33.3")


@pytest.mark.parametrize(
    ("text", "row_id"),
    [
        ("1", 1),
        ("42", 42),
        (str(LARGEST_ID), LARGEST_ID),
        (str(LARGEST_ID + 1), None),
        ("100000000000000000000000", None),
        ("0", None),
        ("", None),
        ("-3", None),
        ("٣", None),
        ("1e3", None),
    ],
)
def test_an_id_in_an_address_is_a_row_s_id_or_none(text, row_id):
    assert id_from_text(text) == row_id
