"""`training_report(period)`: how many experts were trained in the period, and in what."""

import datetime as dt

import pytest
from django.utils import translation

from consortium.core.fiscal_years import Period
from consortium.testing.factories import CourseFactory, ExpertFactory, TrainingRecordFactory
from consortium.training.selectors import training_report

pytestmark = pytest.mark.django_db

YEAR = Period(dt.date(2020, 4, 1), dt.date(2021, 3, 31), "2020-2021")


def test_an_expert_trained_twice_in_the_period_counts_once():
    expert = ExpertFactory()
    TrainingRecordFactory(expert=expert, course=CourseFactory(title_fr="Langues"))
    TrainingRecordFactory(expert=expert, course=CourseFactory(title_fr="Informatique"))
    TrainingRecordFactory(course=CourseFactory(title_fr="PMP"))
    assert training_report(YEAR)["experts_trained"] == 2


def test_records_dated_outside_the_period_are_left_out():
    course = CourseFactory(title_fr="Santé et sécurité", start=dt.date(2019, 10, 1))
    TrainingRecordFactory(course=course, completed_on=dt.date(2020, 3, 31))
    assert training_report(YEAR) == {"experts_trained": 0, "courses": []}


def test_courses_list_their_experts_in_the_order_they_started():
    later = CourseFactory(title_fr="Gestion de projet", start=dt.date(2020, 10, 5))
    earlier = CourseFactory(title_fr="Langues", start=dt.date(2020, 9, 14))
    TrainingRecordFactory.create_batch(2, course=later)
    TrainingRecordFactory.create_batch(3, course=earlier)
    assert training_report(YEAR)["courses"] == [
        {"title": "Langues", "experts": 3},
        {"title": "Gestion de projet", "experts": 2},
    ]


def test_course_titles_are_in_the_active_language():
    TrainingRecordFactory(course=CourseFactory(title_fr="Langues", title_en="Languages"))
    with translation.override("en"):
        assert training_report(YEAR)["courses"][0]["title"] == "Languages"


def test_it_makes_two_queries_whatever_the_number_of_records(django_assert_num_queries):
    for course in CourseFactory.create_batch(3):
        TrainingRecordFactory.create_batch(3, course=course)
    with django_assert_num_queries(2):
        training_report(YEAR)
