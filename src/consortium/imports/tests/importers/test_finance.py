"""Finance files: the chart of accounts, budgets, and the accounting system's actual amounts."""

from decimal import Decimal

import pytest

from consortium.core.fiscal_years import fiscal_year_months, fiscal_year_period
from consortium.finance.models import Account, ActualAmount, Budget
from consortium.testing.factories import (
    AccountFactory,
    ActualAmountFactory,
    FiscalYearFactory,
    FiscalYearLockFactory,
    OrganisationFactory,
)
from consortium.timesheets.models import PeriodKind
from consortium.timesheets.services.locks import period_lock

pytestmark = pytest.mark.django_db


ACCOUNTS = "code,name_fr,name_en,kind,is_service_revenue"
BUDGETS = "fiscal_year,account_code,amount"
ACTUALS = "fiscal_year,account_code,amount,organisation_code"


def test_accounts_are_created_then_renamed_by_code(csv_file, run_import):
    path = csv_file(
        "comptes.csv",
        ACCOUNTS,
        "4100,Services aux membres,Services to members,revenue,oui",
        "5100,Salaires,Salaries,expense,",
    )
    outcome = run_import("accounts", path)
    assert outcome.imported, outcome.stderr
    assert "comptes — créations : 2, mises à jour : 0." in outcome.stdout
    outcome = run_import(
        "accounts", csv_file("c2.csv", ACCOUNTS, "5100,Masse salariale,,expense,0")
    )
    assert "comptes — créations : 0, mises à jour : 1." in outcome.stdout
    assert list(Account.objects.values_list("code", "name_fr", "kind", "is_service_revenue")) == [
        ("4100", "Services aux membres", "revenue", True),
        ("5100", "Masse salariale", "expense", False),
    ]


def test_bad_accounts_are_refused_with_every_error_located(csv_file, run_import):
    path = csv_file(
        "comptes.csv",
        ACCOUNTS,
        "4100,Services,,produit,peut-être",
        "5100,,,expense,oui",
        "4100,Doublon,,revenue,non",
    )
    outcome = run_import("accounts", path)
    assert not outcome.imported
    line = f"{path}, ligne"
    assert outcome.error_lines == [
        f"{line} 2, colonne « kind » : « produit » n'est pas permis. "
        "Valeurs permises : revenue, expense.",
        f"{line} 2, colonne « is_service_revenue » : « peut-être » n'est ni oui ni non "
        "(oui/non, yes/no, 1/0).",
        f"{line} 3, colonne « name_fr » : Ce champ ne peut pas être vide.",
        f"{line} 3, colonne « is_service_revenue » : "
        "Un compte de vente de services est un compte de produits.",
        f"{line} 4, colonne « code » : Le code 4100 figure déjà à la ligne 2.",
    ]
    assert not Account.objects.exists()


def test_budgets_are_recorded_and_a_second_import_replaces_the_amount(csv_file, run_import):
    AccountFactory(code="4100", revenue=True)
    AccountFactory(code="5100")
    path = csv_file("budgets.csv", BUDGETS, '2021-2022,4100,"4 598 552 $"', "2021-2022,5100,12.5")
    assert run_import("budgets", path).imported
    outcome = run_import("budgets", csv_file("b2.csv", BUDGETS, "2021-2022,5100,13,75"))
    # An unquoted decimal comma splits the value: the file is refused, nothing changes.
    assert not outcome.imported
    outcome = run_import("budgets", csv_file("b3.csv", BUDGETS, '2021-2022,5100,"13,75"'))
    assert "budgets — créations : 0, mises à jour : 1." in outcome.stdout
    assert list(
        Budget.objects.order_by("account__code").values_list(
            "fiscal_year__name", "account__code", "amount"
        )
    ) == [("2021-2022", "4100", Decimal("4598552.00")), ("2021-2022", "5100", Decimal("13.75"))]


def test_bad_budgets_are_located(csv_file, run_import):
    AccountFactory(code="5100")
    path = csv_file(
        "budgets.csv",
        BUDGETS,
        "2021-2023,XX,beaucoup",
        "2021-2022,5100,10",
        "2021-2022,5100,20",
    )
    outcome = run_import("budgets", path)
    line = f"{path}, ligne"
    assert outcome.error_lines == [
        f"{line} 2, colonne « fiscal_year » : « 2021-2023 » : l'exercice commençant en 2021 "
        "se termine en 2022.",
        f"{line} 2, colonne « account_code » : Compte inconnu : « XX ».",
        f"{line} 2, colonne « amount » : « beaucoup » n'est pas un montant.",
        f"{line} 4, colonne « account_code » : "
        "Ce compte a déjà un budget pour cet exercice à la ligne 3.",
    ]
    assert not Budget.objects.exists()


