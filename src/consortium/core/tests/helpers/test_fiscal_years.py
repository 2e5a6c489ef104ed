import datetime as dt

import pytest

from consortium.core.fiscal_years import (
    Period,
    fiscal_year_bounds,
    fiscal_year_months,
    fiscal_year_name_for,
    fiscal_year_period,
    is_supported_day,
    month_period,
    next_fiscal_year_name,
    previous_fiscal_year_name,
)
from consortium.core.models import FiscalYear


def test_a_fiscal_year_starts_in_april_by_default():
    assert fiscal_year_bounds("2020-2021") == (dt.date(2020, 4, 1), dt.date(2021, 3, 31))


def test_the_start_month_is_configurable(settings):
    settings.FISCAL_YEAR_START_MONTH = 7
    assert fiscal_year_bounds("2020-2021") == (dt.date(2020, 7, 1), dt.date(2021, 6, 30))
    assert fiscal_year_name_for(dt.date(2021, 6, 30)) == "2020-2021"
    assert fiscal_year_name_for(dt.date(2021, 7, 1)) == "2021-2022"


def test_a_year_starting_in_january_is_the_calendar_year(settings):
    settings.FISCAL_YEAR_START_MONTH = 1
    assert fiscal_year_bounds("2020-2020") == (dt.date(2020, 1, 1), dt.date(2020, 12, 31))


@pytest.mark.parametrize("name", ["2020", "2020-2022", "20-21", "", "abcd-efgh"])
def test_it_rejects_a_badly_named_fiscal_year_in_french(name):
    with pytest.raises(ValueError, match="exercice"):
        fiscal_year_bounds(name)


def test_the_fiscal_year_of_a_day_follows_the_april_start():
    assert fiscal_year_name_for(dt.date(2021, 3, 31)) == "2020-2021"
    assert fiscal_year_name_for(dt.date(2021, 4, 1)) == "2021-2022"


@pytest.mark.django_db
def test_a_stored_fiscal_year_overrides_the_computed_bounds():
    FiscalYear.objects.create(
        name="2020-2021", start_date=dt.date(2020, 4, 1), end_date=dt.date(2021, 6, 30)
    )
    period = fiscal_year_period("2020-2021")
    assert (period.start, period.end) == (dt.date(2020, 4, 1), dt.date(2021, 6, 30))


def test_months_end_on_their_last_day():
    assert month_period(2020, 2).end == dt.date(2020, 2, 29)
    assert month_period(2020, 12).end == dt.date(2020, 12, 31)


def test_a_period_contains_both_of_its_ends():
    period = Period(dt.date(2020, 1, 1), dt.date(2020, 12, 31))
    assert dt.date(2020, 1, 1) in period
    assert dt.date(2020, 12, 31) in period
    assert dt.date(2021, 1, 1) not in period


def test_a_period_cannot_end_before_it_starts():
    with pytest.raises(ValueError):
        Period(dt.date(2020, 2, 1), dt.date(2020, 1, 1))


def test_a_fiscal_year_has_neighbours_on_both_sides():
    assert previous_fiscal_year_name("2020-2021") == "2019-2020"
    assert next_fiscal_year_name("2020-2021") == "2021-2022"


def test_a_malformed_name_has_no_neighbour():
    with pytest.raises(ValueError):
        previous_fiscal_year_name("2020")


def test_a_fiscal_year_has_twelve_whole_months_in_order():
    months = fiscal_year_months(Period(*fiscal_year_bounds("2020-2021"), "2020-2021"))
    assert len(months) == 12
    assert (months[0].start, months[-1].end) == (dt.date(2020, 4, 1), dt.date(2021, 3, 31))


def test_the_last_fiscal_year_the_centre_holds_is_2099_2100():
    assert fiscal_year_bounds("2099-2100") == (dt.date(2099, 4, 1), dt.date(2100, 3, 31))
    assert fiscal_year_bounds("2000-2001") == (dt.date(2000, 4, 1), dt.date(2001, 3, 31))


@pytest.mark.parametrize("name", ["1999-2000", "2100-2101", "9998-9999", "0000-0001"])
def test_it_refuses_a_fiscal_year_outside_the_centre_s_years(name):
    with pytest.raises(ValueError, match="Les dates vont de 2000 à 2100"):
        fiscal_year_bounds(name)


@pytest.mark.parametrize(
    ("day", "supported"),
    [
        (dt.date(1999, 12, 31), False),
        (dt.date(2000, 1, 1), True),
        (dt.date(2100, 12, 31), True),
        (dt.date(2101, 1, 1), False),
        (dt.date(9999, 12, 31), False),
    ],
)
def test_the_centre_holds_the_days_of_2000_to_2100(day, supported):
    assert is_supported_day(day) is supported
