"""Weeks run Monday to Sunday and are named by their Monday."""

import datetime as dt

from consortium.core.weeks import week_days, week_start_of


def test_a_week_starts_on_the_monday_of_its_days():
    assert week_start_of(dt.date(2020, 12, 6)) == dt.date(2020, 11, 30)
    assert week_start_of(dt.date(2020, 11, 30)) == dt.date(2020, 11, 30)


def test_a_week_has_seven_days_monday_to_sunday():
    days = week_days(dt.date(2020, 11, 30))
    assert (days[0], days[-1], len(days)) == (dt.date(2020, 11, 30), dt.date(2020, 12, 6), 7)
