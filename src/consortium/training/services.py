"""Writes to training. Every write runs in a transaction and calls `full_clean()`."""

import datetime as dt

from django.db import transaction

from consortium.staff.models import Expert
from consortium.training.models import Course, TrainingRecord


@transaction.atomic
def course_create(
    *,
    title_fr: str,
    start: dt.date,
    title_en: str = "",
    provider: str = "",
    end: dt.date | None = None,
) -> Course:
    course = Course(title_fr=title_fr, title_en=title_en, provider=provider, start=start, end=end)
    course.full_clean()
    course.save()
    return course


@transaction.atomic
def training_record_record(
    *, expert: Expert, course: Course, completed_on: dt.date
) -> tuple[TrainingRecord, bool]:
    """Record that `expert` completed `course`, or move the day they did; says if created."""
    record = TrainingRecord.objects.select_for_update().filter(expert=expert, course=course).first()
    created = record is None
    if record is None:
        record = TrainingRecord(expert=expert, course=course)
    record.completed_on = completed_on
    record.full_clean()
    record.save()
    return record, created


@transaction.atomic
def training_records_delete() -> int:
    """Delete every course and training record (the demo rebuilds them); returns how many."""
    records, _by_model = TrainingRecord.objects.all().delete()
    courses, _by_model = Course.objects.all().delete()
    return records + courses
