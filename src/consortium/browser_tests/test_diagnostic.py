"""Issue 11's diagnostic in a real browser: a member's contact, on a phone, walks the diagnostic
to a service request; the department's director accepts it, which opens a mandate. axe-core
checks every page on the way."""

import pytest

from consortium.diagnostics.models import ServiceRequest, ServiceRequestStatus
from consortium.diagnostics.tests.builders import make_questionnaire
from consortium.testing.factories import (
    DepartmentFactory,
    MandateTypeFactory,
    MemberContactFactory,
    OrganisationFactory,
    StaffRoleFactory,
    UserFactory,
)

pytestmark = pytest.mark.browser


@pytest.fixture
def centre(transactional_db):
    department = DepartmentFactory(code="GD", name_fr="Gestion déléguée")
    built = make_questionnaire(
        department=department,
        mandate_type=MandateTypeFactory(code="ACC", name_fr="Soutien et accompagnement"),
    )
    organisation = OrganisationFactory(code="FJORD", name="Coopérative du Fjord")
    contact = MemberContactFactory(
        organisation=organisation, user=UserFactory(username="membre-fjord")
    ).user
    director = StaffRoleFactory(
        user=UserFactory(username="direction-gd"), role="director", director_of=[department]
    ).user
    return {"built": built, "contact": contact, "director": director}


def test_a_contact_asks_for_a_service_and_the_director_accepts_it(
    phone_page, page, signed_in, axe_check, centre
):
    member = signed_in(phone_page, centre["contact"])
    member.goto("/portail/FJORD/diagnostic/")
    axe_check(member)
    with member.expect_navigation():
        member.get_by_role("button", name="Commencer le diagnostic").click()
    # Section 1, Gouvernance: the weakest answer to the first question, « ne s'applique pas »
    # to the second.
    assert member.get_by_role("heading", name="Gouvernance").is_visible()
    axe_check(member)
    member.get_by_role("group", name="1. Question G1 ?").get_by_label("Choix 0").check()
    member.get_by_role("group", name="2. Question G2 ?").get_by_label("Ne s'applique pas").check()
    with member.expect_navigation():
        member.get_by_role("button", name="Suivant").click()
    # Section 2 left unanswered: finishing asks to confirm and says what is missing.
    with member.expect_navigation():
        member.get_by_role("button", name="Terminer le diagnostic").click()
    assert member.get_by_text("Questions sans réponse : 1.").is_visible()
    axe_check(member)
    with member.expect_navigation():
        member.get_by_role("button", name="Terminer quand même").click()
    assert member.get_by_role("heading", name="Résultat du diagnostic").is_visible()
    axe_check(member)
    member.get_by_role("button", name="Demander ce service").click()
    member.get_by_text("Demande envoyée").wait_for()
    request = ServiceRequest.objects.get()
    assert request.status == ServiceRequestStatus.NEW

    director = signed_in(page, centre["director"])
    director.goto("/")
    assert director.get_by_text("Nouvelles demandes pour vos départements : 1.").is_visible()
    director.goto("/diagnostics/demandes/")
    axe_check(director)
    with director.expect_navigation():
        director.get_by_role("link", name="Accepter").click()
    axe_check(director)
    director.get_by_label("Titre du mandat").fill("Accompagnement en gouvernance")
    with director.expect_navigation():
        director.get_by_role("button", name="Ouvrir le mandat").click()
    assert director.get_by_text("Demande acceptée").is_visible()
    request.refresh_from_db()
    assert request.status == ServiceRequestStatus.ACCEPTED
    assert request.mandate.title == "Accompagnement en gouvernance"
    director.goto("/diagnostics/")
    axe_check(director)
