"""The mandate list: who sees which mandates, filters, sorting, pages, and its query count."""

import datetime as dt
import re
from decimal import Decimal

import pytest
from django.utils import timezone

from consortium.core.fiscal_years import fiscal_year_name_for
from consortium.mandates.models import MandateStatus
from consortium.testing.factories import (
    FiscalYearFactory,
    MandateFactory,
    TimeEntryFactory,
    UserFactory,
)
from consortium.testing.web import signed_in, url

pytestmark = pytest.mark.django_db


# Every mandate, not the default view's (the current fiscal year's mandates in progress).
EVERY = {"year": "", "status": ""}


def listed_codes(response) -> list[str]:
    """The mandate codes in the table, in the order shown."""
    return re.findall(
        r'<th scope="row"[^>]*><a href="/(?:en/)?mandats/([^/]+)/">', response.content.decode()
    )


def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = client.get(url("mandates:mandate_list"))
    assert response.status_code == 302
    assert response["Location"].startswith(url("accounts:login"))


def test_a_user_without_a_staff_role_is_refused(client):
    response = signed_in(client, UserFactory(username="nobody")).get(url("mandates:mandate_list"))
    assert response.status_code == 403


def test_an_expert_sees_the_mandates_of_their_department_only(client, scene):
    response = signed_in(client, scene.people.owner).get(url("mandates:mandate_list"), EVERY)
    assert response.status_code == 200
    assert listed_codes(response) == ["M-CPT"]


def test_a_colleague_of_the_department_sees_its_mandates_too(client, scene):
    response = signed_in(client, scene.people.colleague).get(url("mandates:mandate_list"), EVERY)
    assert listed_codes(response) == ["M-CPT"]


def test_an_outsider_sees_a_mandate_of_another_department_once_he_logged_hours_on_it(client, scene):
    signed_in(client, scene.outsider)
    assert listed_codes(client.get(url("mandates:mandate_list"), EVERY)) == ["M-RH"]
    TimeEntryFactory(expert=scene.outsider_expert, mandate=scene.mandate)
    assert listed_codes(client.get(url("mandates:mandate_list"), EVERY)) == ["M-CPT", "M-RH"]


@pytest.mark.parametrize(
    "who", ["director", "director_elsewhere", "finance", "communications", "administrator"]
)
def test_directors_finance_communications_and_administrators_see_every_mandate(client, scene, who):
    response = signed_in(client, getattr(scene.people, who)).get(
        url("mandates:mandate_list"), EVERY
    )
    assert listed_codes(response) == ["M-CPT", "M-RH"]


def test_each_row_shows_the_hours_logged_and_the_share_of_the_budget(client, scene):
    response = signed_in(client, scene.people.director).get(url("mandates:mandate_list"), EVERY)
    row = re.search(r"M-CPT</a></th>(.*?)</tr>", response.content.decode(), re.S).group(1)
    assert "Coopérative du Fjord" in row
    assert "Gestion déléguée" in row
    assert "60,0" in row
    assert "60\u00a0%" in row


def test_the_budget_badge_warns_from_80_percent(client, scene):
    for day in (6, 7):
        TimeEntryFactory(
            expert=scene.people.expert, mandate=scene.mandate, date=dt.date(2020, 7, day), hours=10
        )
    response = signed_in(client, scene.people.director).get(url("mandates:mandate_list"), EVERY)
    assert "80 % du budget d&#x27;heures atteint" in response.content.decode()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"q": "livres"}, ["M-CPT"]),
        ({"q": "fjord"}, ["M-CPT", "M-RH"]),
        ({"q": "m-rh"}, ["M-RH"]),
        ({"q": "cooperative"}, ["M-CPT", "M-RH"]),
        ({"q": "LÎVRES coopérative"}, ["M-CPT"]),
        ({"status": MandateStatus.CLOSED}, ["M-OLD"]),
        ({"organisation": "fjord"}, ["M-CPT", "M-RH"]),
        ({"budget": "over"}, ["M-OVER"]),
        ({"budget": "none"}, ["M-OLD", "M-RH"]),
        ({"year": "2019-2020"}, ["M-OLD", "M-OVER"]),
    ],
)
def test_the_filters_narrow_the_list(client, scene, query, expected):
    FiscalYearFactory(name="2019-2020")
    MandateFactory(
        code="M-OLD",
        start=dt.date(2019, 4, 1),
        end=dt.date(2019, 12, 31),
        status=MandateStatus.CLOSED,
    )
    over = MandateFactory(code="M-OVER", start=dt.date(2019, 6, 1), budget_hours=Decimal("5"))
    TimeEntryFactory(mandate=over, date=dt.date(2019, 6, 3), hours=Decimal("5"))
    response = signed_in(client, scene.people.director).get(
        url("mandates:mandate_list"), {**EVERY, **query}
    )
    assert listed_codes(response) == expected


