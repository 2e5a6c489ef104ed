"""Reading the dates, times, durations and numbers of other tools' exports."""

import datetime as dt
from decimal import Decimal

import pytest

from consortium.imports.errors import ErrorList
from consortium.imports.importers.tools.values import (
    DateReader,
    clock_hours,
    fold,
    hours_between,
    read_duration,
    read_number,
    read_time,
)


def _reader(*texts: str, order: str | None = None) -> tuple[DateReader, ErrorList]:
    errors = ErrorList("f.csv")
    reader = DateReader(errors, order)
    for line, text in enumerate(texts, start=2):
        reader.note(line, "Date", text)
    return reader, errors


def test_a_day_over_twelve_in_first_place_makes_the_whole_file_day_first():
    reader, _errors = _reader("03/04/2025", "13/04/2025")
    assert reader.decide()
    assert reader.read("03/04/2025") == dt.date(2025, 4, 3)


def test_a_day_over_twelve_in_second_place_makes_the_whole_file_month_first():
    reader, _errors = _reader("03/04/2025", "04/13/2025")
    assert reader.decide()
    assert reader.read("03/04/2025") == dt.date(2025, 3, 4)
    assert reader.read("3/4/25") == dt.date(2025, 3, 4)


def test_a_file_whose_every_slashed_date_reads_both_ways_is_refused_with_its_lines():
    reader, errors = _reader("2025-01-01", "03/04/2025", "05/06/2025", "07/07/2025")
    assert not reader.decide()
    [error] = errors.sorted()
    assert error.line == 3
    assert "03/04/2025" in error.message and "3, 4" in error.message


def test_a_file_mixing_both_orders_is_refused_naming_the_lines_of_each():
    reader, errors = _reader("13/04/2025", "04/13/2025")
    assert not reader.decide()
    assert "2" in errors.sorted()[0].message and "3" in errors.sorted()[0].message


def test_the_order_given_settles_an_ambiguous_file():
    reader, _errors = _reader("03/04/2025", order="mdy")
    assert reader.decide()
    assert reader.read("03/04/2025") == dt.date(2025, 3, 4)


def test_iso_and_dotted_dates_need_no_order():
    reader, _errors = _reader("2025-03-04", "04.03.2025")
    assert reader.decide()
    assert reader.read("04.03.2025") == dt.date(2025, 3, 4)
    assert reader.read("2025-02-30") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("09:05", dt.time(9, 5)),
        ("9:05:30", dt.time(9, 5, 30)),
        ("2:00 PM", dt.time(14, 0)),
        ("12:15 am", dt.time(0, 15)),
        ("12:15 PM", dt.time(12, 15)),
        ("2025-03-04 16:00:00", dt.time(16, 0)),
        ("24:00", None),
        ("13:00 PM", None),
        ("midi", None),
    ],
)
def test_times_of_day_are_read_in_24_and_12_hours(text, expected):
    assert read_time(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1.5", Decimal("1.5")),
        ("1,5", Decimal("1.5")),
        ("2.000,0", Decimal("2000.0")),
        ("1,234.50", Decimal("1234.50")),
        ("1 234,5", Decimal("1234.5")),
        ("1.234.567", Decimal("1234567")),
        ("abc", None),
        ("", None),
    ],
)
def test_numbers_are_read_with_a_point_or_a_comma_and_thousands(text, expected):
    assert read_number(text) == expected


def test_durations_in_hours_and_minutes_or_seconds():
    assert clock_hours("3:30") == Decimal("3.5")
    assert clock_hours("03:30:00") == Decimal("3.5")
    assert clock_hours("125:00:00") == Decimal(125)
    assert clock_hours("1:75") is None


def test_an_entry_crossing_midnight_lasts_until_the_next_day():
    assert hours_between(dt.time(23, 0), dt.time(0, 15)) == Decimal("1.25")


def test_names_compare_without_accents_case_or_extra_spaces():
    assert fold("  MOREAU   Inès ") == fold("moreau ines")


def test_dashed_dates_with_the_year_last_are_read_like_slashed_ones():
    reader, _errors = _reader("13-03-2025", "03-04-2025")
    assert reader.decide()
    assert reader.read("03-04-2025") == dt.date(2025, 4, 3)


def test_a_duration_is_a_clock_or_a_number_as_the_user_chose():
    assert read_duration("2:30") == Decimal("2.5")
    assert read_duration("2,50") == Decimal("2.50")
    assert read_duration("2h30") is None
