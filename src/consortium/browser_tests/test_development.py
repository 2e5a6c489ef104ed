"""The business-development pages in a browser: a director logs a development meeting with an
organisation found by typing part of its name without accents, gives it a follow-up and sees
it among the follow-ups due; a won opportunity becomes a mandate; axe-core finds no serious or
critical violation on the pages, on a computer or a phone."""

from decimal import Decimal

import pytest
from django.urls import reverse

from consortium.development.models import DevelopmentActivity, Opportunity, OpportunityStage
from consortium.testing.factories import (
    MandateTypeFactory,
    OrganisationFactory,
    PartnershipFactory,
)
from consortium.testing.people import make_people

pytestmark = pytest.mark.browser


def _scene():
    people = make_people()
    OrganisationFactory(code="ERAB", name="Coopérative de l'Érablière")
    OrganisationFactory(code="AUTRE", name="Mutuelle du Lac")
    opportunity = Opportunity.objects.create(
        title="Tenue de livres",
        organisation=OrganisationFactory(code="NOVUM", name="Novum"),
        mandate_type=MandateTypeFactory(code="GD", name_fr="Gestion déléguée"),
        department=people.department,
        stage=OpportunityStage.WON,
        estimated_hours=Decimal("80"),
        estimated_amount=Decimal("6400"),
    )
    partnership = PartnershipFactory()
    return people, opportunity, partnership


def test_a_director_logs_a_meeting_with_a_follow_up_and_converts_an_opportunity(
    page, signed_in, axe_check
):
    people, opportunity, _partnership = _scene()
    signed_in(page, people.director)
    page.goto(reverse("development:activity_create"))
    page.locator("#id_kind").select_option("development_meeting")
    page.locator("#id_title").fill("Rencontre à l'Érablière")
    page.get_by_label("Chercher une organisation (code ou nom)").fill("erabliere")
    page.get_by_role("button", name="Ajouter Coopérative de l'Érablière (ERAB)").click()
    chosen = page.get_by_label("Coopérative de l'Érablière (ERAB)")
    chosen.wait_for()
    assert chosen.is_checked()
    page.get_by_label("Chercher une organisation (code ou nom)").fill("Coop des Îles")
    page.get_by_role("button", name="Créer le prospect « Coop des Îles »").click()
    page.get_by_text("prospect créé").wait_for()
    page.locator("#id_next_step").fill("Envoyer l'offre de services")
    page.locator("#id_follow_up_due").fill("2020-01-06")
    page.locator("#id_follow_up_owner").select_option(str(people.director.pk))
    axe_check(page)
    page.get_by_role("button", name="Enregistrer").click()
    page.get_by_text("L'activité est enregistrée.").wait_for()
    activity = DevelopmentActivity.objects.get(title="Rencontre à l'Érablière")
    assert sorted(activity.organisations_met.values_list("name", flat=True)) == [
        "Coop des Îles",
        "Coopérative de l'Érablière",
    ]

    page.get_by_role("link", name="Suivis à faire").click()
    row = page.get_by_role("row", name="Envoyer l'offre de services")
    assert "en retard" in row.inner_text()
    axe_check(page)

    page.goto(reverse("development:opportunity_list"))
    axe_check(page)
    page.get_by_role("link", name="Tenue de livres").click()
    page.get_by_role("button", name="Convertir en mandat").click()
    page.get_by_text("est ouvert.").wait_for()
    opportunity.refresh_from_db()
    assert opportunity.mandate.mandate_type.code == "GD"
    assert opportunity.mandate.department == people.department
    assert page.get_by_role("button", name="Convertir en mandat").count() == 0
    axe_check(page)


PAGES = [
    ("development:activity_list", None),
    ("development:activity_create", None),
    ("development:opportunity_list", None),
    ("development:opportunity_detail", "opportunity"),
    ("development:follow_up_list", None),
    ("development:opportunity_create", None),
    ("development:partnership_list", None),
    ("development:partnership_detail", "partnership"),
]


@pytest.mark.parametrize(("name", "which"), PAGES)
def test_the_development_page_has_no_serious_accessibility_violation_on_a_phone(
    phone_page, signed_in, axe_check, name, which
):
    people, opportunity, partnership = _scene()
    signed_in(phone_page, people.communications)
    args = [{"opportunity": opportunity, "partnership": partnership}[which].pk] if which else []
    response = phone_page.goto(reverse(name, args=args))
    assert response.status == 200
    axe_check(phone_page)
    assert phone_page.evaluate("() => document.documentElement.scrollWidth") <= 390
