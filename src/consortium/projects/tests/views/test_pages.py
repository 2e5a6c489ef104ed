"""The projects' pages as each role sees them: directors and administrators change projects,
an expert reads the projects they work on and submits the deliverables they own, other roles
get 403 and projects out of an expert's reach 404; the list and the detail ask a fixed number
of queries."""

import datetime as dt
from decimal import Decimal

import pytest

from consortium.projects.models import ChecklistItem, ValidationState
from consortium.projects.services import deliverable_submit, phase_mandate_link
from consortium.testing.documents import pdf_pages
from consortium.testing.factories import (
    ApprovedWeekFactory,
    DeliverableFactory,
    MandateFactory,
    ProjectPhaseFactory,
    StructuringProjectFactory,
    TimeEntryFactory,
)
from consortium.testing.web import messages_of, signed_in, url

pytestmark = pytest.mark.django_db


@pytest.fixture
def project(people):
    """A project the owner works on (hours on its mandate), with a deliverable they own."""
    project = StructuringProjectFactory(code="PAEN", title="Optimisation des épargnes")
    phase = ProjectPhaseFactory(project=project, title_fr="Mobilisation", planned_hours=20)
    mandate = MandateFactory()
    phase_mandate_link(phase=phase, mandate=mandate, by=people.director)
    ApprovedWeekFactory(expert=people.expert, week_start=dt.date(2020, 6, 1))
    TimeEntryFactory(expert=people.expert, mandate=mandate, date=dt.date(2020, 6, 2))
    DeliverableFactory(phase=phase, title_fr="Outil de liquidités", owner=people.expert)
    ChecklistItem.objects.create(project=project, order=1, label_fr="Conforme au devis")
    return project


@pytest.fixture
def deliverable(project):
    return project.phases.get().deliverables.get()


@pytest.mark.parametrize("role", ["director", "administrator", "owner"])
def test_the_list_and_the_detail_show_the_project(client, people, project, role):
    signed_in(client, getattr(people, role))
    listing = client.get(url("projects:project_list"))
    assert listing.status_code == 200
    assert "Optimisation des épargnes" in listing.text
    detail = client.get(url("projects:project_detail", project.pk))
    assert detail.status_code == 200
    assert "Mobilisation" in detail.text
    assert "Outil de liquidités" in detail.text


def test_a_colleague_who_does_not_work_on_it_neither_lists_nor_opens_it(client, people, project):
    signed_in(client, people.colleague)
    assert "Optimisation" not in client.get(url("projects:project_list")).text
    assert client.get(url("projects:project_detail", project.pk)).status_code == 404


@pytest.mark.parametrize("role", ["finance", "communications"])
def test_other_roles_get_403(client, people, project, role):
    signed_in(client, getattr(people, role))
    assert client.get(url("projects:project_list")).status_code == 403
    assert client.get(url("projects:project_detail", project.pk)).status_code == 403


def test_an_expert_who_reads_it_may_not_change_it(client, people, project):
    signed_in(client, people.owner)
    assert client.get(url("projects:project_update", project.pk)).status_code == 403
    add = url("projects:project_part_add", project.pk, "depense")
    assert client.get(add).status_code == 403
    assert client.get(url("projects:project_create")).status_code == 403


def test_a_director_creates_a_project_and_a_wrong_end_names_the_field(client, people):
    signed_in(client, people.director)
    values = {
        "code": "NEW-1",
        "title": "Nouveau projet",
        "funder": "MEI",
        "amount": "1000",
        "start": "2024-04-01",
        "end": "2024-01-01",
    }
    refused = client.post(url("projects:project_create"), values)
    assert refused.status_code == 200
    assert "Un projet ne peut finir avant de commencer." in refused.text
    values["end"] = "2025-03-31"
    created = client.post(url("projects:project_create"), values)
    assert created.status_code == 302


def test_a_director_records_an_expense_and_the_totals_follow(client, people, project):
    signed_in(client, people.director)
    response = client.post(
        url("projects:project_part_add", project.pk, "depense"),
        {"date": "2020-07-01", "description": "Traduction", "amount": "1250.00"},
    )
    assert response.status_code == 302
    detail = client.get(url("projects:project_detail", project.pk)).text
    assert "Traduction" in detail
    assert "1\xa0250,00" in detail


def test_the_list_asks_a_fixed_number_of_queries(
    client, people, project, django_assert_num_queries
):
    signed_in(client, people.director)
    client.get(url("projects:project_list"))
    with django_assert_num_queries(5) as first:
        client.get(url("projects:project_list"))
    StructuringProjectFactory.create_batch(3)
    with django_assert_num_queries(len(first.captured_queries)):
        assert client.get(url("projects:project_list")).status_code == 200


