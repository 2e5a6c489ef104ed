"""What the week grid does besides cells: copy the previous week, submit, and comment an entry."""

import datetime as dt
import html
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from consortium.core.weeks import week_start_of
from consortium.testing.factories import MandateFactory, TimeEntryFactory, TimesheetWeekFactory
from consortium.timesheets.models import (
    PeriodKind,
    TimeEntry,
    TimeEntryChange,
    TimesheetWeek,
    WeekStatus,
)
from consortium.timesheets.services.locks import period_lock

pytestmark = pytest.mark.django_db
MONDAY = dt.date(2020, 11, 30)
PREVIOUS_MONDAY = MONDAY - dt.timedelta(days=7)


@pytest.fixture
def mandate(people):
    return MandateFactory(code="M-0042", department=people.expert.department)


@pytest.fixture
def owner_client(client, people):
    client.force_login(people.owner)
    return client


def text(response) -> str:
    return html.unescape(response.content.decode())


def entry(people, mandate, day, hours="7", comment=""):
    return TimeEntryFactory(
        expert=people.expert, mandate=mandate, date=day, hours=Decimal(hours), description=comment
    )


def this_weeks_hours(people) -> dict[tuple[str, dt.date], Decimal]:
    entries = TimeEntry.objects.filter(
        expert=people.expert, date__range=(MONDAY, MONDAY + dt.timedelta(days=6))
    )
    return {
        (code, day): hours
        for code, day, hours in entries.values_list("mandate__code", "date", "hours")
    }


def copy(client, *, expert=None):
    url = reverse("timesheets:week_copy_previous", args=[MONDAY])
    if expert is not None:
        url += f"?expert={expert.pk}"
    return client.post(url, follow=True)


# --- copy of the previous week ------------------------------------------------------------------


def test_copying_the_previous_week_brings_its_hours_to_the_same_days(owner_client, people, mandate):
    other = MandateFactory(code="M-0043")
    entry(people, mandate, PREVIOUS_MONDAY, "7.5", comment="Paie")
    entry(people, mandate, PREVIOUS_MONDAY + dt.timedelta(days=2), "4")
    entry(people, other, PREVIOUS_MONDAY + dt.timedelta(days=4), "2")
    page = text(copy(owner_client))
    assert this_weeks_hours(people) == {
        ("M-0042", MONDAY): Decimal("7.5"),
        ("M-0042", MONDAY + dt.timedelta(days=2)): Decimal(4),
        ("M-0043", MONDAY + dt.timedelta(days=4)): Decimal(2),
    }
    assert "3 entrées copiées de la semaine précédente." in page
    assert TimeEntryChange.objects.filter(action="created", changed_by=people.owner).count() == 3
    # A comment describes that day's work: it stays behind.
    assert TimeEntry.objects.get(date=MONDAY).description == ""


def test_the_copy_skips_what_it_may_not_copy_and_says_why(owner_client, people, mandate):
    ending = MandateFactory(code="M-END", end=MONDAY + dt.timedelta(days=1))
    entry(people, mandate, PREVIOUS_MONDAY, "3")
    entry(people, mandate, PREVIOUS_MONDAY + dt.timedelta(days=1), "5")
    entry(people, ending, PREVIOUS_MONDAY + dt.timedelta(days=3), "6")
    entry(people, mandate, MONDAY + dt.timedelta(days=1), "1")
    page = text(copy(owner_client))
    assert this_weeks_hours(people) == {
        ("M-0042", MONDAY): Decimal(3),
        ("M-0042", MONDAY + dt.timedelta(days=1)): Decimal(1),
    }
    # One summary for what was copied and what was already there; the refusals one by one.
    assert "1 entrée copiée, 1 déjà présente." in page
    assert "Non copiée — M-0042" not in page
    assert (
        "Non copiée — M-END, jeudi 3 décembre : "
        "Le jeudi 3 décembre 2020 est hors des dates du mandat M-END" in page
    )


