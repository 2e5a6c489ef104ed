"""A mandate's page: its facts, its hours against its budget, its experts and its months."""

import datetime as dt
import html
import re
from decimal import Decimal

import pytest

from consortium.testing.factories import ExpertFactory, TimeEntryFactory
from consortium.testing.web import signed_in, url

pytestmark = pytest.mark.django_db


def detail(client, user, code: str = "M-CPT", language: str = "fr"):
    return signed_in(client, user).get(url("mandates:mandate_detail", code, language=language))


def text_of(response) -> str:
    return html.unescape(response.content.decode())


def test_anonymous_visitors_are_sent_to_sign_in(client, scene):
    response = client.get(url("mandates:mandate_detail", "M-CPT"))
    assert response.status_code == 302
    assert response["Location"].startswith(url("accounts:login"))


@pytest.mark.parametrize(
    "who",
    ["owner", "colleague", "director", "director_elsewhere", "finance", "communications"],
)
def test_the_department_its_directors_finance_and_communications_read_the_mandate(
    client, scene, who
):
    response = detail(client, getattr(scene.people, who))
    assert response.status_code == 200
    assert "<h1>M-CPT – Tenue de livres</h1>" in response.content.decode()


def test_an_expert_of_another_department_gets_not_found(client, scene):
    assert detail(client, scene.outsider).status_code == 404


def test_an_expert_of_another_department_reads_a_mandate_he_logged_hours_on(client, scene):
    TimeEntryFactory(expert=scene.outsider_expert, mandate=scene.mandate)
    assert detail(client, scene.outsider).status_code == 200


def test_an_unknown_code_is_not_found(client, scene):
    assert detail(client, scene.people.administrator, code="NOPE").status_code == 404


def test_the_page_shows_the_facts_with_a_link_to_the_organisation(client, scene):
    page = detail(client, scene.people.owner).content.decode()
    assert '<a href="/organisations/FJORD/">Coopérative du Fjord</a>' in page
    assert "Gestion déléguée" in page
    assert "Comptabilité" in page
    assert "1er avril 2020" in page
    assert "en cours" in page


def test_under_80_percent_the_budget_is_ok(client, scene):
    page = detail(client, scene.people.owner).content.decode()
    assert 'class="meter"' in page
    assert '<span class="badge ok">Dans le budget</span>' in page
    assert "60\u00a0%" in page


def test_at_80_percent_the_page_warns(client, scene):
    for day in (6, 7):
        TimeEntryFactory(
            expert=scene.people.expert, mandate=scene.mandate, date=dt.date(2020, 7, day), hours=10
        )
    page = text_of(detail(client, scene.people.owner))
    assert 'class="meter warn"' in page
    assert "80 % du budget d'heures atteint" in page


def test_at_100_percent_the_budget_is_overrun(client, scene):
    for day in range(6, 11):
        TimeEntryFactory(
            expert=scene.people.colleague.expert,
            mandate=scene.mandate,
            date=dt.date(2020, 7, day),
            hours=Decimal("8"),
        )
    page = text_of(detail(client, scene.people.owner))
    assert 'class="meter bad"' in page
    assert "Budget d'heures dépassé" in page
    assert "100\u00a0%" in page


def test_a_mandate_without_budget_says_so(client, scene):
    page = text_of(detail(client, scene.people.director, code="M-RH"))
    assert "Ce mandat n'a pas de budget d'heures." in page
    assert "meter" not in page


def test_the_experts_who_logged_hours_are_listed_with_their_hours_most_first(client, scene):
    scene.people.expert.first_name, scene.people.expert.last_name = "Marie", "Tremblay"
    scene.people.expert.save()
    other = ExpertFactory(first_name="Luc", last_name="Gagnon", department=scene.department)
    TimeEntryFactory(expert=other, mandate=scene.mandate, date=dt.date(2020, 6, 8), hours=5)
    page = detail(client, scene.people.owner).content.decode()
    rows = re.findall(r'<tr><th scope="row">([^<]+)</th><td class="number">([^<]+)</td>', page)
    assert rows[:2] == [("Marie Tremblay", "60,0"), ("Luc Gagnon", "5,0")]
    assert "65,0" in page


def test_the_hours_are_shown_month_by_month_with_a_chart(client, scene):
    page = detail(client, scene.people.owner).content.decode()
    months = re.findall(
        r'<tr><th scope="row">([^<]+)</th><td class="number">([^<]+)</td></tr>', page
    )
    assert ("mai 2020", "30,0") in months
    assert ("juin 2020", "30,0") in months
    assert '<figure class="chart" aria-hidden="true"><svg' in page


def test_only_those_who_may_change_the_mandate_see_the_edit_and_close_buttons(client, scene):
    for who, sees in [
        ("director", True),
        ("administrator", True),
        ("director_elsewhere", False),
        ("finance", False),
        ("owner", False),
    ]:
        page = detail(client, getattr(scene.people, who)).content.decode()
        assert (url("mandates:mandate_update", "M-CPT") in page) is sees, who
        assert (url("mandates:mandate_close", "M-CPT") in page) is sees, who


def test_the_page_takes_the_same_queries_however_many_hours(
    client, scene, django_assert_num_queries
):
    signed_in(client, scene.people.director)
    # Session, user, roles, the mandate, its hours by expert, its hours by month, its assigned
    # experts, the experts the director may assign.
    with django_assert_num_queries(8):
        client.get(url("mandates:mandate_detail", "M-CPT"))
    for index in range(12):
        expert = ExpertFactory(department=scene.department)
        TimeEntryFactory(
            expert=expert, mandate=scene.mandate, date=dt.date(2021, 1 + index % 12, 5), hours=1
        )
    with django_assert_num_queries(8):
        response = client.get(url("mandates:mandate_detail", "M-CPT"))
    assert response.content.decode().count('<th scope="row">janv. 2021</th>') == 1


def test_the_english_page_is_in_english(client, scene):
    response = detail(client, scene.people.owner, language="en")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Accounting" in page
    assert "April 1, 2020" in page
