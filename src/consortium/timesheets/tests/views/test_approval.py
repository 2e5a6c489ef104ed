"""Directors approve, return and reopen their experts' weeks from the approval pages."""

import datetime as dt
from decimal import Decimal

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone, translation

from consortium.testing.factories import (
    DepartmentFactory,
    ExpertFactory,
    MandateFactory,
    TimeEntryFactory,
    TimesheetWeekFactory,
)
from consortium.timesheets.models import TimesheetWeek, WeekStatus
from consortium.timesheets.services.entries import time_entry_record
from consortium.timesheets.services.locks import period_lock
from consortium.timesheets.services.weeks import week_approve, week_submit

pytestmark = pytest.mark.django_db
MONDAY = dt.date(2020, 11, 23)


def url(name: str, *args, language: str = "fr") -> str:
    with translation.override(language):
        return reverse(f"timesheets:{name}", args=args)


@pytest.fixture
def people(people):
    people.expert.first_name, people.expert.last_name = "Marie", "Tremblay"
    people.expert.save()
    return people


def submitted_week(people, monday: dt.date = MONDAY, hours: str = "7.5") -> TimesheetWeek:
    mandate = MandateFactory(code="MAN-CPT", title="Tenue de livres")
    time_entry_record(
        expert=people.expert,
        mandate=mandate,
        date=monday + dt.timedelta(days=1),
        hours=Decimal(hours),
        description="Rapprochement bancaire",
        by=people.owner,
    )
    return week_submit(expert=people.expert, week_start=monday, by=people.owner)


def signed_in(client, user):
    client.force_login(user)
    return client


def messages_of(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


# --- the list ----------------------------------------------------------------------------------


def test_the_director_sees_the_weeks_awaiting_them_oldest_first(client, people):
    later = submitted_week(people)
    earlier = week_submit(
        expert=people.expert, week_start=MONDAY - dt.timedelta(days=7), by=people.owner
    )
    response = signed_in(client, people.director).get(url("approval_list"))
    assert response.status_code == 200
    assert [week.pk for week in response.context["awaiting"]] == [earlier.pk, later.pk]
    page = response.content.decode()
    assert "Marie Tremblay" in page
    assert "7,50" in page
    assert url("approval_detail", later.pk) in page


def test_the_list_leaves_out_other_departments_weeks(client, people):
    submitted_week(people)
    response = signed_in(client, people.director_elsewhere).get(url("approval_list"))
    assert response.status_code == 200
    assert response.context["awaiting"] == []
    assert "Aucune semaine n'attend votre approbation." in response.content.decode()


def test_the_list_filters_by_expert_and_by_department(client, people):
    submitted_week(people)
    other_expert = ExpertFactory(department=people.expert.department)
    TimesheetWeekFactory(
        expert=other_expert, week_start=MONDAY, status="submitted", submitted_at=timezone.now()
    )
    director = signed_in(client, people.director)
    by_expert = director.get(url("approval_list"), {"expert": people.expert.pk})
    assert [week.expert_id for week in by_expert.context["awaiting"]] == [people.expert.pk]
    assert "Expert : <strong>Marie Tremblay</strong>" in by_expert.content.decode()
    elsewhere = DepartmentFactory(code="TI")
    by_department = director.get(url("approval_list"), {"department": elsewhere.pk})
    # A department the director does not direct is no choice: the filter is ignored, not obeyed.
    assert len(by_department.context["awaiting"]) == 2
    by_own = director.get(url("approval_list"), {"department": people.expert.department_id})
    assert len(by_own.context["awaiting"]) == 2


def test_the_recently_decided_weeks_are_listed_so_they_may_be_reopened(client, people):
    week = week_approve(week=submitted_week(people), by=people.director)
    response = signed_in(client, people.director).get(url("approval_list"))
    assert [decided.pk for decided in response.context["decided"]] == [week.pk]
    assert "approuvée" in response.content.decode()


@pytest.mark.parametrize("who", ["owner", "colleague", "finance", "communications"])
def test_the_list_is_not_for_other_roles(client, people, who):
    assert signed_in(client, getattr(people, who)).get(url("approval_list")).status_code == 403


def test_an_administrator_sees_every_departments_weeks(client, people):
    week = submitted_week(people)
    response = signed_in(client, people.administrator).get(url("approval_list"))
    assert [awaiting.pk for awaiting in response.context["awaiting"]] == [week.pk]


def test_an_anonymous_visitor_is_sent_to_sign_in(client, people):
    week = submitted_week(people)
    for address in (url("approval_list"), url("approval_detail", week.pk)):
        response = client.get(address)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))
    response = client.post(url("week_approve", week.pk))
    assert response["Location"].startswith(reverse("accounts:login"))
    week.refresh_from_db()
    assert week.status == WeekStatus.SUBMITTED


