"""The plan's three steps write its figures, its twelve months and its projects; the database
refuses what makes no sense, with a French message."""

import datetime as dt
from decimal import Decimal as D

import pytest
from django.core.exceptions import ValidationError

from consortium.testing.factories import OrganisationFactory
from consortium.treasury.selectors import figures_of, latest_plan
from consortium.treasury.services import (
    ProjectInput,
    treasury_plan_flows_save,
    treasury_plan_projects_save,
    treasury_plan_save,
)
from consortium.treasury.tests.world import AS_OF, seasonal_plan

pytestmark = pytest.mark.django_db


def test_the_saved_plan_gives_the_hand_computed_figures():
    organisation = OrganisationFactory()
    seasonal_plan(organisation, projects=0)
    figures = figures_of(latest_plan(organisation))
    assert figures.low_point.value.month == 7
    assert figures.reserve_months.value == D("1.4")
    assert figures.target_months.value == 6


def test_a_second_plan_on_the_same_date_is_refused():
    organisation = OrganisationFactory()
    seasonal_plan(organisation)
    with pytest.raises(ValidationError, match="déjà un plan à cette date"):
        treasury_plan_save(
            organisation=organisation,
            by=None,
            as_of=AS_OF,
            annual_expenses=D("1"),
            cash=D("1"),
            short_term_investments=D("0"),
            restricted_funds=D("0"),
        )


def test_a_share_of_revenue_over_100_percent_is_refused():
    with pytest.raises(ValidationError, match="0 à 100"):
        treasury_plan_save(
            organisation=OrganisationFactory(),
            by=None,
            as_of=AS_OF,
            annual_expenses=D("1000"),
            cash=D("1"),
            short_term_investments=D("0"),
            restricted_funds=D("0"),
            grants_pct=D("120"),
        )


def test_the_months_and_projects_are_replaced_as_a_whole():
    plan = seasonal_plan(OrganisationFactory(), projects=3)
    treasury_plan_flows_save(plan=plan, by=None, flows=[(D("1"), D("2"))] * 12)
    treasury_plan_projects_save(
        plan=plan, by=None, projects=[ProjectInput("Toit", D("5"), dt.date(2027, 1, 1))]
    )
    assert list(plan.flows.values_list("month", "receipts")) == [
        (month, D("1")) for month in range(1, 13)
    ]
    assert list(plan.projects.values_list("name", flat=True)) == ["Toit"]
    with pytest.raises(ValidationError, match="douze mois"):
        treasury_plan_flows_save(plan=plan, by=None, flows=[(D("1"), D("2"))] * 11)
    with pytest.raises(ValidationError, match="jamais négatifs"):
        treasury_plan_flows_save(plan=plan, by=None, flows=[(D("-1"), D("2"))] * 12)
