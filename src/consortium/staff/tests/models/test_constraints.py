import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from consortium.testing.factories import ExpertFactory

pytestmark = pytest.mark.django_db


def test_an_expert_cannot_leave_before_being_hired():
    with pytest.raises(IntegrityError), transaction.atomic():
        ExpertFactory(hired_on=dt.date(2020, 1, 1), left_on=dt.date(2019, 12, 31))


def test_an_expert_is_employed_up_to_and_including_the_last_day():
    expert = ExpertFactory.build(hired_on=dt.date(2020, 1, 1), left_on=dt.date(2020, 6, 30))
    assert expert.is_employed_on(dt.date(2020, 6, 30))
    assert not expert.is_employed_on(dt.date(2020, 7, 1))
    assert not expert.is_employed_on(dt.date(2019, 12, 31))


def test_an_implausible_birth_year_is_refused():
    expert = ExpertFactory.build(birth_year=2015, hired_on=dt.date(2020, 1, 1))
    with pytest.raises(ValidationError) as caught:
        expert.full_clean(exclude=["department"])
    assert "birth_year" in caught.value.message_dict


def test_an_unknown_gender_is_refused_by_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        ExpertFactory(gender="x")