def test_the_list_speaks_english_under_en(client, people):
    submitted_week(people)
    response = signed_in(client, people.director).get(url("approval_list", language="en"))
    assert response.status_code == 200
    assert url("approval_list", language="en").startswith("/en/temps/")
    assert "7.50" in response.content.decode()


def _list_queries(client, django_assert_num_queries, queries: int) -> None:
    with django_assert_num_queries(queries):
        assert client.get(url("approval_list")).status_code == 200


# 9 since issue 13.11: the locks touching the awaiting weeks (one query for all of them), so the
# list marks those weeks and asks to confirm before returning them.
LIST_QUERIES = 9


def test_the_list_costs_a_fixed_number_of_queries(client, people, django_assert_num_queries):
    director = signed_in(client, people.director)
    submitted_week(people)
    week_approve(
        week=week_submit(
            expert=people.expert, week_start=MONDAY - dt.timedelta(days=7), by=people.owner
        ),
        by=people.director,
    )
    _list_queries(director, django_assert_num_queries, LIST_QUERIES)
    for offset in range(2, 22):
        expert = ExpertFactory(department=people.expert.department)
        monday = MONDAY - dt.timedelta(days=7 * offset)
        TimeEntryFactory(expert=expert, date=monday)
        TimesheetWeekFactory(
            expert=expert, week_start=monday, status="submitted", submitted_at=timezone.now()
        )
        TimesheetWeekFactory(
            expert=expert,
            week_start=monday - dt.timedelta(days=7),
            status="approved",
            submitted_at=timezone.now(),
            decided_by=people.director,
            decided_at=timezone.now(),
        )
    _list_queries(director, django_assert_num_queries, LIST_QUERIES)


# --- the detail --------------------------------------------------------------------------------


def test_the_director_reads_the_week_as_a_grid_with_its_actions(client, people):
    week = submitted_week(people)
    response = signed_in(client, people.director).get(url("approval_detail", week.pk))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Semaine de Marie Tremblay du 23 novembre 2020" in page
    assert "MAN-CPT" in page
    assert "Rapprochement bancaire" in page
    assert "7,50" in page
    assert ">Approuver</button>" in page
    assert ">Approuver et suivante</button>" in page
    assert "7,50 h sur 35 h attendues" in page
    assert ">Renvoyer</button>" in page
    assert "Motif du renvoi</label>" in page
    assert "Rouvrir" not in page
    assert "Soumise le" in page
    assert "Historique des modifications" in page
    assert f"{url('audit_trail')}?expert={people.expert.pk}" in page


def test_an_approved_week_offers_to_reopen_it(client, people):
    week = week_approve(week=submitted_week(people), by=people.director)
    page = signed_in(client, people.director).get(url("approval_detail", week.pk)).content.decode()
    assert ">Rouvrir</button>" in page
    assert ">Approuver</button>" not in page
    assert "Approuvée le" in page


@pytest.mark.parametrize(
    "who", ["owner", "colleague", "director_elsewhere", "finance", "communications"]
)
def test_the_week_is_not_found_by_anyone_outside_its_reach(client, people, who):
    week = submitted_week(people)
    visitor = signed_in(client, getattr(people, who))
    assert visitor.get(url("approval_detail", week.pk)).status_code == 404
    for action in ("week_approve", "week_return", "week_reopen"):
        assert visitor.post(url(action, week.pk), {"reason": "Non."}).status_code == 404
    week.refresh_from_db()
    assert week.status == WeekStatus.SUBMITTED


def test_a_week_that_does_not_exist_is_not_found(client, people):
    assert signed_in(client, people.director).get(url("approval_detail", 999)).status_code == 404


def test_a_director_does_not_decide_their_own_week(client, people):
    director_expert = ExpertFactory(department=people.expert.department, user=people.director)
    week = week_submit(expert=director_expert, week_start=MONDAY, by=people.director)
    assert (
        signed_in(client, people.director).get(url("approval_detail", week.pk)).status_code == 404
    )


