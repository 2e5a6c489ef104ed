"""Fiscal years written by hand: the days left out come from the name."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from consortium.core.models import FiscalYear
from consortium.core.services import fiscal_year_create, fiscal_year_update
from consortium.testing.factories import FiscalYearFactory

pytestmark = pytest.mark.django_db


def test_a_year_created_by_name_alone_gets_its_first_and_last_days():
    year = fiscal_year_create(name="2020-2021")
    year.refresh_from_db()
    assert (year.start_date, year.end_date) == (dt.date(2020, 4, 1), dt.date(2021, 3, 31))


def test_a_year_keeps_the_days_it_is_given():
    year = fiscal_year_create(
        name="2020-2021", start_date=dt.date(2020, 1, 1), end_date=dt.date(2020, 12, 31)
    )
    assert (year.start_date, year.end_date) == (dt.date(2020, 1, 1), dt.date(2020, 12, 31))


def test_a_badly_named_year_is_refused_with_its_reason():
    with pytest.raises(ValidationError) as caught:
        fiscal_year_create(name="2020-2022")
    assert (
        "l'exercice commençant en 2020 se termine en 2021" in caught.value.message_dict["name"][0]
    )
    assert not FiscalYear.objects.exists()


def test_a_year_ending_before_it_starts_is_refused():
    with pytest.raises(ValidationError) as caught:
        fiscal_year_create(
            name="2020-2021", start_date=dt.date(2020, 4, 1), end_date=dt.date(2020, 3, 1)
        )
    assert "Un exercice se termine après son premier jour." in caught.value.messages
    assert not FiscalYear.objects.exists()


def test_a_renamed_year_keeps_its_id_and_takes_the_days_of_its_new_name():
    year = FiscalYearFactory(name="2020-2021")
    renamed = fiscal_year_update(year=year, name="2021-2022")
    assert (renamed.pk, FiscalYear.objects.get().name) == (year.pk, "2021-2022")
    assert (renamed.start_date, renamed.end_date) == (dt.date(2021, 4, 1), dt.date(2022, 3, 31))


def test_a_year_cannot_take_the_name_of_another():
    FiscalYearFactory(name="2019-2020")
    year = FiscalYearFactory(name="2020-2021")
    with pytest.raises(ValidationError) as caught:
        fiscal_year_update(year=year, name="2019-2020")
    assert list(caught.value.message_dict) == ["name", "start_date", "end_date"]
    year.refresh_from_db()
    assert year.name == "2020-2021"
