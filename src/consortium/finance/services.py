"""Writes to finance: accounts, budgets and actual amounts.

Every write runs in a transaction and calls `full_clean()`. A locked fiscal year (its own lock,
or all twelve of its months: `core.locks.period_is_locked`) has its actual amounts frozen, and
the accounts that hold them keep their kind: closed books stay closed.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from consortium.core.fiscal_years import fiscal_year_bounds
from consortium.core.locks import period_is_locked
from consortium.core.models import FiscalYear
from consortium.core.services import row_save
from consortium.finance.models import Account, ActualAmount, Budget
from consortium.members.models import Organisation


@transaction.atomic
def fiscal_year_ensure(*, name: str) -> FiscalYear:
    """The stored fiscal year of this name, created from the configured start month if need be."""
    year = FiscalYear.objects.filter(name=name).first()
    if year is not None:
        return year
    try:
        start, end = fiscal_year_bounds(name)
    except ValueError as error:
        raise ValidationError({"fiscal_year": str(error)}) from error
    year = FiscalYear(name=name, start_date=start, end_date=end)
    year.full_clean()
    year.save()
    return year


def fiscal_year_is_locked(fiscal_year: FiscalYear) -> bool:
    """Whether the year's actual amounts are frozen: the year is locked, or every month of it."""
    return period_is_locked(fiscal_year.start_date, fiscal_year.end_date)


def actual_amount_lock_check(actual: ActualAmount) -> None:
    """Refuse any change to the actual amounts of a locked fiscal year (also used by the admin)."""
    years = {actual.fiscal_year_id}
    if actual.pk is not None:
        # Moving an amount out of a locked year changes that year too.
        years.add(
            ActualAmount.objects.filter(pk=actual.pk).values_list("fiscal_year", flat=True)[0]
        )
    for year in FiscalYear.objects.filter(pk__in=years):
        if fiscal_year_is_locked(year):
            raise ValidationError(
                _(
                    "L'exercice %(year)s est verrouillé : ses montants réels ne peuvent plus "
                    "être modifiés."
                )
                % {"year": year.name}
            )


def account_kind_check(account: Account) -> None:
    """Refuse to turn an account with actual amounts into or out of service revenue: its
    amounts would no longer say (or would wrongly say) whom they billed. Refuse to change the
    kind (revenue or expense) of an account with actual amounts in a locked fiscal year: the
    year's revenue and expenses would move."""
    if account.pk is None:
        return
    stored = Account.objects.filter(pk=account.pk).values("kind", "is_service_revenue").first()
    if stored is None:
        return
    if stored["kind"] != account.kind:
        year = _locked_year_with_amounts(account)
        if year is not None:
            raise ValidationError(
                {
                    "kind": _(
                        "%(year)s est verrouillé et le compte %(code)s y a des montants réels : "
                        "sa nature ne peut plus changer."
                    )
                    % {"year": year.name, "code": account.code}
                }
            )
    if stored["is_service_revenue"] != account.is_service_revenue and (
        account.actual_amounts.exists()
    ):
        raise ValidationError(
            {
                "is_service_revenue": _(
                    "Le compte %(code)s a déjà des montants réels : il ne peut changer de "
                    "vente de services à autre produit, ni l'inverse."
                )
                % {"code": account.code}
            }
        )


def _locked_year_with_amounts(account: Account) -> FiscalYear | None:
    """The first locked fiscal year in which the account has actual amounts, if any."""
    years = FiscalYear.objects.filter(actual_amounts__account=account).distinct()
    return next((year for year in years if fiscal_year_is_locked(year)), None)


@transaction.atomic
def account_upsert(
    *,
    code: str,
    name_fr: str,
    name_en: str = "",
    kind: str,
    is_service_revenue: bool = False,
) -> tuple[Account, bool]:
    """Create the account with this code, or replace what its row holds; says if created."""
    account = Account.objects.select_for_update().filter(code=code).first()
    created = account is None
    if account is None:
        account = Account(code=code)
    account.name_fr = name_fr
    account.name_en = name_en
    account.kind = kind
    account.is_service_revenue = is_service_revenue
    account.full_clean()
    account_kind_check(account)
    account.save()
    return account, created