def test_the_copy_leaves_locked_days_alone(owner_client, people, mandate):
    # The previous week's Monday falls in November, this week's Monday too, Tuesday in December.
    entry(people, mandate, PREVIOUS_MONDAY, "3")
    entry(people, mandate, PREVIOUS_MONDAY + dt.timedelta(days=1), "4")
    period_lock(kind=PeriodKind.MONTH, month=MONDAY)
    page = text(copy(owner_client))
    assert this_weeks_hours(people) == {("M-0042", MONDAY + dt.timedelta(days=1)): Decimal(4)}
    assert (
        "Non copiée — M-0042, lundi 30 novembre : "
        "Le lundi 30 novembre 2020 est dans une période verrouillée" in page
    )


def test_nothing_to_copy_says_so(owner_client):
    assert "La semaine précédente n'a aucune heure à copier." in text(copy(owner_client))


def test_a_submitted_week_receives_no_copy(owner_client, people, mandate):
    entry(people, mandate, PREVIOUS_MONDAY)
    TimesheetWeekFactory(
        expert=people.expert,
        week_start=MONDAY,
        status="submitted",
        submitted_at=dt.datetime(2020, 12, 7, tzinfo=dt.UTC),
    )
    page = text(copy(owner_client))
    assert this_weeks_hours(people) == {}
    assert "La semaine du lundi 30 novembre 2020 est soumise" in page


def test_a_colleague_cannot_copy_into_the_owners_week(client, people, mandate):
    entry(people, mandate, PREVIOUS_MONDAY)
    client.force_login(people.colleague)
    assert copy(client, expert=people.expert).status_code == 404
    assert this_weeks_hours(people) == {}


def test_an_administrator_copies_an_experts_week(client, people, mandate):
    entry(people, mandate, PREVIOUS_MONDAY)
    client.force_login(people.administrator)
    response = copy(client, expert=people.expert)
    assert response.redirect_chain[-1][0].endswith(f"?expert={people.expert.pk}")
    assert this_weeks_hours(people) == {("M-0042", MONDAY): Decimal(7)}


def test_copying_needs_a_post(owner_client):
    url = reverse("timesheets:week_copy_previous", args=[MONDAY])
    assert owner_client.put(url).status_code == 405


@pytest.mark.parametrize("name", ["week_copy_previous", "week_submit", "week_withdraw"])
def test_a_get_of_an_action_goes_back_to_the_week_having_done_nothing(owner_client, name):
    # Where the sign-in page's `next` leads after a session expired under the form: no bare 405.
    response = owner_client.get(reverse(f"timesheets:{name}", args=[MONDAY]), follow=True)
    assert response.redirect_chain[-1][0] == reverse("timesheets:week_of", args=[MONDAY])
    page = html.unescape(response.content.decode())
    assert "Rien n'a été fait : recommencez depuis la semaine." in page
    assert not TimesheetWeek.objects.filter(status=WeekStatus.SUBMITTED).exists()


# --- submission ---------------------------------------------------------------------------------


def submit(client, *, expert=None, day=MONDAY, confirmed=True):
    """Submit the week; `confirmed`: as after "Soumettre quand même" (the checks below ask
    first when the week is not the expected one)."""
    url = reverse("timesheets:week_submit", args=[day])
    if expert is not None:
        url += f"?expert={expert.pk}"
    return client.post(url, {"confirmed": "1"} if confirmed else {}, follow=True)


def test_an_expected_week_is_submitted_without_a_question(owner_client, people, mandate):
    for offset in range(5):
        entry(people, mandate, MONDAY + dt.timedelta(days=offset))
    submit(owner_client, confirmed=False)
    assert TimesheetWeek.objects.get().status == "submitted"


def test_an_empty_week_asks_to_confirm_and_says_why(owner_client, people):
    response = submit(owner_client, confirmed=False)
    assert "Soumettre la semaine du 30 novembre 2020 ?" in text(response)
    assert "Cette semaine ne compte aucune heure." in text(response)
    assert not TimesheetWeek.objects.exists()


