"""`training_record_create` and `training_record_update`: an expert completed a course."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from consortium.testing.factories import CourseFactory, ExpertFactory
from consortium.training.models import Course, TrainingRecord
from consortium.training.services import (
    course_create,
    course_update,
    training_record_create,
    training_record_update,
)

pytestmark = pytest.mark.django_db


def test_a_completed_course_is_recorded_once_per_expert():
    expert, course = ExpertFactory(), CourseFactory(start=dt.date(2020, 9, 1))
    training_record_create(expert=expert, course=course, completed_on=dt.date(2020, 10, 1))
    with pytest.raises(ValidationError):
        training_record_create(expert=expert, course=course, completed_on=dt.date(2020, 11, 1))
    assert TrainingRecord.objects.count() == 1


def test_the_day_a_course_was_completed_is_corrected_in_place():
    expert, course = ExpertFactory(), CourseFactory(start=dt.date(2020, 9, 1))
    record = training_record_create(expert=expert, course=course, completed_on=dt.date(2020, 10, 1))
    training_record_update(
        record=record, expert=expert, course=course, completed_on=dt.date(2020, 11, 1)
    )
    record.refresh_from_db()
    assert record.completed_on == dt.date(2020, 11, 1)


def test_a_course_is_renamed():
    course = course_create(title_fr="Paie", start=dt.date(2020, 9, 1))
    training_record_create(expert=ExpertFactory(), course=course, completed_on=dt.date(2020, 9, 15))
    course_update(course=course, title_fr="Paie 101", start=dt.date(2020, 9, 1))
    assert Course.objects.get().title_fr == "Paie 101"


def test_a_course_cannot_be_completed_before_it_starts():
    course = CourseFactory(start=dt.date(2020, 9, 1))
    with pytest.raises(ValidationError) as refused:
        training_record_create(
            expert=ExpertFactory(), course=course, completed_on=dt.date(2020, 8, 1)
        )
    assert refused.value.message_dict["completed_on"] == [
        "Une formation se termine après son début (2020-09-01)."
    ]


def test_an_expert_cannot_complete_a_course_after_leaving():
    expert = ExpertFactory(hired_on=dt.date(2015, 1, 1), left_on=dt.date(2020, 6, 30))
    with pytest.raises(ValidationError) as refused:
        training_record_create(
            expert=expert, course=CourseFactory(), completed_on=dt.date(2020, 10, 1)
        )
    assert refused.value.message_dict["completed_on"] == [
        "L'expert n'était pas à l'emploi du centre à cette date."
    ]


def test_a_course_ending_before_it_starts_is_refused():
    with pytest.raises(ValidationError) as refused:
        course_create(title_fr="À l'envers", start=dt.date(2020, 9, 1), end=dt.date(2020, 8, 1))
    assert "Une formation ne peut finir avant de commencer." in refused.value.messages
