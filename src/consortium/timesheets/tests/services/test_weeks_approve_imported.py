"""Weeks of imported history approved in bulk (`import time-entries --approve`)."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from consortium.testing.factories import ExpertFactory, TimesheetWeekFactory, UserFactory
from consortium.timesheets.models import TimesheetWeek, WeekStatus
from consortium.timesheets.services.weeks import weeks_approve_imported

pytestmark = pytest.mark.django_db


def test_weeks_without_a_row_and_drafts_are_approved_and_approved_ones_stay(
    django_assert_num_queries,
):
    by = UserFactory()
    expert = ExpertFactory()
    draft = TimesheetWeekFactory(expert=expert, week_start=dt.date(2020, 5, 4))
    decided_at = timezone.now() - dt.timedelta(days=30)
    approved = TimesheetWeekFactory(
        expert=expert,
        week_start=dt.date(2020, 5, 11),
        status=WeekStatus.APPROVED,
        submitted_at=decided_at,
        decided_by=UserFactory(),
        decided_at=decided_at,
    )
    weeks = {(expert.pk, dt.date(2020, 5, d)) for d in (4, 11, 18, 25)}
    with django_assert_num_queries(5):
        assert weeks_approve_imported(weeks=weeks, by=by) == (2, 1)
    draft.refresh_from_db()
    approved.refresh_from_db()
    assert (draft.status, draft.decided_by) == (WeekStatus.APPROVED, by)
    assert approved.decided_at == decided_at
    assert TimesheetWeek.objects.filter(status=WeekStatus.APPROVED, decided_by=by).count() == 3


def test_a_week_awaiting_a_decision_is_refused_and_nothing_is_approved():
    expert = ExpertFactory()
    TimesheetWeekFactory(
        expert=expert,
        week_start=dt.date(2020, 5, 11),
        status=WeekStatus.SUBMITTED,
        submitted_at=timezone.now(),
    )
    weeks = {(expert.pk, dt.date(2020, 5, 4)), (expert.pk, dt.date(2020, 5, 11))}
    with pytest.raises(ValidationError, match="La semaine du 2020-05-11 est à l'état « soumise »"):
        weeks_approve_imported(weeks=weeks, by=UserFactory())
    assert not TimesheetWeek.objects.filter(status=WeekStatus.APPROVED).exists()
