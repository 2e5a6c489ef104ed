import dataclasses
import datetime as dt
from decimal import Decimal

import pytest

from consortium.core.fiscal_years import Period
from consortium.kpis.selectors import staff_figures
from consortium.staff.models import Gender, Role
from consortium.testing.factories import ExpertFactory

pytestmark = pytest.mark.django_db

FISCAL_2020_2021 = Period(dt.date(2020, 4, 1), dt.date(2021, 3, 31), "2020-2021")
LAST_DAY = FISCAL_2020_2021.end


@pytest.fixture
def staff():
    professional, trainer, director = Role.PROFESSIONAL, Role.TRAINER, Role.DIRECTOR
    ExpertFactory(role=professional, gender=Gender.WOMAN, birth_year=1975)
    ExpertFactory(role=professional, gender=Gender.MAN, birth_year=1980)
    # Leaves on the last day: still employed on it. No birth year given.
    ExpertFactory(role=professional, gender=Gender.WOMAN, left_on=LAST_DAY)
    ExpertFactory(role=professional, gender=Gender.UNDISCLOSED, birth_year=1990)
    ExpertFactory(role=professional, gender="", birth_year=1961)
    ExpertFactory(role=trainer, gender=Gender.OTHER, birth_year=1985)
    ExpertFactory(role=trainer, gender=Gender.MAN)
    # Hired on the last day: employed on it.
    ExpertFactory(role=director, gender=Gender.WOMAN, birth_year=1970, hired_on=LAST_DAY)
    # Not employed on the last day: left the day before, or hired the day after.
    ExpertFactory(role=director, gender=Gender.MAN, birth_year=1950, left_on=dt.date(2021, 3, 30))
    ExpertFactory(role=trainer, gender=Gender.MAN, birth_year=1999, hired_on=dt.date(2021, 4, 1))


def test_it_counts_the_experts_employed_on_the_last_day_by_role(staff):
    assert staff_figures(FISCAL_2020_2021).headcount == {
        "professional": 5,
        "trainer": 2,
        "director": 1,
    }


def test_gender_shares_count_only_those_who_declared_one(staff):
    # 3 women, 2 men, 1 other among 6 declared; the undisclosed and the blank left out.
    assert staff_figures(FISCAL_2020_2021).gender_pct == {
        "woman": Decimal("50.0"),
        "man": Decimal("33.3"),
        "other": Decimal("16.7"),
    }


def test_average_age_counts_only_those_who_gave_a_birth_year(staff):
    # 2021 − birth year: 46, 41, 31, 60, 36, 51 → 265 ÷ 6 = 44.17
    assert staff_figures(FISCAL_2020_2021).average_age == Decimal("44.2")


def test_average_age_is_rounded_half_up():
    for birth_year in (1977, 1977, 1977, 1976):
        ExpertFactory(birth_year=birth_year)

    # 44, 44, 44, 45 → 44.25, which rounds up to 44.3 (not to the even 44.2).
    assert staff_figures(FISCAL_2020_2021).average_age == Decimal("44.3")


def test_ages_are_taken_in_the_year_of_the_periods_last_day():
    ExpertFactory(birth_year=1980)

    calendar_2020 = Period(dt.date(2020, 1, 1), dt.date(2020, 12, 31))
    assert staff_figures(calendar_2020).average_age == Decimal("40.0")


def test_without_experts_every_role_counts_zero_and_shares_are_none():
    assert dataclasses.asdict(staff_figures(FISCAL_2020_2021)) == {
        "headcount": {"professional": 0, "trainer": 0, "director": 0},
        "gender_pct": {"woman": None, "man": None, "other": None},
        "average_age": None,
    }
