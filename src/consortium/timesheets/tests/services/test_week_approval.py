import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from consortium.testing.factories import TimesheetWeekFactory
from consortium.timesheets.models import TimesheetWeek, WeekStatus
from consortium.timesheets.services.weeks import (
    week_approve,
    week_reopen,
    week_return,
    week_return_many,
    week_submit,
)

pytestmark = pytest.mark.django_db
MONDAY = dt.date(2020, 6, 1)


def _submitted(people) -> TimesheetWeek:
    return week_submit(expert=people.expert, week_start=MONDAY, by=people.owner)


def test_an_expert_submits_their_week(people):
    week = _submitted(people)
    assert (week.status, week.submitted_at is not None) == (WeekStatus.SUBMITTED, True)


def test_an_administrator_may_submit_a_week_for_an_expert(people):
    week = week_submit(expert=people.expert, week_start=MONDAY, by=people.administrator)
    assert week.status == WeekStatus.SUBMITTED


@pytest.mark.parametrize("who", ["colleague", "director", "finance"])
def test_nobody_else_submits_an_experts_week(people, who):
    with pytest.raises(PermissionDenied) as caught:
        week_submit(expert=people.expert, week_start=MONDAY, by=getattr(people, who))
    assert "Vous ne pouvez pas soumettre les heures de" in str(caught.value)
    assert not TimesheetWeek.objects.exists()


def test_a_week_starts_on_a_monday(people):
    with pytest.raises(ValidationError) as caught:
        week_submit(expert=people.expert, week_start=MONDAY + dt.timedelta(days=2), by=people.owner)
    assert caught.value.message_dict["week_start"] == ["Une semaine commence un lundi."]


def test_the_director_approves_a_submitted_week(people):
    week = week_approve(week=_submitted(people), by=people.director)
    assert (week.status, week.decided_by) == (WeekStatus.APPROVED, people.director)
    assert week.decided_at is not None


@pytest.mark.parametrize("who", ["owner", "colleague", "director_elsewhere", "finance"])
def test_only_the_experts_director_or_an_administrator_approves(people, who):
    week = _submitted(people)
    with pytest.raises(PermissionDenied) as caught:
        week_approve(week=week, by=getattr(people, who))
    assert "Seule la direction du département" in str(caught.value)
    week.refresh_from_db()
    assert week.status == WeekStatus.SUBMITTED


def test_an_administrator_approves_a_week(people):
    assert week_approve(week=_submitted(people), by=people.administrator).status == "approved"


def test_the_director_returns_a_week_with_a_reason(people):
    week = week_return(week=_submitted(people), by=people.director, reason="Mandat erroné")
    assert (week.status, week.reason) == (WeekStatus.RETURNED, "Mandat erroné")


def test_returning_a_week_without_a_reason_is_refused(people):
    week = _submitted(people)
    with pytest.raises(ValidationError) as caught:
        week_return(week=week, by=people.director, reason="  ")
    assert caught.value.message_dict["reason"] == ["Indiquez pourquoi la semaine est renvoyée."]
    week.refresh_from_db()
    assert week.status == WeekStatus.SUBMITTED


def test_returning_is_refused_to_whoever_may_not_approve(people):
    with pytest.raises(PermissionDenied):
        week_return(week=_submitted(people), by=people.director_elsewhere, reason="Non")


def test_a_returned_week_may_be_submitted_again_and_forgets_its_reason(people):
    week_return(week=_submitted(people), by=people.director, reason="Mandat erroné")
    week = _submitted(people)
    assert (week.status, week.reason, week.decided_by) == (WeekStatus.SUBMITTED, "", None)


def test_the_director_reopens_an_approved_week_to_draft(people):
    week = week_approve(week=_submitted(people), by=people.director)
    week = week_reopen(week=week, by=people.director)
    assert (week.status, week.submitted_at) == (WeekStatus.DRAFT, None)


