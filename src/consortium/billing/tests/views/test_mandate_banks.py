"""A mandate's page shows the hour banks of the organisation it serves, in the programmes that
cover its type, to whoever reads the mandate (the fragment comes from billing, by HTMX)."""

import pytest

from consortium.testing.factories import (
    MandateTypeFactory,
    ProgrammeEligibilityFactory,
    ProgrammeFactory,
    UserFactory,
)
from consortium.testing.scene import make_scene
from consortium.testing.web import signed_in, url

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def scene():
    scene = make_scene()
    covering = ProgrammeFactory(
        code="EES25",
        name_fr="Obtenez 25 h de soutien gratuit",
        mandate_types=[scene.mandate.mandate_type],
    )
    ProgrammeEligibilityFactory(programme=covering, organisation=scene.organisation)
    other = ProgrammeFactory(code="AR360", mandate_types=[MandateTypeFactory(code="DIAG")])
    ProgrammeEligibilityFactory(programme=other, organisation=scene.organisation)
    return scene


def test_the_mandate_page_loads_the_banks_fragment(client, scene):
    page = signed_in(client, scene.people.owner).get(url("mandates:mandate_detail", "M-CPT"))
    assert f'hx-get="{url("billing:mandate_banks", "M-CPT")}"' in page.content.decode()


def test_the_fragment_lists_the_banks_of_the_programmes_covering_the_mandates_type(client, scene):
    response = signed_in(client, scene.people.owner).get(
        url("billing:mandate_banks", "M-CPT"), **HTMX
    )
    page = response.content.decode()
    assert "<html" not in page
    assert "Obtenez 25 h de soutien gratuit" in page
    assert "25\u00a0h" in page
    assert "AR360" not in page and "Programme" not in page.split("<tbody>")[1]


def test_without_javascript_the_banks_open_as_a_page(client, scene):
    response = signed_in(client, scene.people.owner).get(url("billing:mandate_banks", "M-CPT"))
    assert "<html" in response.content.decode()


def test_a_mandate_no_programme_covers_says_so(client, scene):
    response = signed_in(client, scene.people.director).get(
        url("billing:mandate_banks", "M-RH"), **HTMX
    )
    assert "Aucun programme ne couvre" in response.content.decode()


@pytest.mark.parametrize(
    ("who", "status"),
    [("owner", 200), ("outsider", 404), ("finance", 200), ("director_elsewhere", 200)],
)
def test_whoever_reads_the_mandate_reads_its_banks(client, scene, who, status):
    user = scene.outsider if who == "outsider" else getattr(scene.people, who)
    response = signed_in(client, user).get(url("billing:mandate_banks", "M-CPT"), **HTMX)
    assert response.status_code == status


def test_a_user_without_a_role_is_refused_and_the_anonymous_sent_to_sign_in(client, scene):
    assert client.get(url("billing:mandate_banks", "M-CPT"))["Location"].startswith(
        url("accounts:login")
    )
    signed_in(client, UserFactory(username="nobody"))
    assert client.get(url("billing:mandate_banks", "M-CPT")).status_code == 403
