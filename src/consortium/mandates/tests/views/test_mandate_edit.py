"""Opening, editing and closing a mandate: directors of its department and administrators only."""

import datetime as dt
import html
from decimal import Decimal

import pytest
from django.utils import timezone

from consortium.mandates.models import Mandate, MandateStatus
from consortium.testing.factories import OrganisationFactory
from consortium.testing.web import messages_of, signed_in, url

pytestmark = pytest.mark.django_db


def new_mandate(scene, **changes) -> dict:
    return {
        "code": "M-NEW",
        "title": "Diagnostic organisationnel",
        "organisation": scene.organisation.pk,
        "mandate_type": scene.mandate.mandate_type_id,
        "department": scene.department.pk,
        "start": "2021-04-01",
        "end": "",
        "budget_hours": "35",
        **changes,
    }


def edited(scene, **changes) -> dict:
    data = new_mandate(
        scene, **{"title": "Tenue de livres et paie", "start": "2020-04-01", **changes}
    )
    del data["code"]
    return data


def text_of(response) -> str:
    return html.unescape(response.content.decode())


# --- opening -----------------------------------------------------------------------------------


def test_anonymous_visitors_are_sent_to_sign_in(client, scene):
    for name, args in [
        ("mandates:mandate_create", ()),
        ("mandates:mandate_update", ("M-CPT",)),
        ("mandates:mandate_close", ("M-CPT",)),
    ]:
        response = client.get(url(name, *args))
        assert response.status_code == 302
        assert response["Location"].startswith(url("accounts:login"))


@pytest.mark.parametrize("who", ["owner", "colleague", "finance", "communications"])
def test_experts_finance_and_communications_may_not_open_edit_or_close_a_mandate(
    client, scene, who
):
    signed_in(client, getattr(scene.people, who))
    assert client.get(url("mandates:mandate_create")).status_code == 403
    assert client.post(url("mandates:mandate_create"), new_mandate(scene)).status_code == 403
    assert client.get(url("mandates:mandate_update", "M-CPT")).status_code == 403
    assert client.post(url("mandates:mandate_close", "M-CPT"), {}).status_code == 403
    assert not Mandate.objects.filter(code="M-NEW").exists()


def test_the_director_opens_a_mandate_of_their_department(client, scene):
    response = signed_in(client, scene.people.director).post(
        url("mandates:mandate_create"), new_mandate(scene)
    )
    assert response.status_code == 302
    assert response["Location"] == url("mandates:mandate_detail", "M-NEW")
    mandate = Mandate.objects.get(code="M-NEW")
    assert (mandate.department, mandate.budget_hours, mandate.status) == (
        scene.department,
        Decimal("35"),
        MandateStatus.OPEN,
    )
    assert messages_of(response) == ["Le mandat M-NEW est ouvert."]


def test_a_director_may_not_open_a_mandate_for_another_department(client, scene):
    signed_in(client, scene.people.director_elsewhere)
    form_page = client.get(url("mandates:mandate_create")).content.decode()
    assert "Ressources humaines" in form_page
    assert "Comptabilité" not in form_page
    response = client.post(url("mandates:mandate_create"), new_mandate(scene))
    assert response.status_code == 200
    assert "Sélectionnez un choix valide" in text_of(response)
    assert not Mandate.objects.filter(code="M-NEW").exists()


def test_an_administrator_opens_a_mandate_for_any_department(client, scene):
    signed_in(client, scene.people.administrator).post(
        url("mandates:mandate_create"), new_mandate(scene, department=scene.elsewhere.pk)
    )
    assert Mandate.objects.get(code="M-NEW").department == scene.elsewhere


def test_the_form_shows_its_errors_next_to_their_fields(client, scene):
    response = signed_in(client, scene.people.director).post(
        url("mandates:mandate_create"),
        new_mandate(scene, code="M-CPT", end="2021-03-01", budget_hours="-4"),
    )
    page = text_of(response)
    assert response.status_code == 200
    assert "Un objet Mandat avec ce champ Code existe déjà." in page
    assert "Un mandat ne peut finir avant de commencer." in page
    assert "Assurez-vous que cette valeur est supérieure ou égale à 0." in page
    assert Mandate.objects.count() == 2


# --- editing -----------------------------------------------------------------------------------


def test_the_director_edits_a_mandate_of_their_department(client, scene):
    signed_in(client, scene.people.director)
    form_page = client.get(url("mandates:mandate_update", "M-CPT"))
    assert form_page.status_code == 200
    assert 'value="100.00"' in form_page.content.decode()
    response = client.post(
        url("mandates:mandate_update", "M-CPT"), edited(scene, budget_hours="120")
    )
    assert response["Location"] == url("mandates:mandate_detail", "M-CPT")
    scene.mandate.refresh_from_db()
    assert (scene.mandate.title, scene.mandate.budget_hours) == (
        "Tenue de livres et paie",
        Decimal("120"),
    )
    assert messages_of(response) == ["Le mandat M-CPT est enregistré."]


def test_a_director_of_another_department_gets_not_found_for_its_edit_and_close_pages(
    client, scene
):
    signed_in(client, scene.people.director_elsewhere)
    assert client.get(url("mandates:mandate_update", "M-CPT")).status_code == 404
    assert client.post(url("mandates:mandate_update", "M-CPT"), edited(scene)).status_code == 404
    assert client.get(url("mandates:mandate_close", "M-CPT")).status_code == 404
    scene.mandate.refresh_from_db()
    assert scene.mandate.title == "Tenue de livres"