def test_the_department_and_type_filters_narrow_the_list(client, scene):
    signed_in(client, scene.people.finance)
    by_department = client.get(
        url("mandates:mandate_list"), {**EVERY, "department": scene.elsewhere.pk}
    )
    by_type = client.get(
        url("mandates:mandate_list"), {**EVERY, "mandate_type": scene.mandate.mandate_type_id}
    )
    assert (listed_codes(by_department), listed_codes(by_type)) == (["M-RH"], ["M-CPT"])


def test_a_column_header_sorts_and_says_so_to_screen_readers(client, scene):
    signed_in(client, scene.people.director)
    response = client.get(url("mandates:mandate_list"), {**EVERY, "sort": "-hours"})
    assert listed_codes(response) == ["M-CPT", "M-RH"]
    page = response.content.decode()
    assert re.search(
        r'<th scope="col" class="number" aria-sort="descending">\s*<a class="sort" '
        r'href="\?[^"]*sort=hours">Heures',
        page,
    )
    assert listed_codes(client.get(url("mandates:mandate_list"), {**EVERY, "sort": "hours"})) == [
        "M-RH",
        "M-CPT",
    ]


def test_sorting_by_budget_share_puts_mandates_without_budget_last(client, scene):
    MandateFactory(code="M-BIG", budget_hours=Decimal("1000"))
    signed_in(client, scene.people.director)
    assert listed_codes(client.get(url("mandates:mandate_list"), {**EVERY, "sort": "budget"})) == [
        "M-BIG",
        "M-CPT",
        "M-RH",
    ]
    assert listed_codes(client.get(url("mandates:mandate_list"), {**EVERY, "sort": "-budget"})) == [
        "M-CPT",
        "M-BIG",
        "M-RH",
    ]


def test_the_list_shows_fifty_mandates_a_page_with_page_links(client, scene):
    MandateFactory.create_batch(60, department=scene.department)
    signed_in(client, scene.people.owner)
    first = client.get(url("mandates:mandate_list"), EVERY)
    second = client.get(url("mandates:mandate_list"), {**EVERY, "page": 2})
    assert (len(listed_codes(first)), len(listed_codes(second))) == (50, 11)
    assert 'href="?year=&amp;status=&amp;page=2"' in first.content.decode()
    assert "61 mandats" in first.content.decode()
    hundred = client.get(url("mandates:mandate_list"), {**EVERY, "lignes": 100})
    assert len(listed_codes(hundred)) == 61
    assert 'href="?year=&amp;status=&amp;lignes=25"' in hundred.content.decode()


def test_the_list_opens_on_the_current_fiscal_years_mandates_in_progress(client, scene):
    """Issue 13.10: the default view, its filters shown as chips that take them off, the year
    filter offering every year with mandates, and no "---------" in the filters."""
    today = timezone.localdate()
    MandateFactory(code="M-NOW", department=scene.department, start=today)
    MandateFactory(code="M-DONE", department=scene.department, start=today, status="closed")
    MandateFactory(code="M-2015", department=scene.department, start=dt.date(2015, 5, 1))
    signed_in(client, scene.people.director)
    response = client.get(url("mandates:mandate_list"))
    page = response.content.decode()
    current = fiscal_year_name_for(today)
    assert "M-NOW" in listed_codes(response)
    assert "M-DONE" not in listed_codes(response)
    assert f"Actif pendant l&#x27;exercice : <strong>{current}</strong>" in page
    assert "Statut : <strong>en cours</strong>" in page
    assert "---------" not in page
    assert 'value="2015-2016"' in page and f'value="{current}"' in page
    assert 'value="2014-2015"' not in page
    without_status = client.get(url("mandates:mandate_list"), {"status": ""})
    assert {"M-NOW", "M-DONE"} <= set(listed_codes(without_status))
    assert "Statut : <strong>" not in without_status.content.decode()


def test_the_list_takes_the_same_queries_however_many_mandates(
    client, scene, django_assert_num_queries
):
    signed_in(client, scene.people.owner)
    # Session, user, roles, count, page, and the department and type choices of the filters,
    # and the fiscal years.
    with django_assert_num_queries(8):
        client.get(url("mandates:mandate_list"), EVERY)
    for index in range(30):
        mandate = MandateFactory(department=scene.department, budget_hours=Decimal("10"))
        TimeEntryFactory(expert=scene.people.expert, mandate=mandate, date=dt.date(2020, 6, 2))
        TimeEntryFactory(mandate=mandate, date=dt.date(2020, 6, 3 + index % 3))
    with django_assert_num_queries(8):
        response = client.get(url("mandates:mandate_list"), {**EVERY, "sort": "-budget", "q": "M"})
    assert len(listed_codes(response)) == 31


def test_the_english_list_is_in_english(client, scene):
    response = signed_in(client, scene.people.director).get(
        url("mandates:mandate_list", language="en")
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert '<h1 id="page-title">Mandates</h1>' in page
    assert "Managed" in page
