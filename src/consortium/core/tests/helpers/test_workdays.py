"""The days work is expected: weekdays less Quebec's statutory holidays and closing days."""

import datetime as dt

import pytest

from consortium.core.services import closing_day_create
from consortium.core.workdays import days_off, statutory_holidays, workdays_between

pytestmark = pytest.mark.django_db


def test_quebecs_statutory_holidays_come_from_the_holidays_library():
    found = statutory_holidays(dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    assert dt.date(2026, 6, 24) in found  # Fête nationale du Québec
    assert dt.date(2026, 5, 18) in found  # Journée nationale des patriotes
    assert dt.date(2026, 12, 26) not in found  # Boxing Day is not one in Quebec


def test_closing_days_join_the_holidays_and_weekends_are_never_counted_twice():
    closing_day_create(date=dt.date(2026, 12, 28), label="Fermeture des fêtes")
    closing_day_create(date=dt.date(2026, 12, 27), label="Un dimanche")
    off = days_off(dt.date(2026, 12, 21), dt.date(2026, 12, 31))
    assert off == {dt.date(2026, 12, 25), dt.date(2026, 12, 28)}
    assert workdays_between(dt.date(2026, 12, 21), dt.date(2026, 12, 31), off) == 7
    assert workdays_between(dt.date(2026, 12, 29), dt.date(2026, 12, 31), off) == 3
