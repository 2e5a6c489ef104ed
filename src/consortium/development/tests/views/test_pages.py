"""Every development page as the roles it is for (directors, communications, administrators)
and as those it is not (an expert, finance: 403); the lists' query counts."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from consortium.development.models import DevelopmentActivity, Opportunity, OpportunityStage
from consortium.development.services import partnership_document_add
from consortium.mandates.models import Mandate
from consortium.testing.factories import (
    DevelopmentActivityFactory,
    MandateTypeFactory,
    OrganisationFactory,
    PartnershipFactory,
)
from consortium.testing.web import messages_of, signed_in, url

pytestmark = pytest.mark.django_db


@pytest.fixture
def records(people):
    activity = DevelopmentActivityFactory(
        title="Rencontre Coopérative Érable",
        next_step="Rappeler",
        follow_up_due=dt.date(2025, 1, 6),
        follow_up_owner=people.director,
    )
    opportunity = Opportunity.objects.create(
        title="Tenue de livres",
        organisation=OrganisationFactory(),
        mandate_type=MandateTypeFactory(),
        department=people.department,
        stage=OpportunityStage.WON,
        estimated_amount=Decimal("6400"),
    )
    partnership = PartnershipFactory()
    return activity, opportunity, partnership


PAGES = [
    ("development:activity_list", None),
    ("development:activity_create", None),
    ("development:activity_detail", 0),
    ("development:activity_update", 0),
    ("development:follow_up_list", None),
    ("development:opportunity_list", None),
    ("development:opportunity_create", None),
    ("development:opportunity_detail", 1),
    ("development:opportunity_update", 1),
    ("development:partnership_list", None),
    ("development:partnership_create", None),
    ("development:partnership_detail", 2),
    ("development:partnership_update", 2),
]


def _address(name, which, records, language="fr"):
    return url(name, *([] if which is None else [records[which].pk]), language=language)


@pytest.mark.parametrize(("name", "which"), PAGES)
@pytest.mark.parametrize("role", ["director", "communications", "administrator"])
def test_the_page_opens_for_the_roles_of_development(client, people, records, name, which, role):
    response = signed_in(client, getattr(people, role)).get(_address(name, which, records))
    assert response.status_code == 200


@pytest.mark.parametrize(("name", "which"), PAGES)
@pytest.mark.parametrize("role", ["owner", "finance"])
def test_the_page_is_refused_to_other_roles(client, people, records, name, which, role):
    response = signed_in(client, getattr(people, role)).get(_address(name, which, records))
    assert response.status_code == 403


def test_a_record_that_does_not_exist_is_a_404(client, people):
    response = signed_in(client, people.director).get(url("development:activity_detail", 999))
    assert response.status_code == 404


def test_the_pages_read_in_english(client, people, records):
    response = signed_in(client, people.director).get(
        _address("development:opportunity_list", None, records, language="en")
    )
    assert "Business opportunities" in response.text
    assert "Occasions d'affaires" not in response.text


def test_the_nav_offers_development_to_a_director_not_to_finance(client, people):
    home = url("surveys:survey_list")
    assert url("development:activity_list") in signed_in(client, people.director).get(home).text
    assert url("development:activity_list") not in signed_in(client, people.finance).get(home).text


def _more_rows(people, count):
    for number in range(count):
        organisation = OrganisationFactory()
        activity = DevelopmentActivityFactory(
            next_step="Rappeler",
            follow_up_due=dt.date(2025, 2, 1) + dt.timedelta(days=number),
            follow_up_owner=people.director,
        )
        activity.organisations_met.add(organisation)
        activity.participants.add(people.expert)
        Opportunity.objects.create(
            title=f"Occasion {number}",
            organisation=organisation,
            mandate_type=MandateTypeFactory(),
            department=people.department,
        )
        partnership = PartnershipFactory(organisation=organisation)
        partnership.documents.create(
            title="Entente", filename="e.pdf", content_type="application/pdf", size=1, content=b"x"
        )


@pytest.mark.parametrize(
    ("name", "query"),
    [
        ("development:activity_list", "?q=rappel"),
        ("development:follow_up_list", "?qui=tous"),
        ("development:opportunity_list", ""),
        ("development:partnership_list", ""),
    ],
)
def test_the_lists_query_count_does_not_grow_with_the_rows(
    client, people, records, django_assert_num_queries, name, query
):
    signed_in(client, people.director)
    address = url(name) + query
    _more_rows(people, 2)
    client.get(address)  # warm the session and caches
    with CaptureQueriesContext(connection) as few:
        assert client.get(address).status_code == 200
    _more_rows(people, 6)
    with django_assert_num_queries(len(few.captured_queries)):
        assert client.get(address).status_code == 200


def test_a_director_logs_a_meeting_with_a_follow_up_and_sees_it_due(client, people):
    organisation = OrganisationFactory(name="Coopérative Érable")
    signed_in(client, people.director)
    response = client.post(
        url("development:activity_create"),
        {
            "kind": "development_meeting",
            "date": "2025-10-06",
            "title": "Rencontre Érable",
            "participants": [people.expert.pk],
            "organisations_met": [organisation.pk],
            "next_step": "Envoyer l'offre",
            "follow_up_due": "2025-10-13",
            "follow_up_owner": people.director.pk,
        },
    )
    activity = DevelopmentActivity.objects.get(title="Rencontre Érable")
    assert response.status_code == 302
    assert messages_of(response) == ["L'activité est enregistrée."]
    due = client.get(url("development:follow_up_list")).text
    assert "Envoyer l&#x27;offre" in due
    assert list(activity.organisations_met.all()) == [organisation]


def test_bad_input_names_the_field_and_writes_nothing(client, people):
    response = signed_in(client, people.director).post(
        url("development:activity_create"),
        {"kind": "development_meeting", "date": "2025-10-06", "title": "X", "next_step": "Y"},
    )
    assert response.status_code == 400
    assert "Indiquez l&#x27;échéance de la prochaine étape." in response.text
    assert not DevelopmentActivity.objects.exists()


def test_the_picker_finds_an_organisation_without_its_accents(client, people):
    OrganisationFactory(name="Coopérative de l'Érablière", code="ERAB")
    response = signed_in(client, people.communications).get(
        url("development:organisation_picker") + "?organisation_search=erabliere"
    )
    assert "Coopérative de l&#x27;Érablière" in response.text
    assert "Créer le prospect" in response.text


def test_the_picker_creates_a_prospect(client, people):
    response = signed_in(client, people.director).post(
        url("development:prospect_create"), {"name": "Coop des Îles"}
    )
    assert 'name="organisations_met"' in response.text
    assert "prospect créé" in response.text


def test_converting_a_won_opportunity_opens_its_mandate_once(client, people, records):
    _activity, opportunity, _partnership = records
    signed_in(client, people.director)
    address = url("development:opportunity_convert", opportunity.pk)
    opened = client.post(address, {"start": "2026-01-12"}, follow=True)
    assert "Le mandat 2026-0001 est ouvert." in opened.text
    opportunity.refresh_from_db()
    assert opportunity.mandate.code == "2026-0001"
    response = client.post(address, {"start": "2026-01-12"})
    assert messages_of(response) == ["Cette occasion est déjà devenue le mandat 2026-0001."]
    assert Mandate.objects.count() == 1


def test_communications_reads_the_opportunity_but_converts_nothing(client, people, records):
    _activity, opportunity, _partnership = records
    signed_in(client, people.communications)
    page = client.get(url("development:opportunity_detail", opportunity.pk))
    assert "Convertir en mandat" not in page.text
    response = client.post(
        url("development:opportunity_convert", opportunity.pk), {"start": "2026-01-12"}
    )
    assert response.status_code == 403


def test_a_document_is_served_to_development_roles_only(client, people, records):
    _activity, _opportunity, partnership = records
    signed_in(client, people.director)
    client.post(
        url("development:document_add", partnership.pk),
        {"title": "Entente signée", "upload": SimpleUploadedFile("entente.pdf", b"%PDF-1.4 x")},
    )
    document = partnership.documents.get()
    address = url("development:document_download", partnership.pk, document.pk)
    response = client.get(address)
    assert response.content == b"%PDF-1.4 x"
    assert "entente.pdf" in response["Content-Disposition"]
    assert signed_in(client, people.owner).get(address).status_code == 403
    assert signed_in(client, people.finance).get(address).status_code == 403


def test_an_empty_document_is_refused_naming_the_file(client, people, records):
    _activity, _opportunity, partnership = records
    with pytest.raises(ValidationError, match="vide"):
        partnership_document_add(
            by=people.director,
            partnership=partnership,
            title="",
            upload=SimpleUploadedFile("vide.pdf", b""),
        )


@pytest.mark.parametrize(
    ("name", "which"),
    [
        ("development:activity_detail", 0),
        ("development:opportunity_detail", 1),
        ("development:partnership_detail", 2),
    ],
)
def test_the_detail_pages_query_count_is_pinned(
    client, people, records, django_assert_num_queries, name, which
):
    activity, _opportunity, partnership = records
    for _number in range(3):
        activity.organisations_met.add(OrganisationFactory())
        partnership.documents.create(
            title="Entente", filename="e.pdf", content_type="application/pdf", size=1, content=b"x"
        )
    activity.participants.add(people.expert, people.colleague_expert)
    signed_in(client, people.director)
    address = _address(name, which, records)
    client.get(address)
    # Session, user, roles, the row; then its relations (two prefetches for an activity), the
    # opportunity's conversion right, or the partnership's documents.
    with django_assert_num_queries(DETAIL_QUERIES[name]):
        assert client.get(address).status_code == 200


DETAIL_QUERIES = {
    "development:activity_detail": 6,
    "development:opportunity_detail": 5,
    "development:partnership_detail": 5,
}


def test_a_director_of_another_department_reads_the_opportunity_but_does_not_convert_it(
    client, people, records
):
    _activity, opportunity, _partnership = records
    signed_in(client, people.director_elsewhere)
    page = client.get(url("development:opportunity_detail", opportunity.pk))
    assert page.status_code == 200
    assert "Convertir en mandat" not in page.text
    response = client.post(
        url("development:opportunity_convert", opportunity.pk), {"start": "2026-01-12"}
    )
    assert response.status_code == 403
    assert not Mandate.objects.exists()
