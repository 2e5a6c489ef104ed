"""Accounts, budgets and actual amounts; an actual amount of a locked fiscal year stays as it is."""

from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest

from consortium.core.admin import BilingualNameAdmin, TimeStampedAdmin, service_checked_form
from consortium.finance.models import Account, ActualAmount, Budget
from consortium.finance.services import (
    account_kind_check,
    actual_amount_delete,
    actual_amount_lock_check,
)


@admin.register(Account)
class AccountAdmin(BilingualNameAdmin):
    form = service_checked_form(account_kind_check)
    list_display = ("code", "name_fr", "name_en", "kind", "is_service_revenue")
    list_filter = ("kind", "is_service_revenue")


@admin.register(Budget)
class BudgetAdmin(TimeStampedAdmin):
    list_display = ("fiscal_year", "account", "amount")
    list_filter = ("fiscal_year", "account__kind")
    search_fields = ("account__code", "account__name_fr", "account__name_en")
    list_select_related = ("fiscal_year", "account")
    autocomplete_fields = ("account", "fiscal_year")


class ActualAmountForm(service_checked_form(actual_amount_lock_check)):
    def validate_unique(self) -> None:
        super().validate_unique()
        # A new amount is checked too: a locked year takes no new amounts either.
        if self.instance.pk is None and not self.errors:
            try:
                actual_amount_lock_check(self.instance)
            except ValidationError as error:
                self.add_error(None, error)


@admin.register(ActualAmount)
class ActualAmountAdmin(TimeStampedAdmin):
    form = ActualAmountForm
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

    def delete_model(self, request: HttpRequest, obj: ActualAmount) -> None:
        actual_amount_delete(actual=obj)

    @transaction.atomic
    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[ActualAmount]) -> None:
        # Through the service, all or nothing: one amount of a locked year refuses the lot.
        for actual in queryset.select_related("fiscal_year"):
            actual_amount_delete(actual=actual)