def test_the_detail_asks_a_fixed_number_of_queries(
    client, people, project, django_assert_num_queries
):
    signed_in(client, people.director)
    client.get(url("projects:project_detail", project.pk))
    with django_assert_num_queries(9) as first:
        client.get(url("projects:project_detail", project.pk))
    phase = ProjectPhaseFactory(project=project)
    DeliverableFactory.create_batch(3, phase=phase)
    with django_assert_num_queries(len(first.captured_queries)):
        client.get(url("projects:project_detail", project.pk))


def test_the_owner_submits_and_the_director_validates_with_the_checklist(
    client, people, deliverable
):
    signed_in(client, people.owner)
    page = url("projects:deliverable_detail", deliverable.pk)
    assert "Soumettre en révision" in client.get(page).text
    client.post(url("projects:deliverable_submit", deliverable.pk), {"submit-comment": "Prêt"})
    refused = client.post(url("projects:deliverable_validate", deliverable.pk), {})
    assert refused.status_code == 403
    signed_in(client, people.director)
    item = ChecklistItem.objects.get()
    unticked = client.post(url("projects:deliverable_validate", deliverable.pk), {})
    assert unticked.status_code == 400
    assert "Cochez chaque point" in unticked.text
    done = client.post(
        url("projects:deliverable_validate", deliverable.pk),
        {"validate-ticked": [str(item.pk)], "validate-comment": "Conforme"},
    )
    assert messages_of(done) == ["Le livrable est validé."]
    deliverable.refresh_from_db()
    assert deliverable.validation_state == ValidationState.VALIDATED
    history = client.get(page).text
    assert "Prêt" in history and "Conforme" in history


def test_a_director_who_submitted_is_not_offered_the_validation(client, people, deliverable):
    deliverable_submit(deliverable=deliverable, by=people.director)
    signed_in(client, people.director)
    page = client.get(url("projects:deliverable_detail", deliverable.pk)).text
    assert "une autre personne doit le valider" in page
    assert "Valider le livrable" not in page


def test_an_expert_out_of_reach_gets_404_on_a_deliverable(client, people, deliverable):
    signed_in(client, people.colleague)
    assert client.get(url("projects:deliverable_detail", deliverable.pk)).status_code == 404
    response = client.post(url("projects:deliverable_submit", deliverable.pk), {})
    assert response.status_code == 404


def test_the_progress_report_pdf_gives_hours_and_deliverables(client, people, project):
    signed_in(client, people.director)
    response = client.get(url("projects:project_progress_pdf", project.pk))
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(pdf_pages(response.content))
    assert "Rapport d'étape" in text
    assert "Mobilisation" in text and "Outil de liquidités" in text
    assert "20,0" in text or "20 h" in text
    assert "brouillon" in text


def test_the_pages_read_in_english(client, people, project, deliverable):
    signed_in(client, people.director)
    detail = client.get(url("projects:project_detail", project.pk, language="en")).text
    assert "Planned hours" in detail and "Expenses" in detail
    page = client.get(url("projects:deliverable_detail", deliverable.pk, language="en")).text
    assert "Validation history" in page


def test_amounts_are_money(project):
    assert project.amount == Decimal("50000.00")


def test_a_director_gives_a_deliverable_an_owner_and_a_due_date(client, people, deliverable):
    signed_in(client, people.director)
    response = client.post(
        url("projects:deliverable_update", deliverable.pk),
        {
            "phase": deliverable.phase_id,
            "title_fr": "Outil révisé",
            "owner": people.colleague_expert.pk,
            "due_date": "2021-02-28",
        },
    )
    assert response.status_code == 302
    deliverable.refresh_from_db()
    assert (deliverable.title_fr, deliverable.owner, str(deliverable.due_date)) == (
        "Outil révisé",
        people.colleague_expert,
        "2021-02-28",
    )


def test_an_expert_may_not_edit_the_deliverable_they_own(client, people, deliverable):
    signed_in(client, people.owner)
    assert client.get(url("projects:deliverable_update", deliverable.pk)).status_code == 403


def test_the_list_finds_a_project_without_its_accents(client, people, project):
    StructuringProjectFactory(title="Autre chose", funder="Fondation")
    signed_in(client, people.director)
    found = client.get(url("projects:project_list"), {"q": "epargnes"}).text
    assert "Optimisation des épargnes" in found
    assert "Autre chose" not in found


def test_a_director_plans_a_volets_hours(client, people, project):
    phase = project.phases.get()
    signed_in(client, people.director)
    address = url("projects:phase_update", project.pk, phase.pk)
    refused = client.post(address, {"title_fr": "Mobilisation", "planned_hours": "-1"})
    assert refused.status_code == 200
    response = client.post(address, {"title_fr": "Mobilisation", "planned_hours": "45"})
    assert response.status_code == 302
    phase.refresh_from_db()
    assert phase.planned_hours == 45
    signed_in(client, people.owner)
    assert client.get(address).status_code == 403
