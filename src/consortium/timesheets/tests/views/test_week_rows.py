"""The rows of the week grid: added rows stay without hours and keep their order, rows are taken
out, mandates pinned to every week, and the picker offers pinned and recent mandates first."""

import datetime as dt
import html
import re
from decimal import Decimal

import pytest
from django.urls import reverse

from consortium.mandates.models import MandateAssignment
from consortium.testing.factories import MandateFactory, OrganisationFactory, TimeEntryFactory

pytestmark = pytest.mark.django_db
MONDAY = dt.date(2020, 11, 30)


def page(client, day=MONDAY) -> str:
    return html.unescape(client.get(reverse("timesheets:week_of", args=[day])).content.decode())


def row_codes(text: str) -> list[str]:
    """The codes of the grid's rows, top to bottom."""
    body = text[text.index('<tbody id="week-rows">') : text.index("</tbody>")]
    return re.findall(r'<th scope="row" class="mandate"><span class="code">([^<]+)</span>', body)


def picker_groups(text: str) -> list[tuple[str, list[str]]]:
    picker = text[text.index('<select id="add-mandate"') : text.index("</select>")]
    return [
        (label, re.findall(r'<option value="\d+">([^ ]+) —', options))
        for label, options in re.findall(
            r'<optgroup label="([^"]+)">(.*?)</optgroup>', picker, re.S
        )
    ]


@pytest.fixture
def owner_client(client, people):
    client.force_login(people.owner)
    return client


def add_row(client, mandate, day=MONDAY, **headers):
    return client.post(
        reverse("timesheets:week_row", args=[day]), {"mandate": mandate.pk}, **headers
    )


def test_rows_added_without_hours_stay_in_the_order_they_were_added(owner_client, people):
    recent = MandateFactory(code="M-0500", department=people.expert.department)
    TimeEntryFactory(expert=people.expert, mandate=recent, date=MONDAY - dt.timedelta(days=7))
    later = MandateFactory(code="M-0900")
    earlier = MandateFactory(code="M-0100")
    add_row(owner_client, later, HTTP_HX_REQUEST="true")
    add_row(owner_client, earlier, HTTP_HX_REQUEST="true")

    assert row_codes(page(owner_client)) == ["M-0500", "M-0900", "M-0100"]
    # The next week does not carry them.
    assert row_codes(page(owner_client, MONDAY + dt.timedelta(days=7))) == ["M-0500"]


def test_a_row_without_hours_is_taken_out_and_stays_out(owner_client, people):
    recent = MandateFactory(code="M-0500")
    TimeEntryFactory(expert=people.expert, mandate=recent, date=MONDAY - dt.timedelta(days=7))
    url = reverse("timesheets:week_row_remove", args=[MONDAY, recent.pk])

    response = owner_client.post(url, HTTP_HX_REQUEST="true")

    assert response.status_code == 200 and response.content == b""
    assert row_codes(page(owner_client)) == []
    # It is offered again by the picker, among the recent ones.
    assert ("Récents", ["M-0500"]) in picker_groups(page(owner_client))
    # Added back, it returns.
    add_row(owner_client, recent)
    assert row_codes(page(owner_client)) == ["M-0500"]


def test_a_row_with_hours_this_week_is_not_taken_out(owner_client, people):
    busy = MandateFactory(code="M-0700")
    TimeEntryFactory(expert=people.expert, mandate=busy, date=MONDAY, hours=Decimal("3"))

    response = owner_client.post(
        reverse("timesheets:week_row_remove", args=[MONDAY, busy.pk]), HTTP_HX_REQUEST="true"
    )

    assert response["HX-Retarget"] == "#grid-message"
    assert "La ligne M-0700 a des heures cette semaine" in response.content.decode()
    assert row_codes(page(owner_client)) == ["M-0700"]


def test_a_row_with_hours_offers_no_removal_but_an_empty_one_does(owner_client, people):
    busy = MandateFactory(code="M-0700")
    TimeEntryFactory(expert=people.expert, mandate=busy, date=MONDAY, hours=Decimal("3"))
    empty = MandateFactory(code="M-0800")
    add_row(owner_client, empty)
    text = page(owner_client)
    assert "Retirer la ligne M-0800" in text
    assert "Retirer la ligne M-0700" not in text


