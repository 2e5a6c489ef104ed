import datetime as dt

import pytest

from consortium.core.tests.admin_pages import (
    admin_url,
    changelist_rows,
    page_text,
    queries_to_render,
)
from consortium.mandates.models import Mandate, MandateStatus, MandateType
from consortium.testing.factories import (
    DepartmentFactory,
    FiscalYearLockFactory,
    MandateFactory,
    MandateTypeFactory,
    OrganisationFactory,
    TimeEntryFactory,
)

pytestmark = pytest.mark.django_db

MANDATES = "mandates_mandate_changelist"


@pytest.mark.parametrize(
    ("view", "french", "english"),
    [
        ("mandates_mandatetype_changelist", "Nom (français)", "Name (French)"),
        ("mandates_mandatetype_add", "Nom (anglais)", "Name (English)"),
        (MANDATES, "Type de mandat", "Mandate type"),
        ("mandates_mandate_add", "Titre", "Title"),
    ],
)
def test_the_list_and_add_pages_speak_the_language_of_the_address(
    admin_client, view, french, english
):
    MandateFactory()
    assert french in page_text(admin_client, view)
    text = page_text(admin_client, view, language="en")
    assert english in text
    assert french not in text


@pytest.mark.parametrize("model", ["mandatetype", "mandate"])
def test_every_change_form_renders_in_both_languages(admin_client, model):
    mandate = MandateFactory()
    pk = mandate.mandate_type_id if model == "mandatetype" else mandate.pk
    assert "Créé le" in page_text(admin_client, f"mandates_{model}_change", pk)
    assert "Created on" in page_text(admin_client, f"mandates_{model}_change", pk, language="en")


def test_a_mandates_status_reads_in_the_readers_language(admin_client):
    MandateFactory(status=MandateStatus.CANCELLED)
    assert "annulé" in page_text(admin_client, MANDATES)
    assert "cancelled" in page_text(admin_client, MANDATES, language="en")


@pytest.mark.parametrize("term", ["MAN4242", "Refonte", "Coop du Plateau"])
def test_the_search_finds_a_mandate_by_code_title_or_organisation(admin_client, term):
    wanted = MandateFactory(
        code="MAN4242",
        title="Refonte du site",
        organisation=OrganisationFactory(name="Coop du Plateau"),
    )
    MandateFactory(code="MAN0001", title="Audit", organisation=OrganisationFactory(name="Autre"))
    assert changelist_rows(admin_client, MANDATES, f"?q={term}") == [wanted]


def test_the_mandate_list_filters_by_status_type_and_department(admin_client):
    training, it = MandateTypeFactory(code="FORM"), DepartmentFactory(code="TI")
    wanted = MandateFactory(status=MandateStatus.CLOSED, mandate_type=training, department=it)
    MandateFactory(status=MandateStatus.OPEN, mandate_type=training, department=it)
    MandateFactory(status=MandateStatus.CLOSED, department=it)
    MandateFactory(status=MandateStatus.CLOSED, mandate_type=training)
    query = (
        f"?status__exact=closed&mandate_type__id__exact={training.pk}&department__id__exact={it.pk}"
    )
    assert changelist_rows(admin_client, MANDATES, query) == [wanted]


def test_the_mandate_type_search_finds_a_type_by_either_name(admin_client):
    wanted = MandateTypeFactory(code="DIAG", name_fr="Diagnostic", name_en="Assessment")
    MandateTypeFactory(code="GEST", name_fr="Gestion déléguée", name_en="Delegated management")
    view = "mandates_mandatetype_changelist"
    assert changelist_rows(admin_client, view, "?q=Assessment") == [wanted]