def test_the_detail_speaks_english_under_en(client, people):
    week = submitted_week(people)
    response = signed_in(client, people.director).get(
        url("approval_detail", week.pk, language="en")
    )
    assert response.status_code == 200
    assert 'lang="en"' in response.content.decode()


# Session, user, roles, the week, its grid, its changes, the locks touching it, the locale's.
DETAIL_QUERIES = 8


def test_the_detail_costs_a_fixed_number_of_queries(client, people, django_assert_num_queries):
    week = submitted_week(people)
    director = signed_in(client, people.director)
    with django_assert_num_queries(DETAIL_QUERIES):
        assert director.get(url("approval_detail", week.pk)).status_code == 200
    for mandate in MandateFactory.create_batch(3):
        for day in range(7):
            TimeEntryFactory(
                expert=people.expert, mandate=mandate, date=MONDAY + dt.timedelta(days=day)
            )
    with django_assert_num_queries(DETAIL_QUERIES):
        response = director.get(url("approval_detail", week.pk))
    assert len(response.context["grid"].rows) == 4
    assert response.context["grid"].total == Decimal("154.5")


# --- the actions -------------------------------------------------------------------------------


def test_the_director_approves_the_week(client, people):
    week = submitted_week(people)
    response = signed_in(client, people.director).post(url("week_approve", week.pk))
    assert response.status_code == 302
    assert response["Location"] == url("approval_list")
    assert messages_of(response) == ["Semaine de Marie Tremblay du 23 novembre approuvée."]
    week.refresh_from_db()
    assert (week.status, week.decided_by) == (WeekStatus.APPROVED, people.director)


def test_the_director_returns_the_week_with_a_reason(client, people):
    week = submitted_week(people)
    response = signed_in(client, people.director).post(
        url("week_return", week.pk), {"reason": "Il manque le vendredi."}
    )
    assert messages_of(response) == ["Semaine de Marie Tremblay du 23 novembre renvoyée."]
    week.refresh_from_db()
    assert (week.status, week.reason) == (WeekStatus.RETURNED, "Il manque le vendredi.")


def test_returning_a_week_in_a_locked_month_says_the_expert_cannot_correct_it(client, people):
    week = submitted_week(people)
    period_lock(kind="month", month=MONDAY)
    director = signed_in(client, people.director)
    page = director.get(url("approval_detail", week.pk)).content.decode()
    assert (
        "Cette semaine touche une période verrouillée (du 23 novembre au 29 novembre 2020)" in page
    )
    refused = director.post(url("week_return", week.pk), {"reason": "Il manque le vendredi."})
    assert refused.status_code == 400
    assert "confirmez que vous la renvoyez quand même" in refused.content.decode()
    week.refresh_from_db()
    assert week.status == WeekStatus.SUBMITTED
    director.post(
        url("week_return", week.pk), {"reason": "Il manque le vendredi.", "understood": "on"}
    )
    week.refresh_from_db()
    assert week.status == WeekStatus.RETURNED


def test_returning_a_week_needs_a_reason(client, people):
    week = submitted_week(people)
    response = signed_in(client, people.director).post(url("week_return", week.pk), {"reason": " "})
    assert response.status_code == 400
    assert "Ce champ est obligatoire." in response.content.decode()
    week.refresh_from_db()
    assert week.status == WeekStatus.SUBMITTED


def test_the_director_reopens_an_approved_week(client, people):
    week = week_approve(week=submitted_week(people), by=people.director)
    response = signed_in(client, people.director).post(url("week_reopen", week.pk))
    assert response["Location"] == url("approval_detail", week.pk)
    assert messages_of(response) == ["Semaine de Marie Tremblay du 23 novembre rouverte."]
    week.refresh_from_db()
    assert week.status == WeekStatus.DRAFT


def test_a_refused_transition_shows_the_services_message(client, people):
    week = week_approve(week=submitted_week(people), by=people.director)
    response = signed_in(client, people.director).post(url("week_approve", week.pk), follow=True)
    assert response.status_code == 200
    assert "elle ne peut pas être approuvée" in response.content.decode()


def test_the_actions_take_only_post(client, people):
    week = submitted_week(people)
    assert signed_in(client, people.director).get(url("week_approve", week.pk)).status_code == 405


def test_the_director_approves_several_weeks_at_once(client, people):
    first = submitted_week(people)
    second = week_submit(
        expert=people.expert, week_start=MONDAY - dt.timedelta(days=7), by=people.owner
    )
    response = signed_in(client, people.director).post(
        url("week_approve_many"), {"week": [first.pk, second.pk]}
    )
    assert messages_of(response) == ["2 semaines approuvées."]
    assert set(TimesheetWeek.objects.values_list("status", flat=True)) == {WeekStatus.APPROVED}


