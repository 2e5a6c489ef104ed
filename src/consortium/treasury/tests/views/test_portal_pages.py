"""The treasury's portal pages: a contact of the organisation (the owner, a colleague) fills
the plan in three steps and reads the result; a contact of another organisation gets a 404
and staff a 403; the pages speak English at /en/; their query count does not grow with the
projects."""

import datetime as dt
import html
from decimal import Decimal as D

import pytest

from consortium.testing.factories import (
    MemberContactFactory,
    OrganisationFactory,
    StaffRoleFactory,
)
from consortium.testing.web import signed_in, url
from consortium.treasury.models import TreasuryPlan
from consortium.treasury.selectors import latest_plan
from consortium.treasury.services import investment_policy_adopt, investment_policy_draft
from consortium.treasury.tests.world import seasonal_plan

pytestmark = pytest.mark.django_db


def plain(text: str) -> str:
    return html.unescape(text).replace("\u00a0", " ").replace("\u202f", " ")


@pytest.fixture
def organisation():
    return OrganisationFactory(code="COOPNORD", name="Coopérative du Nord")


@pytest.fixture
def owner(organisation):
    return MemberContactFactory(organisation=organisation).user


@pytest.fixture
def colleague(organisation):
    return MemberContactFactory(organisation=organisation).user


def step_one(**changes) -> dict:
    return {
        "as_of": "2026-04-01",
        "annual_expenses": "1 200 000",
        "cash": "150 000,00",
        "short_term_investments": "50000",
        "restricted_funds": "30 000 $",
        "largest_source_pct": "55",
        "grants_pct": "65,5 %",
        "seasonality": "profile",
        **changes,
    }


def months_data() -> dict:
    data = {}
    for month in range(1, 13):
        data[f"receipts_{month}"] = "20 000" if month == 7 else "100 000"
        data[f"disbursements_{month}"] = "110 000" if month == 7 else "90 000"
    return data


def test_the_owner_fills_the_plan_in_three_steps_and_reads_every_figure(
    client, organisation, owner
):
    signed_in(client, owner)
    assert client.get(url("treasury_portal:plan", "COOPNORD")).url == url(
        "treasury_portal:plan_edit", "COOPNORD"
    )
    response = client.post(url("treasury_portal:plan_edit", "COOPNORD"), step_one())
    assert response.url == url("treasury_portal:plan_months", "COOPNORD")
    response = client.post(url("treasury_portal:plan_months", "COOPNORD"), months_data())
    assert response.url == url("treasury_portal:plan_projects", "COOPNORD")
    response = client.post(
        url("treasury_portal:plan_projects", "COOPNORD"),
        {
            "projects-TOTAL_FORMS": "2",
            "projects-INITIAL_FORMS": "0",
            "projects-0-name": "Toiture",
            "projects-0-amount": "40 000",
            "projects-0-planned_on": "2026-10-01",
            "projects-1-name": "",
            "projects-1-amount": "",
            "projects-1-planned_on": "",
        },
    )
    assert response.url == url("treasury_portal:plan", "COOPNORD")
    plan = latest_plan(organisation)
    assert plan.grants_pct == D("65.5")
    assert plan.created_by == owner
    response = client.get(url("treasury_portal:plan", "COOPNORD"))
    text = plain(response.text)
    assert "Réserve = 140 000 $ ÷ (1 200 000 $ ÷ 12) = 1,4 mois" in text
    assert "Liquidités disponibles = 150 000 $ + 50 000 $ − 30 000 $ = 170 000 $" in text
    assert "Point le plus bas = solde à la fin du mois 7" in text
    assert "Besoin à court terme = réserve cible 600 000 $ + creux saisonnier 30 000 $" in text
    assert "<svg" in response.text
    assert "Rédiger la politique de placement" in text


def test_errors_name_the_field_and_the_month(client, owner, organisation):
    signed_in(client, owner)
    response = client.post(
        url("treasury_portal:plan_edit", "COOPNORD"),
        step_one(annual_expenses="0", cash="beaucoup", grants_pct="120"),
    )
    assert response.status_code == 200
    text = plain(response.text)
    assert "Charges d'exploitation annuelles (sans amortissement) : Les charges annuelles" in text
    assert "Encaisse : « beaucoup » n'est pas un montant." in text
    assert "Part des revenus venant de subventions (%) :" in text
    seasonal_plan(organisation)
    data = months_data() | {"receipts_3": "12,345", "disbursements_9": "-5"}
    response = client.post(url("treasury_portal:plan_months", "COOPNORD"), data)
    text = plain(response.text)
    assert "Mois 3 (juin 2026) — encaissements : « 12,345 » : un montant a au plus deux" in text
    assert "Mois 9 (décembre 2026) — décaissements : Inscrivez un montant positif ou zéro." in text


def test_a_colleague_of_the_same_organisation_reaches_the_plan(client, organisation, colleague):
    seasonal_plan(organisation)
    signed_in(client, colleague)
    assert client.get(url("treasury_portal:plan", "COOPNORD")).status_code == 200
    assert client.get(url("treasury_portal:plan_months", "COOPNORD")).status_code == 200


def test_a_contact_of_another_organisation_gets_a_404(client, organisation):
    seasonal_plan(organisation)
    outsider = MemberContactFactory().user
    signed_in(client, outsider)
    for name in ("plan", "plan_edit", "plan_months", "plan_projects", "policy_edit"):
        assert client.get(url(f"treasury_portal:{name}", "COOPNORD")).status_code == 404
    assert client.post(url("treasury_portal:plan_edit", "COOPNORD"), step_one()).status_code == 404
    assert TreasuryPlan.objects.count() == 1