@pytest.mark.parametrize("who", ["owner", "director_elsewhere", "finance"])
def test_only_a_director_or_an_administrator_reopens(people, who):
    week = week_approve(week=_submitted(people), by=people.director)
    with pytest.raises(PermissionDenied):
        week_reopen(week=week, by=getattr(people, who))


@pytest.mark.parametrize(
    "status, action, expected",
    [
        ("submitted", "submit", "est à l'état « soumise » : elle ne peut pas être soumise"),
        ("approved", "submit", "est à l'état « approuvée » : elle ne peut pas être soumise"),
        ("draft", "approve", "est à l'état « brouillon » : elle ne peut pas être approuvée"),
        ("approved", "approve", "est à l'état « approuvée » : elle ne peut pas être approuvée"),
        ("returned", "approve", "est à l'état « renvoyée » : elle ne peut pas être approuvée"),
        ("draft", "return", "est à l'état « brouillon » : elle ne peut pas être renvoyée"),
        ("approved", "return", "est à l'état « approuvée » : elle ne peut pas être renvoyée"),
        ("draft", "reopen", "est à l'état « brouillon » : elle ne peut pas être rouverte"),
        ("submitted", "reopen", "est à l'état « soumise » : elle ne peut pas être rouverte"),
        ("returned", "reopen", "est à l'état « renvoyée » : elle ne peut pas être rouverte"),
    ],
)
def test_a_wrong_transition_is_refused_with_the_weeks_state(people, status, action, expected):
    week = TimesheetWeekFactory(
        expert=people.expert,
        week_start=MONDAY,
        status=status,
        submitted_at=dt.datetime(2020, 6, 8, tzinfo=dt.UTC) if status != "draft" else None,
        decided_by=people.director if status in ("approved", "returned") else None,
        decided_at=dt.datetime(2020, 6, 9, tzinfo=dt.UTC) if status != "draft" else None,
        reason="Motif" if status == "returned" else "",
    )
    services = {
        "submit": lambda: week_submit(expert=people.expert, week_start=MONDAY, by=people.owner),
        "approve": lambda: week_approve(week=week, by=people.director),
        "return": lambda: week_return(week=week, by=people.director, reason="Motif"),
        "reopen": lambda: week_reopen(week=week, by=people.director),
    }
    with pytest.raises(ValidationError) as caught:
        services[action]()
    assert f"La semaine du 1er juin 2020 {expected}." in caught.value.messages
    week.refresh_from_db()
    assert week.status == status


@pytest.mark.parametrize("monday", [dt.date(9999, 12, 27), dt.date(1900, 1, 1)])
def test_no_week_outside_the_centre_s_years_may_be_submitted(people, monday):
    with pytest.raises(ValidationError) as refused:
        week_submit(expert=people.expert, week_start=monday, by=people.owner)

    assert refused.value.message_dict == {"week_start": ["Les dates vont de 2000 à 2100."]}
    assert not TimesheetWeek.objects.exists()


def test_several_weeks_are_returned_with_one_reason_or_none_is(people):
    first = _submitted(people)
    second = week_submit(
        expert=people.expert, week_start=MONDAY + dt.timedelta(days=7), by=people.owner
    )
    approved = week_approve(
        week=week_submit(
            expert=people.expert, week_start=MONDAY + dt.timedelta(days=14), by=people.owner
        ),
        by=people.director,
    )
    with pytest.raises(ValidationError):
        week_return_many(weeks=[first, second, approved], by=people.director, reason="Non")
    assert TimesheetWeek.objects.filter(status=WeekStatus.RETURNED).count() == 0
    week_return_many(weeks=[first, second], by=people.director, reason="Mandat erroné")
    assert set(TimesheetWeek.objects.values_list("status", "reason")) == {
        (WeekStatus.RETURNED, "Mandat erroné"),
        (WeekStatus.APPROVED, ""),
    }
