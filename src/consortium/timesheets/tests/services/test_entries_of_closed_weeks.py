import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from consortium.testing.factories import MandateFactory, TimeEntryFactory
from consortium.timesheets.models import TimeEntry
from consortium.timesheets.services.entries import (
    time_entry_delete,
    time_entry_record,
    time_entry_update,
)
from consortium.timesheets.services.weeks import week_approve, week_reopen, week_return, week_submit

pytestmark = pytest.mark.django_db
MONDAY = dt.date(2020, 6, 1)
WEDNESDAY = dt.date(2020, 6, 3)
NEXT_MONDAY = dt.date(2020, 6, 8)
SUBMITTED = (
    "La semaine du lundi 1er juin 2020 est soumise : ses entrées ne peuvent être ni ajoutées"
)
APPROVED = (
    "La semaine du lundi 1er juin 2020 est approuvée : ses entrées ne peuvent être ni ajoutées"
)


@pytest.fixture
def entry(people):
    return TimeEntryFactory(expert=people.expert, date=WEDNESDAY, hours=Decimal(7))


def _message(caught) -> str:
    return " ".join(caught.value.messages)


def _submit(people):
    return week_submit(expert=people.expert, week_start=MONDAY, by=people.owner)


def test_no_entry_may_be_added_to_a_submitted_week(people, entry):
    _submit(people)
    with pytest.raises(ValidationError) as caught:
        time_entry_record(
            expert=people.expert, mandate=MandateFactory(), date=MONDAY, hours=Decimal(2)
        )
    assert SUBMITTED in _message(caught)
    assert "tant qu'elle n'est pas renvoyée" in _message(caught)
    assert TimeEntry.objects.count() == 1


def test_no_entry_of_a_submitted_week_may_be_changed(people, entry):
    _submit(people)
    with pytest.raises(ValidationError) as caught:
        time_entry_update(entry=entry, hours=Decimal(3))
    assert SUBMITTED in _message(caught)
    entry.refresh_from_db()
    assert entry.hours == Decimal(7)


def test_no_entry_may_be_moved_out_of_a_submitted_week(people, entry):
    _submit(people)
    with pytest.raises(ValidationError) as caught:
        time_entry_update(entry=entry, date=NEXT_MONDAY)
    assert SUBMITTED in _message(caught)


def test_no_entry_may_be_moved_into_a_submitted_week(people):
    later = TimeEntryFactory(expert=people.expert, date=NEXT_MONDAY)
    _submit(people)
    with pytest.raises(ValidationError) as caught:
        time_entry_update(entry=later, date=WEDNESDAY)
    assert SUBMITTED in _message(caught)


def test_no_entry_of_a_submitted_week_may_be_deleted(people, entry):
    _submit(people)
    with pytest.raises(ValidationError) as caught:
        time_entry_delete(entry=entry)
    assert SUBMITTED in _message(caught)
    assert TimeEntry.objects.filter(pk=entry.pk).exists()


def test_the_entries_of_an_approved_week_change_only_after_reopening(people, entry):
    week = week_approve(week=_submit(people), by=people.director)
    with pytest.raises(ValidationError) as caught:
        time_entry_update(entry=entry, hours=Decimal(3))
    assert APPROVED in _message(caught)
    assert "tant qu'elle n'est pas rouverte" in _message(caught)
    week_reopen(week=week, by=people.director)
    assert time_entry_update(entry=entry, hours=Decimal(3)).hours == Decimal(3)


def test_the_entries_of_a_returned_week_may_be_corrected(people, entry):
    week_return(week=_submit(people), by=people.director, reason="Heures en double")
    time_entry_delete(entry=entry)
    assert not TimeEntry.objects.exists()


def test_another_experts_entries_that_week_stay_open(people):
    _submit(people)
    other = TimeEntryFactory(date=WEDNESDAY)
    assert time_entry_update(entry=other, hours=Decimal(1)).hours == Decimal(1)


def test_the_next_week_stays_open(people, entry):
    _submit(people)
    recorded = time_entry_record(
        expert=people.expert, mandate=entry.mandate, date=NEXT_MONDAY, hours=Decimal(2)
    )
    assert recorded.date == NEXT_MONDAY
