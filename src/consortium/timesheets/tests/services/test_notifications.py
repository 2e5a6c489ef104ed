"""E-mails of the ledger: a returned week to its expert with the reason; Monday's reminders to
experts whose last week is not in and to directors with weeks waiting; each turned off by the
person, in the language they chose."""

import datetime as dt
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from consortium.accounts.services import notification_settings_update
from consortium.testing.factories import TimesheetWeekFactory
from consortium.timesheets.notifications import reminders_send
from consortium.timesheets.services.weeks import week_return, week_submit

pytestmark = pytest.mark.django_db

MONDAY = dt.date(2020, 11, 23)
NEXT_MONDAY = MONDAY + dt.timedelta(days=7)


@pytest.fixture
def people(people):
    people.owner.email, people.owner.first_name = "marie@example.coop", "Marie"
    people.owner.save()
    people.expert.hired_on = dt.date(2019, 1, 1)
    people.expert.save()
    people.director.email = "direction@example.coop"
    people.director.save()
    return people


def test_a_returned_week_tells_its_expert_why(people, django_capture_on_commit_callbacks):
    week = week_submit(expert=people.expert, week_start=MONDAY, by=people.owner)
    with django_capture_on_commit_callbacks(execute=True):
        week_return(week=week, by=people.director, reason="Il manque le vendredi.")
    (message,) = mail.outbox
    assert message.to == ["marie@example.coop"]
    assert message.subject == "Votre semaine du 23 novembre 2020 vous est renvoyée"
    assert "Il manque le vendredi." in message.body
    assert "/temps/semaine/2020-11-23/" in message.body
    assert "/compte/notifications/" in message.body


def test_an_expert_who_turned_it_off_is_not_told(people, django_capture_on_commit_callbacks):
    notification_settings_update(
        user=people.owner, week_returned=False, reminders=True, language="fr"
    )
    week = week_submit(expert=people.expert, week_start=MONDAY, by=people.owner)
    with django_capture_on_commit_callbacks(execute=True):
        week_return(week=week, by=people.director, reason="Il manque le vendredi.")
    assert mail.outbox == []


def test_the_mail_speaks_the_language_the_person_chose(people, django_capture_on_commit_callbacks):
    notification_settings_update(
        user=people.owner, week_returned=True, reminders=True, language="en"
    )
    week = week_submit(expert=people.expert, week_start=MONDAY, by=people.owner)
    with django_capture_on_commit_callbacks(execute=True):
        week_return(week=week, by=people.director, reason="Friday is missing.")
    assert mail.outbox[0].subject == "Your week of November 23, 2020 was returned to you"


def test_mondays_reminders_go_to_the_late_expert_and_the_waiting_director(people):
    TimesheetWeekFactory(
        expert=people.colleague_expert,
        week_start=MONDAY,
        status="submitted",
        submitted_at=timezone.now(),
    )
    people.colleague.email = "luc@example.coop"
    people.colleague.save()
    people.colleague_expert.hired_on = dt.date(2019, 1, 1)
    people.colleague_expert.save()

    sent = reminders_send(NEXT_MONDAY)

    recipients = {address for message in mail.outbox for address in message.to}
    # Marie has not handed in the week of 23 November; Luc has (submitted).
    assert "marie@example.coop" in recipients and "luc@example.coop" not in recipients
    assert "direction@example.coop" in recipients
    to_director = next(m for m in mail.outbox if m.to == ["direction@example.coop"])
    assert to_director.subject == "1 semaine attend votre approbation"
    assert (sent.experts, sent.directors) == (1, 1)


def test_reminders_respect_the_choice_and_the_command_says_what_it_sent(people):
    notification_settings_update(
        user=people.owner, week_returned=True, reminders=False, language="fr"
    )
    notification_settings_update(
        user=people.colleague, week_returned=True, reminders=False, language="fr"
    )
    out = io.StringIO()
    call_command("notify_reminders", "--today", NEXT_MONDAY.isoformat(), stdout=out)
    recipients = {address for message in mail.outbox for address in message.to}
    assert people.owner.email not in recipients and people.colleague.email not in recipients
    experts = len(recipients - {people.director.email})
    assert f"Rappels envoyés : {experts} à des experts, 0 à des directions." in out.getvalue()


def test_reminders_take_the_same_queries_for_one_or_many_people(
    people, django_assert_max_num_queries
):
    with django_assert_max_num_queries(5):
        reminders_send(NEXT_MONDAY)
