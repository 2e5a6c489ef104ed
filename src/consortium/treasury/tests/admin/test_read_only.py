"""The admin shows the treasury plans and policies, and changes none of them."""

import pytest

from consortium.testing.factories import OrganisationFactory
from consortium.treasury.tests.world import seasonal_plan

pytestmark = pytest.mark.django_db


def test_the_admin_shows_a_plan_with_its_months_and_projects(admin_client):
    plan = seasonal_plan(OrganisationFactory(name="Coopérative du Nord"))
    assert "Coopérative du Nord" in admin_client.get("/admin/treasury/treasuryplan/").text
    page = admin_client.get(f"/admin/treasury/treasuryplan/{plan.pk}/change/")
    assert page.status_code == 200
    assert "Projet 1" in page.text
    assert admin_client.get("/admin/treasury/treasuryplan/add/").status_code == 403
    assert admin_client.get("/admin/treasury/investmentpolicy/").status_code == 200