def test_an_edit_may_not_leave_logged_hours_outside_the_mandate(client, scene):
    response = signed_in(client, scene.people.director).post(
        url("mandates:mandate_update", "M-CPT"), edited(scene, start="2020-06-01")
    )
    assert response.status_code == 200
    assert "Le mandat M-CPT a des heures saisies le 2020-05-04, hors de ces dates." in text_of(
        response
    )
    scene.mandate.refresh_from_db()
    assert scene.mandate.start == dt.date(2020, 4, 1)


# --- closing -----------------------------------------------------------------------------------


def test_the_close_form_proposes_the_day_of_the_last_hours(client, scene):
    response = signed_in(client, scene.people.director).get(url("mandates:mandate_close", "M-CPT"))
    page = text_of(response)
    assert 'value="2020-06-04"' in page
    assert "Dernières heures saisies le 4 juin 2020" in page


def test_the_close_form_proposes_today_for_a_mandate_without_hours(client, scene):
    response = signed_in(client, scene.people.director_elsewhere).get(
        url("mandates:mandate_close", "M-RH")
    )
    assert f'value="{timezone.localdate().isoformat()}"' in response.content.decode()


def test_the_director_closes_a_mandate_on_its_last_day(client, scene):
    response = signed_in(client, scene.people.director).post(
        url("mandates:mandate_close", "M-CPT"), {"end": "2020-06-30", "status": "closed"}
    )
    assert response["Location"] == url("mandates:mandate_detail", "M-CPT")
    scene.mandate.refresh_from_db()
    assert (scene.mandate.status, scene.mandate.end) == (MandateStatus.CLOSED, dt.date(2020, 6, 30))
    assert messages_of(response) == [
        "Le mandat M-CPT est terminé; son dernier jour : 30 juin 2020."
    ]


def test_a_mandate_may_be_cancelled_instead(client, scene):
    signed_in(client, scene.people.administrator).post(
        url("mandates:mandate_close", "M-RH"), {"end": "2020-05-31", "status": "cancelled"}
    )
    scene.other_mandate.refresh_from_db()
    assert scene.other_mandate.status == MandateStatus.CANCELLED


def test_closing_before_the_last_logged_hours_is_refused_naming_that_day(client, scene):
    response = signed_in(client, scene.people.director).post(
        url("mandates:mandate_close", "M-CPT"), {"end": "2020-05-31", "status": "closed"}
    )
    assert response.status_code == 200
    assert (
        "Des heures sont saisies sur le mandat M-CPT jusqu'au 2020-06-04 : "
        "il ne peut se terminer avant." in text_of(response)
    )
    scene.mandate.refresh_from_db()
    assert (scene.mandate.status, scene.mandate.end) == (MandateStatus.OPEN, None)


def test_the_edit_pages_take_the_same_queries_however_many_hours(
    client, scene, django_assert_num_queries
):
    signed_in(client, scene.people.director)
    # Session, user, roles, the mandate; then the form's organisations served and billed, types
    # and departments.
    with django_assert_num_queries(8):
        client.get(url("mandates:mandate_update", "M-CPT"))
    # Session, user, roles, the mandate, its last day of hours.
    with django_assert_num_queries(5):
        client.get(url("mandates:mandate_close", "M-CPT"))


def test_the_english_form_is_in_english(client, scene):
    response = signed_in(client, scene.people.director).get(
        url("mandates:mandate_create", language="en")
    )
    page = response.content.decode()
    assert '<html lang="en">' in page
    assert "Mandate type" in page


@pytest.mark.parametrize("code", ["AUD/SLASH", "AUD SLASH", "AUD?x"])
def test_the_form_refuses_a_code_that_would_break_the_mandate_s_address(client, scene, code):
    response = signed_in(client, scene.people.director).post(
        url("mandates:mandate_create"), new_mandate(scene, code=code)
    )

    assert response.status_code == 200
    assert (
        "Un code ne contient que des lettres sans accents, des chiffres, « . », « _ » et « - » "
        "(ni espace ni « / »)." in text_of(response)
    )
    assert not Mandate.objects.filter(code=code).exists()


def test_a_federation_that_pays_is_recorded_as_the_billed_organisation(client, scene):
    federation = OrganisationFactory(code="FED-PAY", name="Fédération payeuse")
    signed_in(client, scene.people.director)
    mandate = scene.mandate
    response = client.post(
        url("mandates:mandate_update", mandate.code),
        {
            "organisation": mandate.organisation_id,
            "billed_organisation": federation.pk,
            "title": mandate.title,
            "mandate_type": mandate.mandate_type_id,
            "department": mandate.department_id,
            "start": mandate.start.isoformat(),
            "billable": "on",
        },
    )
    assert response.status_code == 302
    mandate.refresh_from_db()
    assert mandate.billed_organisation == federation
    assert mandate.payer_id == federation.pk


def test_the_organisation_served_chosen_as_payer_is_stored_as_no_other_payer(client, scene):
    signed_in(client, scene.people.director)
    mandate = scene.mandate
    client.post(
        url("mandates:mandate_update", mandate.code),
        {
            "organisation": mandate.organisation_id,
            "billed_organisation": mandate.organisation_id,
            "title": mandate.title,
            "mandate_type": mandate.mandate_type_id,
            "department": mandate.department_id,
            "start": mandate.start.isoformat(),
        },
    )
    mandate.refresh_from_db()
    assert mandate.billed_organisation is None
    assert mandate.billable is False  # an unticked box