@transaction.atomic
def account_create(
    *, code: str, name_fr: str, name_en: str = "", kind: str, is_service_revenue: bool = False
) -> Account:
    """Open an account; refused if its code is taken."""
    return row_save(
        Account(),
        code=code,
        name_fr=name_fr,
        name_en=name_en,
        kind=kind,
        is_service_revenue=is_service_revenue,
    )


@transaction.atomic
def account_update(
    *,
    account: Account,
    code: str,
    name_fr: str,
    name_en: str = "",
    kind: str,
    is_service_revenue: bool = False,
) -> Account:
    """Replace what an account's row holds; an account with actual amounts keeps its kind of
    revenue."""
    account = Account.objects.select_for_update().get(pk=account.pk)
    account.is_service_revenue = is_service_revenue
    account.kind = kind
    account_kind_check(account)
    return row_save(account, code=code, name_fr=name_fr, name_en=name_en)


@transaction.atomic
def budget_record(
    *, account: Account, fiscal_year: FiscalYear, amount: Decimal
) -> tuple[Budget, bool]:
    """Set the account's budget for the year (created, or its amount replaced)."""
    budget = (
        Budget.objects.select_for_update()
        .filter(account=account, fiscal_year=fiscal_year)
        .order_by("pk")
        .first()
    )
    created = budget is None
    if budget is None:
        budget = Budget(account=account, fiscal_year=fiscal_year)
    budget.amount = amount
    budget.full_clean()
    budget.save()
    return budget, created


@transaction.atomic
def budget_create(*, account: Account, fiscal_year: FiscalYear, amount: Decimal) -> Budget:
    """Give an account its budget for a year; refused if it already has one."""
    return row_save(Budget(), account=account, fiscal_year=fiscal_year, amount=amount)


@transaction.atomic
def budget_update(
    *, budget: Budget, account: Account, fiscal_year: FiscalYear, amount: Decimal
) -> Budget:
    """Change a budget's amount, or move it to an account and year that have none yet."""
    # The default ordering joins the year and the account, which FOR UPDATE would lock too.
    budget = Budget.objects.select_for_update().order_by().get(pk=budget.pk)
    return row_save(budget, account=account, fiscal_year=fiscal_year, amount=amount)


@transaction.atomic
def actual_amount_record(
    *,
    account: Account,
    fiscal_year: FiscalYear,
    amount: Decimal,
    organisation: Organisation | None = None,
) -> tuple[ActualAmount, bool]:
    """Set what the account recorded in the year (for service revenue, billed to `organisation`):
    created, or its amount replaced. Refused in a locked fiscal year."""
    actual = (
        ActualAmount.objects.select_for_update()
        .filter(account=account, fiscal_year=fiscal_year, organisation=organisation)
        .order_by("pk")  # the default ordering joins organisations, which FOR UPDATE refuses
        .first()
    )
    created = actual is None
    if actual is None:
        actual = ActualAmount(account=account, fiscal_year=fiscal_year, organisation=organisation)
    actual.amount = amount
    actual.full_clean()
    actual_amount_lock_check(actual)
    actual.save()
    return actual, created


@transaction.atomic
def actual_amount_create(
    *,
    account: Account,
    fiscal_year: FiscalYear,
    amount: Decimal,
    organisation: Organisation | None = None,
) -> ActualAmount:
    """Add what an account recorded in a year; refused in a locked fiscal year."""
    actual = ActualAmount(
        account=account, fiscal_year=fiscal_year, organisation=organisation, amount=amount
    )
    actual_amount_lock_check(actual)
    return row_save(actual)


@transaction.atomic
def actual_amount_update(
    *,
    actual: ActualAmount,
    account: Account,
    fiscal_year: FiscalYear,
    amount: Decimal,
    organisation: Organisation | None = None,
) -> ActualAmount:
    """Change an actual amount; refused if its year, or the year it moves to, is locked."""
    actual = ActualAmount.objects.select_for_update().order_by().get(pk=actual.pk)
    actual.fiscal_year = fiscal_year
    actual_amount_lock_check(actual)
    return row_save(actual, account=account, organisation=organisation, amount=amount)


@transaction.atomic
def actual_amount_delete(*, actual: ActualAmount) -> None:
    """Delete an actual amount, unless its fiscal year is locked."""
    actual_amount_lock_check(actual)
    actual.delete()
