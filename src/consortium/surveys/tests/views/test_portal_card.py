"""`{% surveys_portal_card organisation %}`: the open surveys to answer, for the portal's
overview, in one query."""

import pytest
from django.template import Context, Template

from consortium.testing.factories import (
    OrganisationFactory,
    SatisfactionResponseFactory,
    SatisfactionSurveyFactory,
    SurveyFactory,
)

pytestmark = pytest.mark.django_db

CARD = Template("{% load surveys_portal %}{% surveys_portal_card organisation %}")


def test_the_card_lists_open_surveys_to_answer_and_answered(django_assert_num_queries):
    organisation = OrganisationFactory(code="MPEESAD")
    SatisfactionSurveyFactory(title_fr="Satisfaction")
    SurveyFactory(title_fr="Autre sondage")
    SurveyFactory(title_fr="Fermé", status="closed")
    SurveyFactory(title_fr="Du personnel", audience="staff")
    with django_assert_num_queries(1):
        html = CARD.render(Context({"organisation": organisation}))
    assert "Satisfaction" in html and "Autre sondage" in html
    assert "Fermé" not in html and "Du personnel" not in html
    assert html.count("À répondre") == 2


def test_an_answered_survey_says_when(django_assert_num_queries):
    organisation = OrganisationFactory(code="MPEESAD")
    SatisfactionResponseFactory(organisation=organisation)
    html = CARD.render(Context({"organisation": organisation}))
    assert "Répondu le" in html and "À répondre" not in html
