"""Figures as the report prints them: fr-CA (no-break spaces) and en-CA, through Babel."""

import datetime as dt
from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import translation

from consortium.core import formatting

NBSP = "\u00a0"


def test_money_has_no_cents_and_the_dollar_sign_after_in_french():
    assert formatting.money(Decimal("4571674.40"), "fr") == f"4{NBSP}571{NBSP}674{NBSP}$"


def test_money_has_the_dollar_sign_before_in_english():
    assert formatting.money(Decimal("4571674"), "en") == "$4,571,674"


def test_a_percentage_is_whole_by_default_and_rounds_half_up():
    assert formatting.percent(Decimal("96.0"), 0, "fr") == f"96{NBSP}%"
    assert formatting.percent(Decimal("40.5"), 0, "en") == "41%"


def test_a_percentage_may_keep_one_decimal():
    assert formatting.percent(Decimal("5.7"), 1, "fr") == f"5,7{NBSP}%"
    assert formatting.percent(Decimal("23.7"), 1, "en") == "23.7%"


def test_a_change_is_always_signed():
    assert formatting.signed_percent(Decimal("15.69"), 0, "fr") == f"+16{NBSP}%"
    assert formatting.signed_percent(Decimal("-3.4"), 0, "en") == "-3%"
    assert formatting.signed_number(50, "fr") == "+50"


def test_numbers_and_hours_group_thousands():
    assert formatting.number(62800, 0, "fr") == f"62{NBSP}800"
    assert formatting.number(62800, 0, "en") == "62,800"
    assert formatting.hours(Decimal("62800.00"), "fr") == f"62{NBSP}800{NBSP}h"


def test_dates_are_written_out():
    assert formatting.long_date(dt.date(2020, 11, 18), "fr") == "18 novembre 2020"
    assert formatting.long_date(dt.date(2020, 11, 18), "en") == "November 18, 2020"


def test_a_missing_figure_is_a_dash():
    assert formatting.percent(None) == "—"
    assert formatting.money(None) == "—"


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("fr", f"4{NBSP}571{NBSP}674{NBSP}$|5,7{NBSP}%|+16{NBSP}%|62{NBSP}800{NBSP}h"),
        ("en", "$4,571,674|5.7%|+16%|62,800\u00a0h"),
    ],
)
def test_the_template_filters_follow_the_page_language(language, expected):
    template = Template(
        "{% load formatting %}{{ amount|money }}|{{ share|percent:1 }}|"
        "{{ change|signed_percent }}|{{ total|hours }}"
    )
    context = Context(
        {
            "amount": Decimal("4571674"),
            "share": Decimal("5.7"),
            "change": Decimal("15.7"),
            "total": Decimal("62800"),
        }
    )
    with translation.override(language):
        assert template.render(context) == expected


@pytest.mark.parametrize(
    ("value", "french", "english"),
    [
        (Decimal("7"), f"7{NBSP}h", f"7{NBSP}h"),
        (Decimal("7.50"), f"7,5{NBSP}h", f"7.5{NBSP}h"),
        (Decimal("1234.25"), f"1{NBSP}234,25{NBSP}h", f"1,234.25{NBSP}h"),
    ],
)
def test_exact_hours_keep_as_many_decimals_as_they_have(value, french, english):
    assert formatting.exact_hours(value, "fr") == french
    assert formatting.exact_hours(value, "en") == english


def test_hours_to_the_cent_show_cents_only_when_not_whole():
    assert formatting.hours_to_the_cent(Decimal("62800.00"), "fr") == f"62{NBSP}800{NBSP}h"
    assert formatting.hours_to_the_cent(Decimal("1234.5"), "fr") == f"1{NBSP}234,50{NBSP}h"


def test_a_person_reads_as_their_name_else_their_login_else_who_stands_for_nobody():
    from django.contrib.auth.models import User

    assert formatting.person(User(username="mlavoie", first_name="Marie", last_name="Lavoie")) == (
        "Marie Lavoie"
    )
    assert formatting.person(User(username="mlavoie")) == "mlavoie"
    assert formatting.person(None) == "Système"
    assert formatting.person(None, "Ligne de commande") == "Ligne de commande"


def test_money_to_the_cent_prints_dollars_and_cents_in_each_language():
    assert formatting.money_to_the_cent(Decimal("1234.565"), "fr") == "1\u00a0234,57\u00a0$"
    assert formatting.money_to_the_cent(Decimal("1234.5"), "en") == "$1,234.50"
    assert formatting.money_to_the_cent(Decimal("-5"), "fr") == "-5,00\u00a0$"
