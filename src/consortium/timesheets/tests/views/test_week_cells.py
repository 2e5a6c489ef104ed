"""Typing hours in a cell of the week grid: it saves through the services, or says why not in
place."""

import datetime as dt
import html
import re
from decimal import Decimal

import pytest
from django.db import connection
from django.urls import reverse

from consortium.testing.factories import MandateFactory, TimeEntryFactory, TimesheetWeekFactory
from consortium.timesheets.models import PeriodKind, TimeEntry, TimeEntryChange
from consortium.timesheets.services.locks import period_lock

pytestmark = pytest.mark.django_db
MONDAY = dt.date(2020, 11, 30)
TUESDAY = MONDAY + dt.timedelta(days=1)


@pytest.fixture
def mandate(people):
    return MandateFactory(code="M-0042", department=people.expert.department)


@pytest.fixture
def owner_client(client, people):
    client.force_login(people.owner)
    return client


def post_cell(client, mandate, hours, *, day=TUESDAY, expert=None, htmx=True):
    url = reverse("timesheets:week_cell", args=[MONDAY])
    if expert is not None:
        url += f"?expert={expert.pk}"
    data = {"mandate": mandate.pk, "day": day.isoformat(), "hours": hours}
    headers = {"HTTP_HX_REQUEST": "true"} if htmx else {}
    return client.post(url, data, **headers)


def text(response) -> str:
    return html.unescape(response.content.decode())


def total_shown(page: str, element_id: str) -> str:
    """A total the answer updates out of band, stamped with when it was read (data-at)."""
    found = re.search(
        rf'<span id="{element_id}" hx-swap-oob="true" data-at="(\d+)">([^<]*)</span>', page
    )
    assert found, f"{element_id} is not updated"
    return found.group(2)


def hours_of(people, mandate, day=TUESDAY) -> list[Decimal]:
    return list(
        TimeEntry.objects.filter(expert=people.expert, mandate=mandate, date=day).values_list(
            "hours", flat=True
        )
    )


# --- saving ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "saved", "shown"),
    [
        ("7", "7", "7"),
        ("7,5", "7.5", "7,5"),
        ("7.5", "7.5", "7,5"),
        ("7:30", "7.5", "7,5"),
        ("7h15", "7.25", "7,25"),
        (" 0:45 ", "0.75", "0,75"),
        ("7:05", "7.08", "7,08"),
        ("7h", "7", "7"),
    ],
)
def test_typing_hours_records_them(owner_client, people, mandate, typed, saved, shown):
    response = post_cell(owner_client, mandate, typed)
    assert response.status_code == 200
    assert hours_of(people, mandate) == [Decimal(saved)]
    assert f'value="{shown}"' in text(response)


def test_a_new_entry_leaves_an_audit_row_signed_by_the_owner(owner_client, people, mandate):
    post_cell(owner_client, mandate, "7,5")
    change = TimeEntryChange.objects.get()
    assert (change.action, change.changed_by, change.after["hours"]) == (
        "created",
        people.owner,
        "7.50",
    )


def test_the_answer_updates_the_row_day_and_week_totals_out_of_band(owner_client, people, mandate):
    TimeEntryFactory(expert=people.expert, mandate=mandate, date=MONDAY, hours=Decimal(8))
    TimeEntryFactory(expert=people.expert, date=TUESDAY, hours=Decimal(1))
    page = text(post_cell(owner_client, mandate, "6,5"))
    assert total_shown(page, f"row-total-{mandate.pk}") == "14,5"
    assert total_shown(page, "day-total-2020-12-01") == "7,5"
    assert total_shown(page, "week-total") == "15,5"
    assert page.lstrip().startswith(f'<div class="cell" id="cell-{mandate.pk}-2020-12-01">')


def test_changing_the_hours_updates_the_entry_and_keeps_its_comment(owner_client, people, mandate):
    entry = TimeEntryFactory(
        expert=people.expert, mandate=mandate, date=TUESDAY, hours=Decimal(7), description="Paie"
    )
    post_cell(owner_client, mandate, "8")
    entry.refresh_from_db()
    assert (entry.hours, entry.description) == (Decimal(8), "Paie")
    change = TimeEntryChange.objects.get()
    assert (change.action, change.before["hours"], change.after["hours"]) == (
        "updated",
        "7.00",
        "8.00",
    )


def test_the_same_hours_again_change_nothing(owner_client, people, mandate):
    TimeEntryFactory(expert=people.expert, mandate=mandate, date=TUESDAY, hours=Decimal(7))
    post_cell(owner_client, mandate, "7,0")
    assert not TimeEntryChange.objects.exists()


