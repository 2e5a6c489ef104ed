"""The day's list of entries of one cell: opened from a cell of several entries, where each is
changed or deleted and more are added; the cell and the totals follow."""

import datetime as dt
import html
from decimal import Decimal

import pytest
from django.urls import reverse

from consortium.testing.factories import MandateFactory, TimeEntryFactory, TimesheetWeekFactory
from consortium.timesheets.models import TimeEntry, TimeEntryChange

pytestmark = pytest.mark.django_db
MONDAY = dt.date(2020, 11, 30)
TUESDAY = MONDAY + dt.timedelta(days=1)
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def mandate(people):
    return MandateFactory(code="M-0042", department=people.expert.department)


@pytest.fixture
def two_entries(people, mandate):
    return [
        TimeEntryFactory(expert=people.expert, mandate=mandate, date=TUESDAY, hours=hours)
        for hours in (Decimal(2), Decimal("3.5"))
    ]


def list_url(mandate, day=TUESDAY):
    return reverse("timesheets:week_day_entries", args=[day, mandate.pk])


def text(response) -> str:
    return html.unescape(response.content.decode())


def cell_hours(people, mandate):
    return sorted(
        TimeEntry.objects.filter(expert=people.expert, mandate=mandate, date=TUESDAY).values_list(
            "hours", flat=True
        )
    )


def test_a_cell_of_several_entries_shows_their_sum_as_a_button_that_opens_the_list(
    client, people, two_entries
):
    client.force_login(people.owner)
    page = text(client.get(reverse("timesheets:week_of", args=[MONDAY])))
    assert 'class="entries-sum"' in page
    assert ">5,5<" in page


def test_the_owner_sees_each_entry_of_the_day(client, people, mandate, two_entries):
    client.force_login(people.owner)
    response = client.get(list_url(mandate), **HTMX)
    assert response.status_code == 200
    page = text(response)
    for entry in two_entries:
        assert f'id="entry-{entry.pk}"' in page
    assert 'id="week-total" hx-swap-oob="true">5,5<' in page


@pytest.mark.parametrize("who", ["colleague", "outsider"])
def test_a_colleague_or_an_outsider_gets_a_404(client, request, people, mandate, two_entries, who):
    client.force_login(request.getfixturevalue(who))
    assert client.get(list_url(mandate) + f"?expert={people.expert.pk}").status_code == 404
    entry = two_entries[0]
    url = reverse("timesheets:week_entry_delete", args=[entry.pk])
    assert client.post(url, **HTMX).status_code == 404
    url = reverse("timesheets:week_entry_change", args=[entry.pk])
    assert client.post(url, {f"entry-{entry.pk}-hours": "1"}, **HTMX).status_code == 404
    assert cell_hours(people, mandate) == [Decimal(2), Decimal("3.5")]


def test_adding_an_entry_with_times_makes_its_hours_and_redraws_the_cell(
    client, people, mandate, two_entries
):
    client.force_login(people.owner)
    data = {"description": "Soir", "start": "22:30", "end": "00:30", "hours": ""}
    response = client.post(list_url(mandate), data, **HTMX)
    page = text(response)
    assert cell_hours(people, mandate) == [Decimal(2), Decimal(2), Decimal("3.5")]
    assert f'id="cell-{mandate.pk}-{TUESDAY.isoformat()}" hx-swap-oob="true"' in page
    assert 'id="week-total" hx-swap-oob="true">7,5<' in page
    added = TimeEntry.objects.get(description="Soir")
    assert (added.date, added.start_time, added.end_time) == (
        TUESDAY,
        dt.time(22, 30),
        dt.time(0, 30),
    )
    assert TimeEntryChange.objects.filter(entry_id=added.pk, action="created").exists()


def test_changing_and_deleting_one_entry_leave_the_other(client, people, mandate, two_entries):
    client.force_login(people.owner)
    first, second = two_entries
    url = reverse("timesheets:week_entry_change", args=[first.pk])
    client.post(url, {f"entry-{first.pk}-hours": "4", f"entry-{first.pk}-description": "x"}, **HTMX)
    assert cell_hours(people, mandate) == [Decimal("3.5"), Decimal(4)]
    response = client.post(reverse("timesheets:week_entry_delete", args=[second.pk]), **HTMX)
    assert cell_hours(people, mandate) == [Decimal(4)]
    # One entry left: the cell is an input again.
    assert f'id="hours-{mandate.pk}-{TUESDAY.isoformat()}" name="hours" value="4"' in text(response)


def test_the_24_hours_count_every_entry_of_the_day(client, people, mandate, two_entries):
    client.force_login(people.owner)
    response = client.post(list_url(mandate), {"hours": "19"}, **HTMX)
    assert "24 h au plus par jour" in text(response)
    assert cell_hours(people, mandate) == [Decimal(2), Decimal("3.5")]


def test_a_submitted_week_shows_the_list_without_forms(client, people, mandate, two_entries):
    TimesheetWeekFactory(
        expert=people.expert,
        week_start=MONDAY,
        status="submitted",
        submitted_at=dt.datetime(2020, 12, 7, tzinfo=dt.UTC),
    )
    client.force_login(people.owner)
    page = text(client.get(list_url(mandate), **HTMX))
    assert "entry-form" not in page
    response = client.post(list_url(mandate), {"hours": "1"}, **HTMX)
    assert "soumise" in text(response)
    assert cell_hours(people, mandate) == [Decimal(2), Decimal("3.5")]


def test_typing_in_a_cell_of_several_entries_is_refused_with_the_way_to_the_list(
    client, people, mandate, two_entries
):
    client.force_login(people.owner)
    url = reverse("timesheets:week_cell", args=[MONDAY])
    data = {"mandate": mandate.pk, "day": TUESDAY.isoformat(), "hours": "8"}
    page = text(client.post(url, data, **HTMX))
    assert "plusieurs entrées" in page
    assert 'class="entries-sum"' in page
    assert cell_hours(people, mandate) == [Decimal(2), Decimal("3.5")]


def test_without_htmx_an_addition_ends_on_the_list_page(client, people, mandate, two_entries):
    client.force_login(people.owner)
    response = client.post(list_url(mandate), {"hours": "1"})
    assert response.status_code == 302
    assert response["Location"] == list_url(mandate)
    assert client.get(list_url(mandate)).status_code == 200
