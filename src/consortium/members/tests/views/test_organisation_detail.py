"""An organisation's page: identity, memberships, federation and enterprises, hours, mandates."""

import datetime as dt
import html
import re
from decimal import Decimal

import pytest

from consortium.members.models import MemberCategory, Region
from consortium.testing.factories import (
    MandateFactory,
    MembershipFactory,
    OrganisationFactory,
    TimeEntryFactory,
)
from consortium.testing.web import signed_in, url

pytestmark = pytest.mark.django_db


@pytest.fixture
def scene(scene):
    federation = OrganisationFactory(code="FED", name="Fédération des coops")
    scene.organisation.federation = federation
    scene.organisation.neq = "1140000002"
    scene.organisation.region = Region.SAGUENAY
    scene.organisation.save()
    MembershipFactory(
        organisation=scene.organisation,
        category=MemberCategory.USER,
        start=dt.date(2015, 1, 1),
        end=dt.date(2019, 12, 31),
    )
    MembershipFactory(
        organisation=scene.organisation,
        category=MemberCategory.FULLY_MANAGED,
        start=dt.date(2020, 1, 1),
    )
    scene.federation = federation
    return scene


def detail(client, user, code: str = "FJORD", language: str = "fr", **query):
    return signed_in(client, user).get(
        url("members:organisation_detail", code, language=language), query
    )


def text_of(response) -> str:
    return html.unescape(response.content.decode())


def test_anonymous_visitors_are_sent_to_sign_in(client, scene):
    response = client.get(url("members:organisation_detail", "FJORD"))
    assert response.status_code == 302
    assert response["Location"].startswith(url("accounts:login"))


@pytest.mark.parametrize(
    "who",
    [
        "owner",
        "colleague",
        "director",
        "director_elsewhere",
        "finance",
        "communications",
        "administrator",
    ],
)
def test_every_staff_role_reads_an_organisation(client, scene, who):
    response = detail(client, getattr(scene.people, who))
    assert response.status_code == 200
    assert "<h1>Coopérative du Fjord</h1>" in response.content.decode()


def test_an_unknown_organisation_is_not_found(client, scene):
    assert detail(client, scene.people.director, code="NOPE").status_code == 404


def test_the_page_shows_its_identity_and_a_link_to_its_federation(client, scene):
    page = text_of(detail(client, scene.people.owner))
    assert "1140000002" in page
    assert "02 – Saguenay–Lac-Saint-Jean" in page
    assert '<a href="/organisations/FED/">Fédération des coops</a>' in page


def test_the_memberships_are_listed_latest_first(client, scene):
    page = text_of(detail(client, scene.people.owner))
    rows = re.findall(
        r'<tr><th scope="row">(membre [^<]+)</th><td>([^<]+)</td><td>([^<]+)</td>', page
    )
    assert rows == [
        ("membre sous entière gestion", "2020-01-01", "aujourd'hui"),
        ("membre utilisateur", "2015-01-01", "2019-12-31"),
    ]


def test_a_federation_lists_its_member_enterprises_25_a_page(client, scene):
    OrganisationFactory.create_batch(25, federation=scene.federation, name="Coop affiliée")
    signed_in(client, scene.people.owner)
    first = text_of(detail(client, scene.people.owner, code="FED"))
    second = text_of(detail(client, scene.people.owner, code="FED", entreprises=2))
    assert "Entreprises membres du regroupement" in first
    assert first.count(">Coop affiliée</a>") == 25
    assert ">Coopérative du Fjord</a>" in second
    assert ">Coop affiliée</a>" not in second
    assert 'href="?entreprises=2"' in first


def test_an_enterprise_that_is_no_federation_has_no_member_list(client, scene):
    assert "Entreprises membres du regroupement" not in text_of(detail(client, scene.people.owner))


def test_the_hours_are_shown_by_fiscal_year_with_a_chart(client, scene):
    TimeEntryFactory(mandate=scene.other_mandate, date=dt.date(2021, 3, 31), hours=Decimal("4"))
    TimeEntryFactory(mandate=scene.other_mandate, date=dt.date(2021, 4, 1), hours=Decimal("5"))
    page = text_of(detail(client, scene.people.owner))
    years = re.findall(
        r'<tr><th scope="row">(\d{4}-\d{4})</th><td class="number">([^<]+)</td>', page
    )
    assert years == [("2020-2021", "64,0"), ("2021-2022", "5,0")]
    assert '<figure class="chart" aria-hidden="true"><svg' in page


def test_the_mandates_listed_are_those_the_reader_may_see(client, scene):
    def codes(user) -> list[str]:
        page = detail(client, user).content.decode()
        return re.findall(r'<a href="/mandats/([^/]+)/">', page)

    assert codes(scene.people.director) == ["M-RH", "M-CPT"]
    assert codes(scene.people.owner) == ["M-CPT"]
    assert codes(scene.outsider) == ["M-RH"]


def test_a_mandate_over_budget_is_flagged_in_the_list(client, scene):
    scene.mandate.budget_hours = Decimal("50")
    scene.mandate.save()
    assert "Budget d'heures dépassé" in text_of(detail(client, scene.people.owner))


def test_the_page_takes_the_same_queries_however_much_data(
    client, scene, django_assert_num_queries
):
    signed_in(client, scene.people.owner)
    # Session, user, roles, the organisation, its mandates, its hours by year, its memberships,
    # its contacts.
    with django_assert_num_queries(8):
        client.get(url("members:organisation_detail", "FJORD"))
    for year in range(2015, 2020):
        mandate = MandateFactory(organisation=scene.organisation, department=scene.department)
        TimeEntryFactory(mandate=mandate, date=dt.date(year, 6, 1))
    with django_assert_num_queries(8):
        response = client.get(url("members:organisation_detail", "FJORD"))
    assert response.content.decode().count("/mandats/MAN") == 5
    # A federation adds its enterprises: a count and a page.
    with django_assert_num_queries(10):
        client.get(url("members:organisation_detail", "FED"))
    OrganisationFactory.create_batch(30, federation=scene.federation)
    with django_assert_num_queries(10):
        client.get(url("members:organisation_detail", "FED"))


def test_the_english_page_renders(client, scene):
    response = detail(client, scene.people.owner, language="en")
    assert response.status_code == 200
    assert '<html lang="en">' in response.content.decode()