@pytest.mark.parametrize("typed", ["", "  ", "0"])
def test_emptying_a_cell_deletes_its_entry(owner_client, people, mandate, typed):
    entry = TimeEntryFactory(expert=people.expert, mandate=mandate, date=TUESDAY)
    page = text(post_cell(owner_client, mandate, typed))
    assert hours_of(people, mandate) == []
    change = TimeEntryChange.objects.get()
    assert (change.action, change.entry_id, change.changed_by) == (
        "deleted",
        entry.pk,
        people.owner,
    )
    assert total_shown(page, "week-total") == "0"
    assert "Commentaire," not in page


def test_the_grid_speaks_english_numbers_under_en(owner_client, people, mandate):
    url = "/en" + reverse("timesheets:week_cell", args=[MONDAY])
    data = {"mandate": mandate.pk, "day": TUESDAY.isoformat(), "hours": "7,5"}
    page = text(owner_client.post(url, data, HTTP_HX_REQUEST="true"))
    assert 'value="7.5"' in page
    assert "M-0042, Tuesday, December 1" in page


# --- refusals, said in place ----------------------------------------------------------------------


def assert_refused_in_place(response, mandate, typed: str, message: str) -> None:
    page = text(response)
    key = f"{mandate.pk}-2020-12-01"
    assert response.status_code == 200
    assert f'value="{typed}"' in page
    assert 'aria-invalid="true"' in page
    assert f'aria-describedby="error-{key}"' in page
    assert f'<span class="cell-error" id="error-{key}" role="alert">' in page
    assert message in page
    assert "hx-swap-oob" not in page


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("abc", "« abc » n'est pas un nombre d'heures."),
        ("7,5,5", "« 7,5,5 » n'est pas un nombre d'heures."),
        ("7:75", "« 7:75 » : les minutes vont de 0 à 59."),
        ("7:5", "« 7:5 » : les minutes s'écrivent en deux chiffres (7:05, 7:50)."),
        ("1_0", "« 1_0 » : pas d'espace ni de « _ » dans un nombre d'heures."),
        ("1 0", "« 1 0 » : pas d'espace ni de « _ » dans un nombre d'heures."),
        ("\u0663", "« \u0663 » : écrivez les heures avec les chiffres de 0 à 9."),
        ("\uff17", "« \uff17 » : écrivez les heures avec les chiffres de 0 à 9."),
        ("1e1", "« 1e1 » n'est pas un nombre d'heures."),
        ("-1", "Les heures doivent être plus de 0 et au plus 24."),
        ("25", "Les heures doivent être plus de 0 et au plus 24."),
        ("24,5", "Les heures doivent être plus de 0 et au plus 24."),
        ("7,125", "Les heures ont au plus deux décimales."),
    ],
)
def test_impossible_hours_are_refused_in_place(owner_client, people, mandate, typed, message):
    response = post_cell(owner_client, mandate, typed)
    assert_refused_in_place(response, mandate, typed, message)
    assert not TimeEntry.objects.exists()
    assert not TimeEntryChange.objects.exists()


def test_more_than_24_hours_in_a_day_is_refused_in_place(owner_client, people, mandate):
    TimeEntryFactory(expert=people.expert, date=TUESDAY, hours=Decimal(20))
    response = post_cell(owner_client, mandate, "5")
    assert_refused_in_place(
        response,
        mandate,
        "5",
        "Vous auriez 25\xa0h le mardi 1er décembre 2020 : 24 h au plus par jour.",
    )
    assert hours_of(people, mandate) == []


def test_a_day_outside_the_mandate_is_refused_in_place(owner_client, people):
    late = MandateFactory(code="M-LATE", start=dt.date(2020, 12, 2))
    response = post_cell(owner_client, late, "3")
    assert_refused_in_place(
        response,
        late,
        "3",
        "Le mardi 1er décembre 2020 est avant le début du mandat M-LATE, le 2 décembre 2020.",
    )
    assert hours_of(people, late) == []


def test_a_day_of_a_locked_month_is_refused_in_place(owner_client, people, mandate):
    period_lock(kind=PeriodKind.MONTH, month=TUESDAY)
    response = post_cell(owner_client, mandate, "3")
    assert_refused_in_place(response, mandate, "3", "est dans une période verrouillée")
    assert hours_of(people, mandate) == []


def test_an_entry_of_a_locked_month_cannot_be_deleted(owner_client, people, mandate):
    TimeEntryFactory(expert=people.expert, mandate=mandate, date=TUESDAY, hours=Decimal(4))
    period_lock(kind=PeriodKind.MONTH, month=TUESDAY)
    response = post_cell(owner_client, mandate, "")
    assert "est dans une période verrouillée" in text(response)
    assert hours_of(people, mandate) == [Decimal(4)]


def test_a_submitted_week_refuses_a_cell_even_from_a_forged_request(owner_client, people, mandate):
    TimesheetWeekFactory(
        expert=people.expert,
        week_start=MONDAY,
        status="submitted",
        submitted_at=dt.datetime(2020, 12, 7, tzinfo=dt.UTC),
    )
    response = post_cell(owner_client, mandate, "3")
    assert_refused_in_place(
        response, mandate, "3", "La semaine du lundi 30 novembre 2020 est soumise"
    )
    assert not TimeEntry.objects.exists()