def test_a_pinned_mandate_is_in_every_week_and_first_in_the_picker(owner_client, people):
    pinned = MandateFactory(code="M-0300", start=dt.date(2020, 4, 1))
    url = reverse("timesheets:week_row_pin", args=[MONDAY, pinned.pk])
    add_row(owner_client, pinned)

    response = owner_client.post(url, {"pinned": "1"}, HTTP_HX_REQUEST="true")

    assert 'aria-pressed="true"' in response.content.decode()
    in_three_weeks = MONDAY + dt.timedelta(days=21)
    assert row_codes(page(owner_client, in_three_weeks)) == ["M-0300"]
    owner_client.post(reverse("timesheets:week_row_remove", args=[in_three_weeks, pinned.pk]))
    assert row_codes(page(owner_client, in_three_weeks)) == []
    # Offered first by the picker of that week.
    assert picker_groups(page(owner_client, in_three_weeks))[0] == ("Épinglés", ["M-0300"])
    # Unpinned: gone from the weeks where it holds nothing and was not added.
    owner_client.post(url, {"pinned": "0"})
    assert row_codes(page(owner_client, MONDAY + dt.timedelta(days=14))) == []


def test_the_picker_offers_recent_then_department_then_the_others(owner_client, people):
    department = people.expert.department
    older = MandateFactory(code="M-0010", department=department)
    latest = MandateFactory(code="M-0020")
    MandateFactory(code="M-0030", department=department)
    MandateFactory(code="M-0040")
    # Hours more than four weeks back: not rows any more, but recent for the picker.
    TimeEntryFactory(expert=people.expert, mandate=older, date=MONDAY - dt.timedelta(days=60))
    TimeEntryFactory(expert=people.expert, mandate=latest, date=MONDAY - dt.timedelta(days=40))

    groups = dict(picker_groups(page(owner_client)))

    assert groups["Récents"] == ["M-0020", "M-0010"]
    assert groups["Mon département"] == ["M-0030"]
    assert "M-0040" in groups["Autres départements"]
    assert list(groups) == ["Récents", "Mon département", "Autres départements"]


def test_the_picker_names_code_title_and_organisation(owner_client):
    school = OrganisationFactory(name="École du Lac")
    MandateFactory(code="M-0050", title="Paie", organisation=school)
    assert ">M-0050 — Paie (École du Lac)</option>" in page(owner_client)


@pytest.mark.parametrize("name", ["week_row_remove", "week_row_pin"])
def test_a_colleague_cannot_change_the_owners_rows(client, people, name):
    mandate = MandateFactory()
    client.force_login(people.colleague)
    url = reverse(f"timesheets:{name}", args=[MONDAY, mandate.pk])
    response = client.post(f"{url}?expert={people.expert.pk}", {"pinned": "1"})
    assert response.status_code == 404


def test_a_plain_form_adds_and_removes_rows_too(owner_client):
    added = MandateFactory(code="M-0060")
    assert add_row(owner_client, added).status_code == 302
    assert row_codes(page(owner_client)) == ["M-0060"]
    response = owner_client.post(reverse("timesheets:week_row_remove", args=[MONDAY, added.pk]))
    assert response.status_code == 302
    assert row_codes(page(owner_client)) == []


def test_the_mandates_a_director_assigned_come_right_after_the_pinned_ones(owner_client, people):
    assigned = MandateFactory(code="M-0900")
    TimeEntryFactory(
        expert=people.expert,
        mandate=MandateFactory(code="M-0010"),
        date=MONDAY - dt.timedelta(days=50),
    )
    MandateAssignment.objects.create(mandate=assigned, expert=people.expert)

    groups = picker_groups(page(owner_client))

    assert groups[0] == ("Affectés", ["M-0900"])
    assert groups[1] == ("Récents", ["M-0010"])
