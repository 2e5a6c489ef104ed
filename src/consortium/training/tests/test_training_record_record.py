"""`training_record_record`: an expert completed a course."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from consortium.testing.factories import CourseFactory, ExpertFactory
from consortium.training.models import TrainingRecord
from consortium.training.services import course_create, training_record_record

pytestmark = pytest.mark.django_db


def test_recording_a_course_twice_for_an_expert_moves_the_day_instead_of_adding_a_row():
    expert, course = ExpertFactory(), CourseFactory(start=dt.date(2020, 9, 1))
    training_record_record(expert=expert, course=course, completed_on=dt.date(2020, 10, 1))
    record, created = training_record_record(
        expert=expert, course=course, completed_on=dt.date(2020, 11, 1)
    )
    assert (created, record.completed_on) == (False, dt.date(2020, 11, 1))
    assert TrainingRecord.objects.count() == 1


def test_a_course_cannot_be_completed_before_it_starts():
    course = CourseFactory(start=dt.date(2020, 9, 1))
    with pytest.raises(ValidationError) as refused:
        training_record_record(
            expert=ExpertFactory(), course=course, completed_on=dt.date(2020, 8, 1)
        )
    assert refused.value.message_dict["completed_on"] == [
        "Une formation se termine après son début (2020-09-01)."
    ]


def test_an_expert_cannot_complete_a_course_after_leaving():
    expert = ExpertFactory(hired_on=dt.date(2015, 1, 1), left_on=dt.date(2020, 6, 30))
    with pytest.raises(ValidationError) as refused:
        training_record_record(
            expert=expert, course=CourseFactory(), completed_on=dt.date(2020, 10, 1)
        )
    assert refused.value.message_dict["completed_on"] == [
        "L'expert n'était pas à l'emploi du centre à cette date."
    ]


def test_a_course_ending_before_it_starts_is_refused():
    with pytest.raises(ValidationError) as refused:
        course_create(title_fr="À l'envers", start=dt.date(2020, 9, 1), end=dt.date(2020, 8, 1))
    assert "Une formation ne peut finir avant de commencer." in refused.value.messages