def test_without_javascript_a_refusal_comes_back_as_a_message(owner_client, mandate):
    response = post_cell(owner_client, mandate, "25", htmx=False)
    assert response.status_code == 302
    page = text(owner_client.get(response["Location"]))
    assert "M-0042, mardi 1er décembre : Les heures doivent être plus de 0 et au plus 24." in page


@pytest.mark.parametrize(
    "data",
    [
        {"mandate": "x", "day": "2020-12-01", "hours": "1"},
        {"mandate": "1", "day": "demain", "hours": "1"},
        {"mandate": "1", "day": "2020-12-07", "hours": "1"},
    ],
    ids=["mandate", "day", "day-of-another-week"],
)
def test_a_cell_that_is_not_of_the_grid_is_a_bad_request(owner_client, mandate, data):
    url = reverse("timesheets:week_cell", args=[MONDAY])
    data = {**data, "mandate": mandate.pk if data["mandate"] == "1" else data["mandate"]}
    assert owner_client.post(url, data, HTTP_HX_REQUEST="true").status_code == 400
    assert not TimeEntry.objects.exists()


def test_a_mandate_neither_open_nor_in_the_grid_is_not_found(owner_client, people):
    ended = MandateFactory(end=dt.date(2020, 1, 31))
    assert post_cell(owner_client, ended, "3").status_code == 404


def test_reading_the_cell_endpoint_is_not_allowed(owner_client):
    assert owner_client.get(reverse("timesheets:week_cell", args=[MONDAY])).status_code == 405


# --- whose cell ---------------------------------------------------------------------------------


def test_a_colleague_cannot_post_a_cell_to_the_owners_week(client, people, mandate):
    client.force_login(people.colleague)
    response = post_cell(client, mandate, "3", expert=people.expert)
    assert response.status_code == 404
    assert not TimeEntry.objects.exists()


@pytest.mark.parametrize("who", ["director", "director_elsewhere", "finance"])
def test_nobody_else_posts_a_cell_to_the_owners_week(client, people, mandate, who):
    client.force_login(getattr(people, who))
    assert post_cell(client, mandate, "3", expert=people.expert).status_code == 404
    assert not TimeEntry.objects.exists()


def test_a_colleague_posting_without_an_expert_writes_only_their_own_week(client, people, mandate):
    client.force_login(people.colleague)
    post_cell(client, mandate, "3")
    assert hours_of(people, mandate) == []
    assert TimeEntry.objects.get().expert.user == people.colleague


def test_an_administrator_records_hours_for_an_expert(client, people, mandate):
    client.force_login(people.administrator)
    response = post_cell(client, mandate, "3", expert=people.expert)
    assert response.status_code == 200
    assert hours_of(people, mandate) == [Decimal(3)]
    assert TimeEntryChange.objects.get().changed_by == people.administrator
    assert f"/cellule/?expert={people.expert.pk}" in text(response)


def test_an_anonymous_post_is_sent_to_sign_in(client, mandate):
    response = post_cell(client, mandate, "3", htmx=False)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
    assert not TimeEntry.objects.exists()


def test_an_anonymous_htmx_save_answers_401_for_the_pages_sign_in_dialog(client, mandate):
    # Never the sign-in page drawn inside the cell (accounts/middleware.py).
    response = post_cell(client, mandate, "3")
    assert response.status_code == 401
    assert response["X-Sign-In-Required"] == "session"
    assert not TimeEntry.objects.exists()


# --- cost -----------------------------------------------------------------------------------------

# Session, user, expert, mandate; then the service in one transaction: on PostgreSQL the
# expert's lock (SQLite holds its write lock from the start), the cell's entry, its checks (lock,
# week, day total; the constraints are the rules' own and the expert and mandate were just read),
# the entry and its audit row; then the totals.
CELL_CREATE_QUERIES = 13 + (connection.vendor == "postgresql")


def test_saving_a_cell_takes_a_fixed_number_of_queries(
    owner_client, people, mandate, django_assert_num_queries
):
    with django_assert_num_queries(CELL_CREATE_QUERIES):
        post_cell(owner_client, mandate, "3")
    assert hours_of(people, mandate) == [Decimal(3)]


def test_saving_a_cell_costs_the_same_in_a_full_week(
    owner_client, people, mandate, django_assert_num_queries
):
    for number in range(10):
        other = MandateFactory(code=f"M-{number:03d}")
        for day in range(7):
            TimeEntryFactory(
                expert=people.expert,
                mandate=other,
                date=MONDAY + dt.timedelta(days=day),
                hours=Decimal(1),
            )
    with django_assert_num_queries(CELL_CREATE_QUERIES):
        response = post_cell(owner_client, mandate, "3")
    assert total_shown(text(response), "week-total") == "73"
