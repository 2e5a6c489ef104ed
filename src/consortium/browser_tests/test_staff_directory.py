"""The staff directory and the registry beyond Quebec in a browser: a director finds an expert
by typing a field of expertise without accents, assigns them to a mandate from the mandate's
page, and creates an Ontario organisation without being asked for a region or a NEQ; axe-core
finds no serious or critical violation, and the directory fits a phone."""

import pytest
from django.urls import reverse

from consortium.mandates.models import MandateAssignment
from consortium.members.models import Organisation
from consortium.staff.models import FieldOfExpertise
from consortium.testing.factories import ExpertFactory
from consortium.testing.scene import make_scene

pytestmark = pytest.mark.browser


def _scene():
    scene = make_scene()
    field = FieldOfExpertise.objects.create(
        code="FISC",
        name_fr="Fiscalité des coopératives",
        name_en="Co-op taxation",
        department=scene.department,
    )
    expert = ExpertFactory(
        first_name="Hélène", last_name="Tremblay", department=scene.department, region="02"
    )
    expert.fields_of_expertise.add(field)
    return scene, expert


def test_a_director_finds_an_expert_and_assigns_them_to_a_mandate(page, signed_in, axe_check):
    scene, expert = _scene()
    signed_in(page, scene.people.director)
    page.goto(reverse("staff:expert_list"))
    axe_check(page)
    page.get_by_role("textbox", name="Trouver un expert").fill("fiscalite")
    page.get_by_role("button", name="Chercher").click()
    page.wait_for_url("**q=fiscalite**")
    rows = page.locator("tbody tr")
    assert rows.count() == 1
    page.get_by_role("link", name="Hélène Tremblay").click()
    page.wait_for_url(f"**/equipe/{expert.code}/")
    assert "Fiscalité des coopératives" in page.content()
    axe_check(page)

    page.goto(reverse("mandates:mandate_detail", args=["M-CPT"]))
    page.locator("#id_expert").select_option(str(expert.pk))
    page.locator("#id_role").fill("responsable")
    page.get_by_role("button", name="Affecter l'expert").click()
    page.wait_for_url("**/mandats/M-CPT/**")
    assert "Hélène Tremblay est affecté(e) au mandat M-CPT." in page.content()
    axe_check(page)
    assert MandateAssignment.objects.get().expert == expert


def test_a_director_creates_an_ontario_organisation_without_region_or_neq(
    page, signed_in, axe_check
):
    scene, _expert = _scene()
    signed_in(page, scene.people.director)
    page.goto(reverse("members:organisation_create"))
    assert page.locator("#id_neq").is_visible()
    page.locator("#id_code").fill("ONT-COOP")
    page.locator("#id_name").fill("Ottawa Co-op")
    page.locator("#id_province").select_option("ON")
    assert not page.locator("#id_neq").is_visible()
    assert not page.locator("#id_region").is_visible()
    axe_check(page)
    page.get_by_role("button", name="Ajouter l'organisation").click()
    page.wait_for_url("**/organisations/ONT-COOP/")
    organisation = Organisation.objects.get(code="ONT-COOP")
    assert (organisation.province, organisation.region, organisation.neq) == ("ON", "", "")
    assert "Ontario" in page.content()


def test_the_directory_fits_a_phone(phone_page, signed_in, axe_check):
    scene, _expert = _scene()
    page = signed_in(phone_page, scene.people.owner)
    page.goto(reverse("staff:expert_list"))
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
    axe_check(page)
