"""Writes to training. Every write runs in a transaction and calls `full_clean()`."""

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal

from django.core.exceptions import ValidationError
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
    hours: Decimal = Decimal("0"),
    cost: Decimal = Decimal("0"),
    funding: str = "",
) -> Course:
    """Add a course; it may not end before it starts."""
    return row_save(
        Course(),
        title_fr=title_fr,
        title_en=title_en,
        provider=provider,
        start=start,
        end=end,
        hours=hours,
        cost=cost,
        funding=funding.strip(),
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
    hours: Decimal = Decimal("0"),
    cost: Decimal = Decimal("0"),
    funding: str = "",
) -> Course:
    return row_save(
        Course.objects.select_for_update().get(pk=course.pk),
        title_fr=title_fr,
        title_en=title_en,
        provider=provider,
        start=start,
        end=end,
        hours=hours,
        cost=cost,
        funding=funding.strip(),
    )


@transaction.atomic
def course_experts_set(*, course: Course, experts: Iterable[Expert]) -> list[TrainingRecord]:
    """Make `experts` the course's trainees: a record for each newcomer, completed on the
    course's last day (its first when it has no end), and none left for those taken off.

    An expert not employed on that day is refused by name; nothing is written then.
    """
    experts = list(experts)
    completed_on = course.end or course.start
    course.records.exclude(expert__in=experts).delete()
    present = set(course.records.values_list("expert_id", flat=True))
    created, problems = [], []
    for expert in experts:
        if expert.pk in present:
            continue
        try:
            created.append(
                row_save(TrainingRecord(), expert=expert, course=course, completed_on=completed_on)
            )
        except ValidationError as error:
            problems.extend(f"{expert} : {message}" for message in error.messages)
    if problems:
        raise ValidationError({"experts": problems})
    return created


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


@transaction.atomic
def course_record(*, course: Course | None, experts: Iterable[Expert], **fields) -> Course:
    """Create or change a course and its trainees together: all of it, or nothing."""
    course = course_create(**fields) if course is None else course_update(course=course, **fields)
    course_experts_set(course=course, experts=experts)
    return course