def test_a_short_week_and_a_long_day_are_named_before_submitting(owner_client, people, mandate):
    entry(people, mandate, MONDAY, hours="9")
    entry(people, mandate, MONDAY + dt.timedelta(days=1), hours="7.5")
    page = text(submit(owner_client, confirmed=False)).replace("\xa0", " ")
    assert "Cette semaine compte 16,5 h ; la semaine attendue en compte 35 h." in page
    assert "Le lundi 30 novembre 2020 compte 9 h, plus que la journée attendue de 7 h." in page
    assert not TimesheetWeek.objects.exists()
    submit(owner_client)
    assert TimesheetWeek.objects.get().status == "submitted"


def test_a_week_not_begun_asks_to_confirm(owner_client, people, mandate):
    future = week_start_of(timezone.localdate()) + dt.timedelta(days=14)
    for offset in range(5):
        entry(people, mandate, future + dt.timedelta(days=offset))
    page = text(submit(owner_client, day=future, confirmed=False))
    assert "Cette semaine n'a pas encore commencé : elle commence le" in page
    assert not TimesheetWeek.objects.exists()


def test_the_expert_withdraws_a_submitted_week_and_may_change_it_again(owner_client, people):
    submit(owner_client)
    response = owner_client.post(reverse("timesheets:week_withdraw", args=[MONDAY]), follow=True)
    assert "Semaine du 30 novembre 2020 retirée" in text(response)
    assert TimesheetWeek.objects.get().status == "draft"
    assert "Soumettre la semaine" in text(response)


def test_an_approved_week_cannot_be_withdrawn(owner_client, people):
    TimesheetWeekFactory(
        expert=people.expert,
        week_start=MONDAY,
        status=WeekStatus.APPROVED,
        submitted_at=dt.datetime(2020, 12, 7, tzinfo=dt.UTC),
        decided_by=people.director,
        decided_at=dt.datetime(2020, 12, 8, tzinfo=dt.UTC),
    )
    response = owner_client.post(reverse("timesheets:week_withdraw", args=[MONDAY]), follow=True)
    assert "Seule une semaine soumise et pas encore approuvée peut être retirée." in text(response)
    assert TimesheetWeek.objects.get().status == WeekStatus.APPROVED


def test_the_owner_submits_their_week(owner_client, people, mandate):
    entry(people, mandate, MONDAY)
    response = submit(owner_client)
    page = text(response)
    week = TimesheetWeek.objects.get()
    assert (week.expert, week.week_start, week.status) == (people.expert, MONDAY, "submitted")
    assert "Semaine du 30 novembre 2020 soumise pour approbation." in page
    assert 'class="badge warn" id="week-status">Soumise</span>' in page
    assert "Soumettre la semaine" not in page


def test_submitting_from_another_day_submits_its_week(owner_client, people):
    submit(owner_client, day=MONDAY + dt.timedelta(days=3))
    assert TimesheetWeek.objects.get().week_start == MONDAY


def test_a_returned_week_is_submitted_again(owner_client, people):
    TimesheetWeekFactory(
        expert=people.expert,
        week_start=MONDAY,
        status=WeekStatus.RETURNED,
        submitted_at=dt.datetime(2020, 12, 7, tzinfo=dt.UTC),
        decided_by=people.director,
        decided_at=dt.datetime(2020, 12, 8, tzinfo=dt.UTC),
        reason="Il manque le mardi.",
    )
    submit(owner_client)
    assert TimesheetWeek.objects.get().status == WeekStatus.SUBMITTED


def test_submitting_twice_says_why_it_cannot(owner_client, people):
    submit(owner_client)
    page = text(submit(owner_client))
    assert "est à l'état « soumise » : elle ne peut pas être soumise." in page


def test_a_colleague_cannot_submit_the_owners_week(client, people):
    client.force_login(people.colleague)
    assert submit(client, expert=people.expert).status_code == 404
    assert not TimesheetWeek.objects.exists()


def test_an_administrator_submits_an_experts_week(client, people):
    client.force_login(people.administrator)
    submit(client, expert=people.expert)
    assert TimesheetWeek.objects.get().expert == people.expert


def test_an_anonymous_submission_is_sent_to_sign_in(client):
    response = client.post(reverse("timesheets:week_submit", args=[MONDAY]))
    assert response["Location"].startswith(reverse("accounts:login"))


