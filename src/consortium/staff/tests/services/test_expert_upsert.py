import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from consortium.staff.models import Expert, Gender, Role
from consortium.staff.services import expert_upsert
from consortium.testing.factories import DepartmentFactory, ExpertFactory, TimeEntryFactory

pytestmark = pytest.mark.django_db


def _expert(**changes):
    values = {
        "code": "E01",
        "first_name": "Anne",
        "last_name": "Roy",
        "role": Role.PROFESSIONAL,
        "department": DepartmentFactory(code="RH"),
        "hired_on": dt.date(2018, 1, 8),
    }
    return expert_upsert(**(values | changes))


def test_it_creates_an_expert_in_a_department():
    expert, created = _expert(gender=Gender.WOMAN, birth_year=1980, email="anne@example.coop")
    assert created
    assert (expert.full_name, expert.department.code, expert.gender, expert.birth_year) == (
        "Anne Roy",
        "RH",
        "woman",
        1980,
    )


def test_the_same_code_again_updates_the_expert():
    _expert()
    _record, created = _expert(role=Role.DIRECTOR, left_on=dt.date(2021, 6, 30))
    assert not created
    assert list(Expert.objects.values_list("role", "left_on")) == [
        ("director", dt.date(2021, 6, 30))
    ]


def test_it_refuses_a_leaving_date_before_the_hiring_date():
    with pytest.raises(ValidationError) as caught:
        _expert(left_on=dt.date(2017, 12, 31))
    assert caught.value.messages == ["La date de départ précède la date d'embauche."]


def test_it_refuses_dates_of_employment_that_leave_out_logged_hours():
    expert = ExpertFactory(code="E01", hired_on=dt.date(2015, 1, 1))
    TimeEntryFactory(expert=expert, date=dt.date(2020, 6, 1))
    with pytest.raises(ValidationError) as caught:
        _expert(
            department=expert.department, hired_on=dt.date(2015, 1, 1), left_on=dt.date(2020, 5, 31)
        )
    assert caught.value.message_dict == {
        "left_on": ["L'expert E01 a des heures saisies le 2020-06-01, hors de ces dates d'emploi."]
    }
    expert.refresh_from_db()
    assert expert.left_on is None
