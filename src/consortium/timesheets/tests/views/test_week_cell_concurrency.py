"""Saves of one grid cell at the same instant over the real view, each request in its own thread
and connection (issue 9, defects 5 and 6): no 500 whatever the interleaving, and a database kept
busy by a long import answers "try again" in the person's language."""

import datetime as dt
import html
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from consortium.testing.concurrency import (
    hold_write_lock,
    run_together,
    set_busy_timeout,
)
from consortium.testing.factories import MandateFactory
from consortium.timesheets.models import TimeEntry

MONDAY = dt.date(2020, 11, 30)
TUESDAY = MONDAY + dt.timedelta(days=1)
BUSY = "Des données sont en cours d'importation; réessayez dans un moment."


def post_cell(client, mandate, hours, *, htmx=True):
    url = reverse("timesheets:week_cell", args=[MONDAY])
    data = {"mandate": mandate.pk, "day": TUESDAY.isoformat(), "hours": hours}
    headers = {"HTTP_HX_REQUEST": "true"} if htmx else {}
    return client.post(url, data, **headers)


def signed_in_clients(user, count: int) -> list[Client]:
    first = Client()
    first.force_login(user)
    clients = [first]
    for _client in range(count - 1):
        client = Client()
        client.cookies = first.cookies
        clients.append(client)
    return clients


def test_blanks_and_values_posted_at_once_to_one_cell_never_fail(concurrent_db, people):
    mandate = MandateFactory(department=people.expert.department)
    clients = signed_in_clients(people.owner, 10)
    writers = [
        lambda client=client, hours=("" if number % 2 else str(2 + number % 4)): (
            post_cell(client, mandate, hours).status_code
        )
        for number, client in enumerate(clients)
    ]
    for _round in range(3):
        assert run_together(*writers) == [200] * len(writers)
    assert TimeEntry.objects.filter(mandate=mandate, date=TUESDAY).count() <= 1


def test_two_saves_of_13_hours_in_two_cells_store_one_of_them(concurrent_db, people):
    first, second = (MandateFactory(department=people.expert.department) for _mandate in "ab")
    one, other = signed_in_clients(people.owner, 2)
    responses = run_together(
        lambda: post_cell(one, first, "13"), lambda: post_cell(other, second, "13")
    )
    assert [response.status_code for response in responses] == [200, 200]
    refused = [
        response
        for response in responses
        if "24 h au plus par jour" in html.unescape(response.content.decode())
    ]
    assert len(refused) == 1
    stored = TimeEntry.objects.filter(expert=people.expert, date=TUESDAY)
    assert [entry.hours for entry in stored] == [Decimal(13)]


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_cell_saved_while_an_import_holds_the_database_says_to_try_again(
    concurrent_db, people, language
):
    mandate = MandateFactory(department=people.expert.department)
    (client,) = signed_in_clients(people.owner, 1)
    set_busy_timeout(0.2)
    with translation.override(language):  # the cell's URL in this language: /en/temps/…
        with hold_write_lock(people.expert.pk):
            response = post_cell(client, mandate, "3")
            page = post_cell(client, mandate, "3", htmx=False)
        busy = translation.gettext(BUSY)
    assert response.status_code == 503
    assert (response["HX-Retarget"], response["HX-Reswap"]) == ("#main", "afterbegin")
    assert busy in html.unescape(response.content.decode())
    assert page.status_code == 503
    assert "<html" in page.content.decode()
    assert busy in html.unescape(page.content.decode())
    assert not TimeEntry.objects.filter(mandate=mandate).exists()
    assert post_cell(client, mandate, "3").status_code == 200
