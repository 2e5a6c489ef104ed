"""The projects' pages in a browser: an expert submits the deliverable they own for review, is
not offered its validation, a director ticks the project's checklist and validates it, the
history shows both steps, the funder's progress report downloads; axe-core finds no serious or
critical violation on the way."""

import datetime as dt

import pytest
from django.urls import reverse

from consortium.projects.models import ChecklistItem, ValidationState
from consortium.projects.services import phase_mandate_link
from consortium.testing.factories import (
    ApprovedWeekFactory,
    DeliverableFactory,
    MandateFactory,
    ProjectPhaseFactory,
    StructuringProjectFactory,
    TimeEntryFactory,
)
from consortium.testing.people import make_people

pytestmark = pytest.mark.browser


def _scene():
    people = make_people()
    project = StructuringProjectFactory(code="PAEN-2021", title="Optimisation des épargnes")
    phase = ProjectPhaseFactory(project=project, title_fr="Outils", planned_hours=30)
    mandate = MandateFactory()
    phase_mandate_link(phase=phase, mandate=mandate, by=people.director)
    ApprovedWeekFactory(expert=people.expert, week_start=dt.date(2020, 6, 1))
    TimeEntryFactory(expert=people.expert, mandate=mandate, date=dt.date(2020, 6, 2))
    deliverable = DeliverableFactory(
        phase=phase, title_fr="Modèle de politique de placement", owner=people.expert
    )
    ChecklistItem.objects.create(project=project, order=1, label_fr="Conforme au devis")
    ChecklistItem.objects.create(project=project, order=2, label_fr="Relu par un pair")
    return people, project, deliverable


@pytest.mark.parametrize("name", ["project_list", "project_detail", "project_create"])
def test_the_project_page_has_no_serious_accessibility_violation(page, signed_in, axe_check, name):
    people, project, _deliverable = _scene()
    signed_in(page, people.director)
    args = [project.pk] if name == "project_detail" else []
    assert page.goto(reverse(f"projects:{name}", args=args)).status == 200
    axe_check(page)


def test_a_deliverable_is_validated_by_a_second_person(page, signed_in, axe_check):
    people, project, deliverable = _scene()
    address = reverse("projects:deliverable_detail", args=[deliverable.pk])

    signed_in(page, people.owner)
    page.goto(reverse("projects:project_detail", args=[project.pk]))
    page.get_by_role("link", name="Modèle de politique de placement").click()
    page.wait_for_url(f"**{address}")
    axe_check(page)
    page.get_by_label("Commentaire").fill("Prêt pour relecture")
    page.get_by_role("button", name="Soumettre en révision").click()
    page.wait_for_url(f"**{address}")
    assert "Le livrable est soumis en révision." in page.content()
    # The author is refused the validation: the page says why and offers no button.
    assert "une autre personne doit le valider" in page.content()
    assert page.get_by_role("button", name="Valider", exact=True).count() == 0

    with page.expect_navigation():
        page.locator(".user-menu summary").click()
        page.get_by_role("button", name="Se déconnecter").click()
    signed_in(page, people.director)
    page.goto(address)
    page.get_by_role("button", name="Valider", exact=True).click()
    assert "Cochez chaque point" in page.content()
    page.get_by_label("Conforme au devis").check()
    page.get_by_label("Relu par un pair").check()
    page.get_by_role("button", name="Valider", exact=True).click()
    page.wait_for_url(f"**{address}")
    assert "Le livrable est validé." in page.content()
    axe_check(page)
    history = page.locator("#history tbody tr")
    assert history.count() == 2
    assert "Prêt pour relecture" in history.nth(0).inner_text()
    assert "validé" in history.nth(1).inner_text()
    deliverable.refresh_from_db()
    assert deliverable.validation_state == ValidationState.VALIDATED

    page.goto(reverse("projects:project_detail", args=[project.pk]))
    with page.expect_download() as download:
        page.get_by_role("link", name="Rapport d'étape (PDF)").click()
    assert download.value.suggested_filename == "rapport-PAEN-2021.pdf"


@pytest.mark.parametrize("name", ["project_list", "project_detail", "deliverable_detail"])
def test_the_project_page_fits_a_phone(phone_page, signed_in, axe_check, name):
    people, project, deliverable = _scene()
    page = signed_in(phone_page, people.director)
    args = {"project_list": [], "project_detail": [project.pk]}.get(name, [deliverable.pk])
    assert page.goto(reverse(f"projects:{name}", args=args)).status == 200
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
    axe_check(page)