def test_staff_get_a_403_on_the_portal(client, organisation):
    seasonal_plan(organisation)
    signed_in(client, StaffRoleFactory(role="administrator").user)
    assert client.get(url("treasury_portal:plan", "COOPNORD")).status_code == 403


def test_the_result_page_speaks_english(client, organisation, owner):
    seasonal_plan(organisation)
    signed_in(client, owner)
    response = client.get(url("treasury_portal:plan", "COOPNORD", language="en"))
    assert response.status_code == 200
    assert "Reserve = $140,000 ÷ ($1,200,000 ÷ 12) = 1.4 months" in response.text
    assert "Draft the investment policy" in response.text
    assert "Liquidity needs and excess by horizon" in response.text


def test_the_portal_link_leads_a_contact_to_their_tool(client, organisation, owner):
    signed_in(client, owner)
    response = client.get(url("portal:overview", "COOPNORD"))
    assert url("treasury_portal:plan", "COOPNORD") in response.text
    assert client.get(url("treasury_start:start")).url == url("treasury_portal:plan", "COOPNORD")


@pytest.mark.parametrize("projects", [2, 10])
def test_the_result_page_makes_the_same_queries_whatever_the_projects(
    client, organisation, owner, projects, django_assert_num_queries
):
    seasonal_plan(organisation, projects=projects)
    signed_in(client, owner)
    client.get(url("treasury_portal:plan", "COOPNORD"))  # the chart drawn and cached
    # session, user, represented ids, organisation, plan, flows, projects, draft, policies,
    # the roles (the navigation)
    with django_assert_num_queries(10):
        response = client.get(url("treasury_portal:plan", "COOPNORD"))
    assert response.status_code == 200


@pytest.mark.parametrize("projects", [2, 10])
def test_the_step_pages_make_the_same_queries_whatever_the_projects(
    client, organisation, owner, projects, django_assert_num_queries
):
    seasonal_plan(organisation, projects=projects)
    signed_in(client, owner)
    # session, user, represented ids, organisation, plan, flows, projects, the roles
    with django_assert_num_queries(8):
        assert client.get(url("treasury_portal:plan_projects", "COOPNORD")).status_code == 200


def test_a_plan_dated_today_is_offered_on_the_first_visit(client, owner):
    signed_in(client, owner)
    response = client.get(url("treasury_portal:plan_edit", "COOPNORD"))
    assert dt.date.today().replace(day=1).isoformat() in response.text


def test_projects_are_changed_and_removed_and_their_errors_named(client, organisation, owner):
    seasonal_plan(organisation, projects=2)
    signed_in(client, owner)
    data = {
        "projects-TOTAL_FORMS": "3",
        "projects-INITIAL_FORMS": "2",
        "projects-0-name": "Projet 1",
        "projects-0-amount": "12 500",
        "projects-0-planned_on": "2027-06-01",
        "projects-1-name": "Projet 2",
        "projects-1-amount": "10000",
        "projects-1-planned_on": "2028-06-01",
        "projects-1-DELETE": "on",
        "projects-2-name": "Fourgonnette",
        "projects-2-amount": "zéro",
        "projects-2-planned_on": "2027-01-01",
    }
    response = client.post(url("treasury_portal:plan_projects", "COOPNORD"), data)
    assert response.status_code == 200
    assert "Projet 3 — Montant : « zéro » n'est pas un montant." in plain(response.text)
    data["projects-2-amount"] = "8 000"
    response = client.post(url("treasury_portal:plan_projects", "COOPNORD"), data)
    assert response.status_code == 302
    projects = latest_plan(organisation).projects.all()
    assert [(p.name, p.amount) for p in projects] == [
        ("Fourgonnette", D("8000")),
        ("Projet 1", D("12500")),
    ]


@pytest.mark.parametrize("projects", [2, 10])
def test_the_policy_pages_make_the_same_queries_whatever_the_projects(
    client, organisation, owner, projects, django_assert_num_queries
):
    plan = seasonal_plan(organisation, projects=projects)
    draft = investment_policy_draft(organisation=organisation, by=None, language="fr", plan=plan)
    investment_policy_adopt(policy=draft, by=None, adopted_on=dt.date(2026, 5, 1))
    investment_policy_draft(organisation=organisation, by=None, language="fr", plan=plan)
    signed_in(client, owner)
    # session, user, represented ids, organisation, the policy, the roles
    with django_assert_num_queries(6):
        assert client.get(url("treasury_portal:policy_edit", "COOPNORD")).status_code == 200
    with django_assert_num_queries(6):
        response = client.get(url("treasury_portal:policy_detail", "COOPNORD", 1))
        assert response.status_code == 200


def test_a_new_plan_starts_from_the_latest_which_stays_as_it_was(client, organisation, owner):
    previous = seasonal_plan(organisation, projects=2)  # projects on 2027-06-01 and 2028-06-01
    signed_in(client, owner)
    page = client.get(url("treasury_portal:plan_new", "COOPNORD"))
    assert "1200000,00" in page.text
    response = client.post(
        url("treasury_portal:plan_new", "COOPNORD"),
        step_one(as_of="2027-09-01", cash="90 000"),
    )
    assert response.url == url("treasury_portal:plan_months", "COOPNORD")
    plan = latest_plan(organisation)
    assert plan.pk != previous.pk
    assert (plan.as_of, plan.cash) == (dt.date(2027, 9, 1), D("90000"))
    assert plan.flows.count() == 12
    assert list(plan.projects.values_list("name", flat=True)) == ["Projet 2"]
    previous.refresh_from_db()
    assert previous.cash == D("150000")
    assert previous.projects.count() == 2
