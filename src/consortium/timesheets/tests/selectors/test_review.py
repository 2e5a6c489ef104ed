import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from consortium.core.fiscal_years import Period
from consortium.testing.factories import ExpertFactory, TimeEntryFactory, UserFactory
from consortium.timesheets.selectors.review import (
    audit_trail,
    weeks_awaiting_approval,
)
from consortium.timesheets.services.entries import time_entry_update
from consortium.timesheets.services.weeks import week_approve, week_submit

pytestmark = pytest.mark.django_db
MONDAY = dt.date(2020, 6, 1)


def _submit(expert, user, monday=MONDAY, hours=()):
    for offset, amount in enumerate(hours):
        TimeEntryFactory(expert=expert, date=monday + dt.timedelta(days=offset), hours=amount)
    return week_submit(expert=expert, week_start=monday, by=user)


def test_a_director_awaits_the_submitted_weeks_of_their_department_with_their_hours(people):
    week = _submit(people.expert, people.owner, hours=[Decimal(7), Decimal("6.5")])
    # Hours of the next Monday are not the week's.
    TimeEntryFactory(expert=people.expert, date=MONDAY + dt.timedelta(days=7))
    awaiting = weeks_awaiting_approval(people.director)
    assert awaiting == [week]
    assert awaiting[0].hours == Decimal("13.5")


def test_a_director_of_another_department_awaits_nothing(people):
    _submit(people.expert, people.owner)
    assert weeks_awaiting_approval(people.director_elsewhere) == []


def test_approved_and_draft_weeks_await_nobody(people):
    week_approve(week=_submit(people.expert, people.owner), by=people.director)
    assert weeks_awaiting_approval(people.director) == []


def test_an_administrator_awaits_every_submitted_week(people):
    elsewhere = ExpertFactory(user=UserFactory())
    _submit(people.expert, people.owner)
    _submit(elsewhere, elsewhere.user)
    assert len(weeks_awaiting_approval(people.administrator)) == 2


@pytest.mark.parametrize("who", ["owner", "finance", "communications"])
def test_whoever_directs_nothing_awaits_nothing(people, who):
    _submit(people.expert, people.owner)
    assert weeks_awaiting_approval(getattr(people, who)) == []


def test_a_director_never_awaits_their_own_week(people):
    people.expert.user = people.director
    people.expert.save()
    _submit(people.expert, people.director)
    assert weeks_awaiting_approval(people.director) == []


def test_weeks_awaiting_approval_costs_two_queries_whatever_the_number_of_weeks(
    people, django_assert_num_queries
):
    for week in range(5):
        expert = ExpertFactory(department=people.expert.department, user=UserFactory())
        _submit(expert, expert.user, MONDAY + dt.timedelta(weeks=week), hours=[Decimal(1)])
    with django_assert_num_queries(2):
        awaiting = weeks_awaiting_approval(people.director)
        assert [str(week.expert.department) for week in awaiting]
    assert len(awaiting) == 5


def _today() -> Period:
    today = timezone.localdate()
    return Period(today, today, str(today))


@pytest.mark.parametrize("who", ["director", "finance", "administrator"])
def test_the_audit_trail_shows_an_experts_changes_to_who_may_read_it(people, who):
    entry = TimeEntryFactory(expert=people.expert, date=MONDAY)
    time_entry_update(entry=entry, hours=Decimal(2), by=people.owner)
    TimeEntryFactory(date=MONDAY)  # another expert's entry, not in this trail
    trail = list(audit_trail(getattr(people, who), people.expert, _today()))
    assert [(change.action, change.after["hours"]) for change in trail] == [("updated", "2.00")]


@pytest.mark.parametrize("who", ["owner", "colleague", "director_elsewhere", "communications"])
def test_the_audit_trail_is_refused_to_whoever_may_not_read_it(people, who):
    with pytest.raises(PermissionDenied) as caught:
        audit_trail(getattr(people, who), people.expert, _today())
    assert "Vous ne pouvez pas consulter l'historique des heures de" in str(caught.value)


def test_the_audit_trail_keeps_to_its_period(people):
    entry = TimeEntryFactory(expert=people.expert, date=MONDAY)
    time_entry_update(entry=entry, hours=Decimal(2), by=people.owner)
    yesterday = _today().start - dt.timedelta(days=1)
    assert not audit_trail(people.director, people.expert, Period(yesterday, yesterday, "hier"))


def test_the_audit_trail_costs_two_queries_whatever_its_length(people, django_assert_num_queries):
    entry = TimeEntryFactory(expert=people.expert, date=MONDAY)
    for hours in range(2, 8):
        time_entry_update(entry=entry, hours=Decimal(hours), by=people.owner)
    with django_assert_num_queries(2):
        trail = list(audit_trail(people.director, people.expert, _today()))
        assert [(str(change.changed_by), change.mandate.code) for change in trail]
    assert len(trail) == 6
