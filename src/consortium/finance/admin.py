"""Accounts, budgets and actual amounts; an actual amount of a locked fiscal year stays as it is."""

from django.contrib import admin
from django.core.exceptions import ValidationError
from django.http import HttpRequest

from consortium.core.admin import BilingualNameAdmin, ServiceAdmin, Writes
from consortium.finance.models import Account, ActualAmount, Budget
from consortium.finance.services import (
    account_create,
    account_update,
    actual_amount_create,
    actual_amount_delete,
    actual_amount_lock_check,
    actual_amount_update,
    budget_create,
    budget_update,
)


@admin.register(Account)
class AccountAdmin(BilingualNameAdmin):
    writes = Writes(row="account", create=account_create, update=account_update)
    list_display = ("code", "name_fr", "name_en", "kind", "is_service_revenue")
    list_filter = ("kind", "is_service_revenue")


@admin.register(Budget)
class BudgetAdmin(ServiceAdmin):
    writes = Writes(row="budget", create=budget_create, update=budget_update)
    list_display = ("fiscal_year", "account", "amount")
    list_filter = ("fiscal_year", "account__kind")
    search_fields = ("account__code", "account__name_fr", "account__name_en")
    list_select_related = ("fiscal_year", "account")
    autocomplete_fields = ("account", "fiscal_year")


@admin.register(ActualAmount)
class ActualAmountAdmin(ServiceAdmin):
    writes = Writes(
        row="actual",
        create=actual_amount_create,
        update=actual_amount_update,
        delete=actual_amount_delete,
    )
    list_display = ("fiscal_year", "account", "organisation", "amount")
    list_filter = ("fiscal_year", "account__kind", "account__is_service_revenue")
    search_fields = (
        "account__code",
        "account__name_fr",
        "organisation__code",
        "organisation__name",
    )
    list_select_related = ("fiscal_year", "account", "organisation")
    autocomplete_fields = ("account", "fiscal_year", "organisation")

    def has_delete_permission(self, request: HttpRequest, obj: ActualAmount | None = None) -> bool:
        if obj is not None:
            try:
                actual_amount_lock_check(obj)
            except ValidationError:
                return False
        return super().has_delete_permission(request, obj)
