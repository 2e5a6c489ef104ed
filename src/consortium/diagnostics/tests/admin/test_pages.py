"""The questionnaire in the admin: edits go through the services, bands as a whole."""

import pytest
from django.urls import reverse

from consortium.diagnostics.models import Questionnaire
from consortium.diagnostics.tests.builders import finished_diagnostic, make_questionnaire
from consortium.testing.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser_client(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def band_post(questionnaire, bands):
    data = {
        "title_fr": questionnaire.title_fr,
        "title_en": questionnaire.title_en,
        "version": questionnaire.version,
        "is_active": "on" if questionnaire.is_active else "",
        "sections-TOTAL_FORMS": "0",
        "sections-INITIAL_FORMS": "0",
        "bands-TOTAL_FORMS": str(len(bands)),
        "bands-INITIAL_FORMS": "0",
    }
    for index, (lower, upper) in enumerate(bands):
        data |= {
            f"bands-{index}-lower_pct": lower,
            f"bands-{index}-upper_pct": upper,
            f"bands-{index}-label_fr": f"Palier {index}",
        }
    return data


def test_every_admin_page_opens(superuser_client):
    built = make_questionnaire()
    for name, args in [
        ("admin:diagnostics_questionnaire_changelist", []),
        ("admin:diagnostics_questionnaire_change", [built.questionnaire.pk]),
        ("admin:diagnostics_section_change", [built.governance.pk]),
        ("admin:diagnostics_question_change", [built.g1.pk]),
        ("admin:diagnostics_diagnostic_changelist", []),
        ("admin:diagnostics_servicerequest_changelist", []),
    ]:
        assert superuser_client.get(reverse(name, args=args)).status_code == 200


def test_bands_with_a_gap_are_refused_on_the_form(superuser_client):
    questionnaire = Questionnaire.objects.create(title_fr="Neuf", version=7)
    response = superuser_client.post(
        reverse("admin:diagnostics_questionnaire_change", args=[questionnaire.pk]),
        band_post(questionnaire, [("0", "50"), ("60", "100")]),
    )
    assert response.status_code == 200
    assert "Il manque un palier" in response.text
    assert questionnaire.bands.count() == 0


def test_a_used_questionnaire_is_refused_with_the_remedy(superuser_client):
    built = make_questionnaire()
    finished_diagnostic(built, OrganisationFactory(), {built.g1: 4})
    response = superuser_client.post(
        reverse("admin:diagnostics_question_change", args=[built.g1.pk]),
        {
            "section": built.governance.pk,
            "position": 1,
            "weight": "3",
            "text_fr": "Autre formulation ?",
            "options-TOTAL_FORMS": "0",
            "options-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 200
    assert "nouvelle version" in response.text
    built.g1.refresh_from_db()
    assert built.g1.weight == 1
