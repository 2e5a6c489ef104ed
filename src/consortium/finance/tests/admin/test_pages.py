"""The finance admin: lists that do not grow in queries, and a locked year's amounts left alone."""

from decimal import Decimal

import pytest

from consortium.core.tests.admin_pages import (
    admin_url,
    changelist_rows,
    page_text,
    queries_to_render,
)
from consortium.finance.models import ActualAmount, Budget
from consortium.testing.factories import (
    AccountFactory,
    ActualAmountFactory,
    BudgetFactory,
    FiscalYearFactory,
    FiscalYearLockFactory,
    OrganisationFactory,
)
from consortium.timesheets.models import PeriodKind
from consortium.timesheets.services.locks import period_lock

pytestmark = pytest.mark.django_db


# English labels come with the catalog, which the lead updates at the end: French only here.
@pytest.mark.parametrize(
    ("view", "french"),
    [
        ("finance_account_changelist", "Vente de services"),
        ("finance_budget_changelist", "Exercice financier"),
        ("finance_actualamount_add", "Organisation facturée"),
    ],
)
def test_the_pages_show_their_french_labels(admin_client, view, french):
    BudgetFactory()
    assert french in page_text(admin_client, view)


def test_actual_amounts_are_found_by_organisation_and_filtered_by_service_revenue(admin_client):
    service = AccountFactory(code="4100", service_revenue=True)
    billed = ActualAmountFactory(account=service, organisation=OrganisationFactory(name="FQCS"))
    ActualAmountFactory(account=AccountFactory(code="5100"))
    view = "finance_actualamount_changelist"
    assert changelist_rows(admin_client, view, "?q=FQCS") == [billed]
    rows = changelist_rows(admin_client, view, "?account__is_service_revenue__exact=1")
    assert rows == [billed]


def test_the_actual_amount_list_runs_the_same_queries_whatever_its_length(admin_client):
    service = AccountFactory(service_revenue=True)
    ActualAmountFactory(account=service, organisation=OrganisationFactory())
    url = admin_url("finance_actualamount_changelist")
    few = queries_to_render(admin_client, url)
    for _index in range(10):
        ActualAmountFactory(
            account=service,
            organisation=OrganisationFactory(),
            fiscal_year=FiscalYearFactory(name="2019-2020"),
        )
    assert queries_to_render(admin_client, url) == few


def test_an_amount_of_a_locked_year_can_be_neither_changed_nor_deleted(admin_client):
    actual = ActualAmountFactory(fiscal_year=FiscalYearFactory(name="2019-2020"))
    period_lock(kind=PeriodKind.FISCAL_YEAR, fiscal_year="2019-2020")
    response = admin_client.post(
        admin_url("finance_actualamount_change", actual.pk),
        {
            "account": actual.account.pk,
            "fiscal_year": actual.fiscal_year.pk,
            "organisation": "",
            "amount": "1",
        },
    )
    assert response.status_code == 200
    assert "est verrouillé : ses montants réels ne peuvent plus être modifiés" in (
        response.content.decode()
    )
    response = admin_client.post(
        admin_url("finance_actualamount_delete", actual.pk), {"post": "yes"}
    )
    assert response.status_code == 403
    actual.refresh_from_db()
    assert actual.amount == Decimal("1000.00")


def test_a_new_amount_in_a_locked_year_is_refused_on_the_form(admin_client):
    account, year = AccountFactory(), FiscalYearFactory(name="2019-2020")
    period_lock(kind=PeriodKind.FISCAL_YEAR, fiscal_year="2019-2020")
    response = admin_client.post(
        admin_url("finance_actualamount_add"),
        {"account": account.pk, "fiscal_year": year.pk, "organisation": "", "amount": "1"},
    )
    assert "est verrouillé" in response.content.decode()
    assert not ActualAmount.objects.exists()


def test_an_amount_of_an_open_year_is_changed_on_the_form(admin_client):
    actual = ActualAmountFactory()
    response = admin_client.post(
        admin_url("finance_actualamount_change", actual.pk),
        {
            "account": actual.account.pk,
            "fiscal_year": actual.fiscal_year.pk,
            "organisation": "",
            "amount": "42.50",
        },
    )
    assert response.status_code == 302
    actual.refresh_from_db()
    assert actual.amount == Decimal("42.50")


def test_a_budget_corrected_in_the_admin_keeps_its_id(admin_client):
    budget = BudgetFactory(amount=Decimal("1000.00"))
    response = admin_client.post(
        admin_url("finance_budget_change", budget.pk),
        {"account": budget.account.pk, "fiscal_year": budget.fiscal_year.pk, "amount": "1250"},
    )
    assert response.status_code == 302
    assert list(Budget.objects.values_list("pk", "amount")) == [(budget.pk, Decimal("1250.00"))]


def test_a_second_budget_for_an_account_and_year_is_refused_on_the_form(admin_client):
    budget = BudgetFactory()
    response = admin_client.post(
        admin_url("finance_budget_add"),
        {"account": budget.account.pk, "fiscal_year": budget.fiscal_year.pk, "amount": "5"},
    )
    assert response.status_code == 200
    assert "Ce compte a déjà un budget pour cet exercice." in response.content.decode()
    assert Budget.objects.count() == 1


def test_the_kind_of_an_account_with_amounts_in_a_locked_year_is_refused_on_the_form(
    admin_client,
):
    account = AccountFactory(code="5100", name_fr="Salaires", name_en="Salaries")
    ActualAmountFactory(account=account, fiscal_year=FiscalYearFactory(name="2019-2020"))
    FiscalYearLockFactory(fiscal_year__name="2019-2020")
    response = admin_client.post(
        admin_url("finance_account_change", account.pk),
        {"code": "5100", "name_fr": "Salaires", "name_en": "Salaries", "kind": "revenue"},
    )
    assert response.status_code == 200
    assert "2019-2020 est verrouillé et le compte 5100 y a des montants réels" in (
        response.content.decode()
    )
    account.refresh_from_db()
    assert account.kind == "expense"
