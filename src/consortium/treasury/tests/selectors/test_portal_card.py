"""The portal's treasury card: the reserve at the lowest point against its target, and the
date of the latest adopted policy, in a fixed number of queries."""

import datetime as dt

import pytest
from django.template import Context, Template

from consortium.testing.factories import OrganisationFactory
from consortium.treasury.services import investment_policy_adopt, investment_policy_draft
from consortium.treasury.tests.world import seasonal_plan

pytestmark = pytest.mark.django_db

CARD = Template("{% load treasury_portal %}{% treasury_portal_card organisation %}")


def render(organisation) -> str:
    text = CARD.render(Context({"organisation": organisation}))
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def test_the_card_shows_the_reserve_against_its_target_and_the_policy_date():
    organisation = OrganisationFactory(code="COOPNORD")
    plan = seasonal_plan(organisation)
    draft = investment_policy_draft(organisation=organisation, by=None, language="fr", plan=plan)
    investment_policy_adopt(policy=draft, by=None, adopted_on=dt.date(2026, 5, 14))
    text = render(organisation)
    assert "Réserve au point le plus bas : 1,4 mois, pour une cible de 6 mois." in text
    assert "sous la cible" in text
    assert "Politique de placement adoptée le 14 mai 2026 (version 1)." in text


def test_without_a_plan_the_card_invites_to_draw_one_up():
    text = render(OrganisationFactory())
    assert "Établir le plan de trésorerie" in text
    assert "Aucune politique de placement adoptée." in text


@pytest.mark.parametrize("projects", [2, 10])
def test_the_card_makes_four_queries(projects, django_assert_num_queries):
    organisation = OrganisationFactory()
    seasonal_plan(organisation, projects=projects)
    with django_assert_num_queries(4):
        render(organisation)