def test_a_mandate_ending_before_it_starts_is_refused_on_the_form(admin_client):
    organisation, mandate_type = OrganisationFactory(), MandateTypeFactory()
    response = admin_client.post(
        admin_url("mandates_mandate_add"),
        {
            "code": "MAN9000",
            "organisation": organisation.pk,
            "title": "Accompagnement",
            "mandate_type": mandate_type.pk,
            "department": DepartmentFactory().pk,
            "start": "2021-01-01",
            "end": "2020-12-31",
            "status": MandateStatus.OPEN,
        },
    )
    assert response.status_code == 200
    assert "Un mandat ne peut finir avant de commencer." in response.content.decode()
    assert not Mandate.objects.filter(code="MAN9000").exists()


def test_an_end_before_logged_hours_is_refused_on_the_form(admin_client):
    mandate = MandateFactory(code="MAN-H", start=dt.date(2020, 1, 1))
    TimeEntryFactory(mandate=mandate, date=dt.date(2020, 6, 1))
    response = admin_client.post(
        admin_url("mandates_mandate_change", mandate.pk),
        {
            "code": mandate.code,
            "organisation": mandate.organisation_id,
            "title": mandate.title,
            "mandate_type": mandate.mandate_type_id,
            "department": mandate.department_id,
            "start": "2020-01-01",
            "end": "2020-05-31",
            "status": MandateStatus.CLOSED,
        },
    )
    assert response.status_code == 200
    assert "MAN-H a des heures saisies le 2020-06-01" in response.content.decode()
    mandate.refresh_from_db()
    assert (mandate.end, mandate.status) == (None, MandateStatus.OPEN)


def test_a_mandate_is_added_from_the_admin(admin_client):
    response = admin_client.post(
        admin_url("mandates_mandate_add"),
        {
            "code": "MAN9001",
            "organisation": OrganisationFactory().pk,
            "title": "Diagnostic organisationnel",
            "mandate_type": MandateTypeFactory().pk,
            "department": DepartmentFactory().pk,
            "start": "2020-04-01",
            "end": "",
            "status": MandateStatus.OPEN,
        },
    )
    assert response.status_code == 302
    assert Mandate.objects.get(code="MAN9001").start == dt.date(2020, 4, 1)


@pytest.mark.parametrize("view", ["mandates_mandatetype_changelist", MANDATES])
def test_each_mandate_list_costs_the_same_queries_with_5_or_50_rows(admin_client, view):
    url = admin_url(view)
    MandateFactory.create_batch(5)
    with_five = queries_to_render(admin_client, url)
    MandateFactory.create_batch(45)
    assert queries_to_render(admin_client, url) == with_five


def test_a_mandate_type_renamed_in_the_admin_keeps_its_id_and_its_mandates(admin_client):
    mandate = MandateFactory(mandate_type=MandateTypeFactory(code="GEST"))
    response = admin_client.post(
        admin_url("mandates_mandatetype_change", mandate.mandate_type_id),
        {"code": "GESTD", "name_fr": "Gestion déléguée", "name_en": "Delegated management"},
    )
    assert response.status_code == 302
    assert list(MandateType.objects.values_list("pk", "code", "name_fr")) == [
        (mandate.mandate_type_id, "GESTD", "Gestion déléguée")
    ]


def test_the_type_of_a_mandate_with_hours_in_a_locked_year_is_refused_on_the_form(admin_client):
    mandate = MandateFactory(code="MAN-L", start=dt.date(2020, 1, 1))
    TimeEntryFactory(mandate=mandate, date=dt.date(2020, 9, 1))
    FiscalYearLockFactory(fiscal_year__name="2020-2021")
    before = mandate.mandate_type_id
    response = admin_client.post(
        admin_url("mandates_mandate_change", mandate.pk),
        {
            "code": mandate.code,
            "organisation": mandate.organisation_id,
            "title": mandate.title,
            "mandate_type": MandateTypeFactory().pk,
            "department": mandate.department_id,
            "start": "2020-01-01",
            "end": "",
            "status": MandateStatus.OPEN,
        },
    )
    assert response.status_code == 200
    assert "2020-2021 est verrouillé et le mandat MAN-L y a des heures" in (
        response.content.decode()
    )
    mandate.refresh_from_db()
    assert mandate.mandate_type_id == before
