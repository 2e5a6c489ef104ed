"""Codes are ASCII letters, digits, ".", "_" and "-": nothing that breaks an address."""

from unittest import mock

import pytest
from django.core.exceptions import ValidationError

from consortium.core.codes import refuse_bad_codes, validate_code


@pytest.mark.parametrize("code", ["AUD", "2020-0042", "ORG-0001", "EXP_12", "v1.2", "5100"])
def test_a_code_of_letters_digits_and_dot_underscore_dash_is_good(code):
    validate_code(code)


@pytest.mark.parametrize(
    "code", ["AUD/SLASH", "A B", "ÉDU", "A?B", "A#B", "A%2F", "A\\B", "A\nB", "", "x\u200b"]
)
def test_any_other_character_is_refused_in_french(code):
    with pytest.raises(ValidationError) as refused:
        validate_code(code)

    assert refused.value.messages == [
        "Un code ne contient que des lettres sans accents, des chiffres, « . », « _ » et « - » "
        "(ni espace ni « / »)."
    ]


def _apps_holding(codes: list[str]):
    model = mock.Mock()
    model._meta.verbose_name = "mandat"
    model.objects.using.return_value.values_list.return_value.iterator.return_value = codes
    apps = mock.Mock()
    apps.get_model.return_value = model
    return apps


def test_the_migration_stops_naming_the_stored_codes_that_break_the_rule():
    check = refuse_bad_codes("mandates", "mandate")

    with pytest.raises(RuntimeError, match="mandat « AUD/SLASH », mandat « A B »"):
        check(_apps_holding(["M-01", "AUD/SLASH", "A B"]), mock.Mock())


def test_the_migration_goes_on_when_every_stored_code_is_good():
    refuse_bad_codes("mandates", "mandate")(_apps_holding(["M-01", "2020-0042"]), mock.Mock())
