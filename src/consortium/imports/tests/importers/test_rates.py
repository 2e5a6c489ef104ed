"""Rates: `member_category,mandate_type,expert_role,hourly_rate,valid_from,valid_until`."""

import datetime as dt
from decimal import Decimal

import pytest

from consortium.billing.models import Rate
from consortium.testing.factories import MandateTypeFactory, RateFactory

pytestmark = pytest.mark.django_db


def _located(lines: list[str], name: str) -> list[str]:
    """The errors from the file's name on: the folder of a test's files changes each run."""
    return [line[line.index(name) :] for line in lines]


HEADER = "member_category,mandate_type,expert_role,hourly_rate,valid_from,valid_until"


def _rates() -> list[tuple]:
    return list(
        Rate.objects.order_by("member_category", "valid_from").values_list(
            "member_category",
            "mandate_type__code",
            "expert_role",
            "hourly_rate",
            "valid_from",
            "valid_until",
        )
    )


def test_rates_are_imported_with_a_comma_or_a_point_and_empty_meaning_any(csv_file, run_import):
    MandateTypeFactory(code="FORM")
    path = csv_file(
        "rates.csv",
        HEADER,
        "user,,,85.00,2020-04-01,2021-03-31",
        'auxiliary,FORM,trainer,"92,50",2020-04-01,',
    )
    outcome = run_import("rates", path)
    assert outcome.imported, outcome.stderr
    assert "tarifs — créations : 2, mises à jour : 0." in outcome.stdout
    assert _rates() == [
        ("auxiliary", "FORM", "trainer", Decimal("92.50"), dt.date(2020, 4, 1), None),
        ("user", None, "", Decimal("85.00"), dt.date(2020, 4, 1), dt.date(2021, 3, 31)),
    ]


def test_importing_the_same_file_again_updates_the_rates_it_names(csv_file, run_import):
    path = csv_file("rates.csv", HEADER, "user,,,85.00,2020-04-01,")
    run_import("rates", path)
    path = csv_file("rates.csv", HEADER, "user,,,88.00,2020-04-01,2021-03-31")
    outcome = run_import("rates", path)
    assert "tarifs — créations : 0, mises à jour : 1." in outcome.stdout
    assert _rates() == [
        ("user", None, "", Decimal("88.00"), dt.date(2020, 4, 1), dt.date(2021, 3, 31))
    ]


def test_a_file_may_close_a_stored_rate_and_add_the_next_one_in_any_order(csv_file, run_import):
    RateFactory(member_category="user", valid_from=dt.date(2019, 4, 1), valid_until=None)
    path = csv_file(
        "rates.csv",
        HEADER,
        "user,,,90.00,2020-04-01,",
        "user,,,100.00,2019-04-01,2020-03-31",
    )
    outcome = run_import("rates", path)
    assert outcome.imported, outcome.stderr
    assert [row[4:] for row in _rates()] == [
        (dt.date(2019, 4, 1), dt.date(2020, 3, 31)),
        (dt.date(2020, 4, 1), None),
    ]


def test_bad_values_are_each_reported_by_row_and_column_and_nothing_is_written(
    csv_file, run_import
):
    path = csv_file(
        "rates.csv",
        HEADER,
        "user,,,85.00,2020-04-01,",
        "friend,NOPE,chef,abc,2020-13-01,",
        "user,,,85.00,2020-04-01,",
    )
    outcome = run_import("rates", path)
    assert not outcome.imported
    assert _located(outcome.error_lines, "rates.csv") == [
        "rates.csv, ligne 3, colonne « member_category » : « friend » n'est pas permis. "
        "Valeurs permises : fully_managed, user, auxiliary, support, non_member.",
        "rates.csv, ligne 3, colonne « mandate_type » : Type de mandat inconnu : « NOPE ».",
        "rates.csv, ligne 3, colonne « expert_role » : « chef » n'est pas permis. "
        "Valeurs permises : professional, trainer, director.",
        "rates.csv, ligne 3, colonne « hourly_rate » : « abc » n'est pas un montant.",
        "rates.csv, ligne 3, colonne « valid_from » : « 2020-13-01 » n'est pas une date "
        "AAAA-MM-JJ valide.",
        "rates.csv, ligne 4, colonne « valid_from » : La ligne 2 porte déjà sur le tarif de "
        "cette catégorie, de ce type, de ce rôle et de ce premier jour.",
    ]
    assert not Rate.objects.exists()


def test_an_overlapping_rate_is_refused_naming_the_other_rates_dates(csv_file, run_import):
    path = csv_file(
        "rates.csv",
        HEADER,
        "user,,,85.00,2020-04-01,2021-03-31",
        "user,,,90.00,2021-01-01,",
        "support,,,-5,2020-04-01,2020-01-01",
    )
    outcome = run_import("rates", path)
    assert not outcome.imported
    assert _located(outcome.error_lines, "rates.csv")[0].startswith(
        "rates.csv, ligne 3, colonne « valid_from » :"
    )
    assert "en vigueur du 2020-04-01 au 2021-03-31" in _located(outcome.error_lines, "rates.csv")[0]
    assert "ligne 4, colonne « hourly_rate »" in outcome.stderr
    assert "ligne 4, colonne « valid_from » : Un tarif ne peut finir avant" in outcome.stderr
    assert not Rate.objects.exists()


def test_the_errors_read_in_english_with_lang_en(csv_file, run_import):
    path = csv_file("rates.csv", HEADER, "user,,,85.00,2020-04-01,", "user,,,90.00,2021-04-01,")
    outcome = run_import("rates", path, "--lang", "en")
    assert not outcome.imported
    assert "Another rate of this category, mandate type and role is in force since 2020-04-01" in (
        outcome.stderr
    )
