"""Dates one way per language (issue 13.16): all-numeric ISO in French and in English (en-CA),
in words « 1er avril 2026 » in French."""

import datetime as dt

from django.utils import formats, translation

from consortium.core.formatting import long_date


def test_all_numeric_dates_are_iso_in_both_languages():
    for language in ("fr", "en"):
        with translation.override(language):
            assert formats.date_format(dt.date(2026, 4, 1), "SHORT_DATE_FORMAT") == "2026-04-01"


def test_the_first_of_a_month_is_1er_in_french_only():
    assert long_date(dt.date(2026, 4, 1), "fr") == "1er avril 2026"
    assert long_date(dt.date(2026, 4, 2), "fr") == "2 avril 2026"
    assert long_date(dt.date(2026, 4, 1), "en") == "April 1, 2026"


def test_times_are_on_the_24_hour_clock_in_french():
    with translation.override("fr"):
        moment = dt.datetime(2026, 12, 3, 14, 5)
        assert formats.date_format(moment, "SHORT_DATETIME_FORMAT") == "2026-12-03 14:05"