def test_actual_amounts_of_the_accounting_export_are_recorded(csv_file, run_import):
    AccountFactory(code="4100", service_revenue=True)
    AccountFactory(code="5100")
    OrganisationFactory(code="FQCS")
    path = csv_file(
        "reels.csv",
        ACTUALS,
        '2020-2021,4100,"1 234,56 $",FQCS',
        "2020-2021,5100,$4023699.00,",
    )
    outcome = run_import("actuals", path)
    assert outcome.imported, outcome.stderr
    assert "montants réels — créations : 2, mises à jour : 0." in outcome.stdout
    outcome = run_import("actuals", csv_file("r2.csv", ACTUALS, "2020-2021,4100,2000,FQCS"))
    assert "montants réels — créations : 0, mises à jour : 1." in outcome.stdout
    assert list(
        ActualAmount.objects.order_by("account__code").values_list(
            "account__code", "organisation__code", "amount"
        )
    ) == [("4100", "FQCS", Decimal("2000.00")), ("5100", None, Decimal("4023699.00"))]


def test_actual_amounts_are_all_or_nothing_with_every_error_located(csv_file, run_import):
    AccountFactory(code="4100", service_revenue=True)
    AccountFactory(code="5100")
    OrganisationFactory(code="FQCS")
    path = csv_file(
        "reels.csv",
        ACTUALS,
        "2020-2021,5100,100,",
        "2020-2021,4100,100,",
        "2020-2021,5100,100,FQCS",
        "2020-2021,4100,1.005,INCONNUE",
        "2020-2021,5100,50,",
    )
    outcome = run_import("actuals", path)
    line = f"{path}, ligne"
    assert outcome.error_lines == [
        f"{line} 3, colonne « organisation_code » : "
        "Une vente de services indique l'organisation facturée.",
        f"{line} 4, colonne « organisation_code » : "
        "Seules les ventes de services indiquent une organisation facturée.",
        f"{line} 5, colonne « amount » : « 1.005 » : un montant a au plus deux décimales.",
        f"{line} 5, colonne « organisation_code » : Organisation inconnue : « INCONNUE ».",
        f"{line} 6, colonne « account_code » : "
        "Ce montant figure déjà à la ligne 2 (même exercice, compte, organisation).",
    ]
    assert not ActualAmount.objects.exists()


def test_a_locked_fiscal_year_refuses_its_rows(csv_file, run_import):
    actual = ActualAmountFactory(
        account=AccountFactory(code="5100"), fiscal_year=FiscalYearFactory(name="2019-2020")
    )
    period_lock(kind=PeriodKind.FISCAL_YEAR, fiscal_year="2019-2020")
    path = csv_file("reels.csv", ACTUALS, "2019-2020,5100,1,")
    outcome = run_import("actuals", path)
    assert outcome.error_lines == [
        f"{path}, ligne 2, colonne « fiscal_year » : L'exercice 2019-2020 est verrouillé : "
        "ses montants réels ne peuvent plus être modifiés."
    ]
    actual.refresh_from_db()
    assert actual.amount == Decimal("1000.00")


def test_a_reimport_may_not_change_the_kind_of_an_account_of_a_locked_year(csv_file, run_import):
    account = AccountFactory(code="5100", name_fr="Salaires")
    ActualAmountFactory(account=account, fiscal_year=FiscalYearFactory(name="2019-2020"))
    FiscalYearLockFactory(fiscal_year__name="2019-2020")
    outcome = run_import(
        "accounts", csv_file("comptes.csv", ACCOUNTS, "5100,Salaires,Salaries,revenue,non")
    )
    assert not outcome.imported
    assert "2019-2020 est verrouillé et le compte 5100 y a des montants réels" in outcome.stderr
    assert Account.objects.get(code="5100").kind == "expense"


def test_a_year_whose_twelve_months_are_locked_refuses_its_rows(csv_file, run_import):
    AccountFactory(code="5100")
    FiscalYearFactory(name="2020-2021")
    for month in fiscal_year_months(fiscal_year_period("2020-2021")):
        period_lock(kind=PeriodKind.MONTH, month=month.start)
    outcome = run_import("actuals", csv_file("reels.csv", ACTUALS, "2020-2021,5100,1.00,"))
    assert not outcome.imported
    assert "L'exercice 2020-2021 est verrouillé" in outcome.stderr
    assert not ActualAmount.objects.exists()
