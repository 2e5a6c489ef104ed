"""Writes to training. Every write runs in a transaction and calls `full_clean()`."""

import datetime as dt

from django.db import transaction

from consortium.core.services import row_save
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
    """Add a course; it may not end before it starts."""
    return row_save(
        Course(), title_fr=title_fr, title_en=title_en, provider=provider, start=start, end=end
    )


@transaction.atomic
def course_update(
    *,
    course: Course,
    title_fr: str,
    start: dt.date,
    title_en: str = "",
    provider: str = "",
    end: dt.date | None = None,
) -> Course:
    return row_save(
        Course.objects.select_for_update().get(pk=course.pk),
        title_fr=title_fr,
        title_en=title_en,
        provider=provider,
        start=start,
        end=end,
    )


@transaction.atomic
def training_record_create(
    *, expert: Expert, course: Course, completed_on: dt.date
) -> TrainingRecord:
    """Record that `expert` completed `course`: after it started, while they were employed."""
    return row_save(TrainingRecord(), expert=expert, course=course, completed_on=completed_on)


@transaction.atomic
def training_record_update(
    *, record: TrainingRecord, expert: Expert, course: Course, completed_on: dt.date
) -> TrainingRecord:
    return row_save(
        TrainingRecord.objects.select_for_update().get(pk=record.pk),
        expert=expert,
        course=course,
        completed_on=completed_on,
    )


@transaction.atomic
def training_records_delete() -> int:
    """Delete every course and training record (the demo rebuilds them); returns how many."""
    records, _by_model = TrainingRecord.objects.all().delete()
    courses, _by_model = Course.objects.all().delete()
    return records + courses