# --- comments -----------------------------------------------------------------------------------


def comment_url(entry, *, expert=None) -> str:
    url = reverse("timesheets:week_comment", args=[entry.pk])
    return f"{url}?expert={expert.pk}" if expert is not None else url


def test_the_comment_button_opens_the_entrys_form_inline(owner_client, people, mandate):
    filled = entry(people, mandate, MONDAY, comment="Paie")
    response = owner_client.get(comment_url(filled), HTTP_HX_REQUEST="true")
    form = text(response)
    assert response.status_code == 200
    assert form.startswith('<form class="comment-form card"')
    assert "Commentaire — M-0042, lundi 30 novembre" in form
    assert '<label for="id_comment">Commentaire</label>' in form
    assert "Paie</textarea>" in form
    assert "Enregistrer le commentaire" in form


def test_saving_a_comment_redraws_the_cell_with_its_mark(owner_client, people, mandate):
    filled = entry(people, mandate, MONDAY)
    response = owner_client.post(
        comment_url(filled), {"comment": "Clôture du mois"}, HTTP_HX_REQUEST="true"
    )
    page = text(response)
    filled.refresh_from_db()
    assert (filled.hours, filled.description) == (Decimal(7), "Clôture du mois")
    assert f'class="cell has-comment" id="cell-{mandate.pk}-2020-11-30"' in page
    assert "Commentaire : Clôture du mois" in page
    assert (
        '<div id="comment-panel" class="comment-panel" aria-live="polite" hx-swap-oob="true">'
        in page
    )
    change = TimeEntryChange.objects.get()
    assert (change.action, change.before["description"], change.after["description"]) == (
        "updated",
        "",
        "Clôture du mois",
    )


def test_without_javascript_the_comment_has_its_own_page(owner_client, people, mandate):
    filled = entry(people, mandate, MONDAY)
    page = text(owner_client.get(comment_url(filled)))
    assert "<h1>Commentaire d'une entrée</h1>" in page
    response = owner_client.post(comment_url(filled), {"comment": "Paie"}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("timesheets:week_of", args=[MONDAY])
    assert "Commentaire enregistré." in text(response)


def test_a_comment_in_a_submitted_week_is_refused_in_the_form(owner_client, people, mandate):
    filled = entry(people, mandate, MONDAY)
    TimesheetWeekFactory(
        expert=people.expert,
        week_start=MONDAY,
        status="submitted",
        submitted_at=dt.datetime(2020, 12, 7, tzinfo=dt.UTC),
    )
    response = owner_client.post(
        comment_url(filled), {"comment": "Trop tard"}, HTTP_HX_REQUEST="true"
    )
    assert "La semaine du lundi 30 novembre 2020 est soumise" in text(response)
    assert response["HX-Retarget"] == "#comment-panel"
    filled.refresh_from_db()
    assert filled.description == ""


def test_a_colleague_cannot_read_or_write_the_owners_comment(client, people, mandate):
    filled = entry(people, mandate, MONDAY, comment="Confidentiel")
    client.force_login(people.colleague)
    assert client.get(comment_url(filled), HTTP_HX_REQUEST="true").status_code == 404
    assert client.post(comment_url(filled), {"comment": "Vu"}).status_code == 404
    filled.refresh_from_db()
    assert filled.description == "Confidentiel"


@pytest.mark.parametrize("who", ["director", "finance"])
def test_nobody_else_edits_a_comment(client, people, mandate, who):
    filled = entry(people, mandate, MONDAY)
    client.force_login(getattr(people, who))
    assert client.post(comment_url(filled), {"comment": "Vu"}).status_code == 404


def test_an_administrator_comments_an_experts_entry(client, people, mandate):
    filled = entry(people, mandate, MONDAY)
    client.force_login(people.administrator)
    client.post(comment_url(filled, expert=people.expert), {"comment": "Corrigé"})
    filled.refresh_from_db()
    assert filled.description == "Corrigé"
    assert TimeEntryChange.objects.get().changed_by == people.administrator