def test_a_bulk_approval_ignores_weeks_outside_ones_reach(client, people):
    week = submitted_week(people)
    response = signed_in(client, people.director_elsewhere).post(
        url("week_approve_many"), {"week": [week.pk]}
    )
    assert messages_of(response) == ["Cochez au moins une semaine à approuver."]
    week.refresh_from_db()
    assert week.status == WeekStatus.SUBMITTED


def test_an_administrator_decides_any_departments_week(client, people):
    week = submitted_week(people)
    administrator = signed_in(client, people.administrator)
    assert administrator.get(url("approval_detail", week.pk)).status_code == 200
    administrator.post(url("week_approve", week.pk))
    week.refresh_from_db()
    assert (week.status, week.decided_by) == (WeekStatus.APPROVED, people.administrator)


def test_returning_an_approved_week_is_refused_with_the_services_message(client, people):
    week = week_approve(week=submitted_week(people), by=people.director)
    response = signed_in(client, people.director).post(
        url("week_return", week.pk), {"reason": "Trop tard."}, follow=True
    )
    assert "elle ne peut pas être renvoyée" in response.content.decode()
    week.refresh_from_db()
    assert week.status == WeekStatus.APPROVED


# --- a director's pace (issue 13.11) ------------------------------------------------------------


def test_each_awaiting_week_is_compared_with_the_expected_week(client, people):
    submitted_week(people, hours="7.5")
    page = signed_in(client, people.director).get(url("approval_list")).content.decode()
    assert "Écart aux 35 h" in page
    assert "−27,50" in page
    assert '<th scope="row" class="person">Marie Tremblay</th>' in page
    assert 'data-select-all="week"' in page


def test_approve_and_next_opens_the_next_awaiting_week(client, people):
    first = submitted_week(people)
    second = week_submit(
        expert=people.expert, week_start=MONDAY + dt.timedelta(days=7), by=people.owner
    )
    director = signed_in(client, people.director)
    response = director.post(url("week_approve", first.pk), {"then": "next"})
    assert response["Location"] == url("approval_detail", second.pk)
    response = director.post(url("week_approve", second.pk), {"then": "next"})
    assert response["Location"] == url("approval_list")
    assert "Plus aucune semaine n'attend votre approbation." in messages_of(response)


def test_the_director_returns_several_weeks_from_the_list_with_one_reason(client, people):
    first = submitted_week(people)
    second = week_submit(
        expert=people.expert, week_start=MONDAY - dt.timedelta(days=7), by=people.owner
    )
    director = signed_in(client, people.director)
    refused = director.post(url("week_return_many"), {"week": [first.pk, second.pk]})
    assert messages_of(refused) == ["Indiquez pourquoi les semaines sont renvoyées."]
    response = director.post(
        url("week_return_many"), {"week": [first.pk, second.pk], "reason": "Projet mal saisi."}
    )
    assert messages_of(response)[-1] == "2 semaines renvoyées."
    assert set(TimesheetWeek.objects.values_list("status", "reason")) == {
        (WeekStatus.RETURNED, "Projet mal saisi.")
    }


def test_returning_from_the_list_a_week_in_a_locked_month_asks_to_confirm(client, people):
    week = submitted_week(people)
    period_lock(kind="month", month=MONDAY)
    director = signed_in(client, people.director)
    page = director.get(url("approval_list")).content.decode()
    assert "période verrouillée" in page
    refused = director.post(url("week_return_many"), {"week": [week.pk], "reason": "Non."})
    assert "Marie Tremblay (23 novembre)" in messages_of(refused)[0]
    week.refresh_from_db()
    assert week.status == WeekStatus.SUBMITTED
    director.post(
        url("week_return_many"), {"week": [week.pk], "reason": "Non.", "understood": "on"}
    )
    week.refresh_from_db()
    assert week.status == WeekStatus.RETURNED


def test_a_list_return_ignores_weeks_outside_ones_reach(client, people):
    week = submitted_week(people)
    response = signed_in(client, people.director_elsewhere).post(
        url("week_return_many"), {"week": [week.pk], "reason": "Non."}
    )
    assert messages_of(response) == ["Cochez au moins une semaine à renvoyer."]
    week.refresh_from_db()
    assert week.status == WeekStatus.SUBMITTED
