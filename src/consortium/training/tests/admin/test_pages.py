import pytest

from consortium.core.tests.admin_pages import (
    admin_url,
    changelist_rows,
    page_text,
    queries_to_render,
)
from consortium.testing.factories import CourseFactory, ExpertFactory, TrainingRecordFactory

pytestmark = pytest.mark.django_db


def test_the_course_list_shows_how_many_experts_completed_each(admin_client):
    course = CourseFactory(title_fr="Langues")
    TrainingRecordFactory.create_batch(3, course=course)
    rows = changelist_rows(admin_client, "training_course_changelist")
    assert [(c.title_fr, c.expert_count) for c in rows] == [("Langues", 3)]
    assert "Experts formés" in page_text(admin_client, "training_course_changelist")


def test_the_training_record_search_finds_an_expert_by_name(admin_client):
    TrainingRecordFactory(expert=ExpertFactory(last_name="Tremblay"))
    TrainingRecordFactory(expert=ExpertFactory(last_name="Gagnon"))
    rows = changelist_rows(admin_client, "training_trainingrecord_changelist", "?q=tremblay")
    assert [record.expert.last_name for record in rows] == ["Tremblay"]


def test_a_course_page_opens_in_english_with_its_records(admin_client):
    record = TrainingRecordFactory()
    text = page_text(admin_client, "training_course_change", record.course.pk, language="en")
    assert "Save and continue editing" in text
    assert record.expert.last_name in text


def test_the_training_record_list_takes_the_same_queries_for_many_rows(admin_client):
    TrainingRecordFactory()
    url = admin_url("training_trainingrecord_changelist")
    few = queries_to_render(admin_client, url)
    TrainingRecordFactory.create_batch(15)
    assert queries_to_render(admin_client, url) == few
