"""The chart of accounts, each year's budget and the actual amounts from the accounting system."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from consortium.core.codes import code_constraint
from consortium.core.models import BilingualNameModel, TimeStampedModel
from consortium.core.money import MONEY


class AccountKind(models.TextChoices):
    REVENUE = "revenue", _("produits")
    EXPENSE = "expense", _("charges")


class Account(BilingualNameModel):
    """An account of the chart: revenue or expense.

    Service revenue (the centre's sales of services) is the one kind whose actual amounts name
    the organisation billed: the member business ratio and revenue by member category read it.
    """

    kind = models.CharField(_("nature"), max_length=10, choices=AccountKind.choices)
    is_service_revenue = models.BooleanField(
        _("vente de services"),
        default=False,
        help_text=_("Ses montants réels indiquent l'organisation facturée."),
    )

    class Meta(BilingualNameModel.Meta):
        verbose_name = _("compte")
        verbose_name_plural = _("comptes")
        constraints = [
            code_constraint(),
            models.CheckConstraint(
                condition=Q(kind__in=[choice.value for choice in AccountKind]),
                name="account_kind_is_known",
                violation_error_message=_("Nature de compte inconnue."),
            ),
            models.CheckConstraint(
                condition=Q(is_service_revenue=False) | Q(kind=AccountKind.REVENUE),
                name="account_service_revenue_is_revenue",
                violation_error_message=_(
                    "Un compte de vente de services est un compte de produits."
                ),
            ),
        ]


class Budget(TimeStampedModel):
    """The amount budgeted to one account for one fiscal year."""

    account = models.ForeignKey(
        Account, verbose_name=_("compte"), on_delete=models.PROTECT, related_name="budgets"
    )
    fiscal_year = models.ForeignKey(
        "core.FiscalYear",
        verbose_name=_("exercice financier"),
        # The year holds its amounts. A locked year cannot be deleted: its lock protects it.
        on_delete=models.CASCADE,
        related_name="budgets",
    )
    amount = models.DecimalField(_("montant"), **MONEY)

    class Meta:
        ordering = ["fiscal_year", "account"]
        verbose_name = _("budget")
        verbose_name_plural = _("budgets")
        constraints = [
            models.UniqueConstraint(
                fields=["account", "fiscal_year"],
                name="budget_once_per_account_and_year",
                violation_error_message=_("Ce compte a déjà un budget pour cet exercice."),
            ),
        ]
        # The report sums a year's budget by kind: the year leads.
        indexes = [models.Index(fields=["fiscal_year", "account"], name="budget_year_idx")]

    def __str__(self) -> str:
        return f"{self.fiscal_year} – {self.account.code} – {self.amount} $"


class ActualAmount(TimeStampedModel):
    """What one account really recorded in a fiscal year; for service revenue, per organisation.

    Deleting an organisation deletes what it was billed (the demo's reset relies on it); a
    locked fiscal year's amounts cannot be changed through the services or the admin.
    """

    account = models.ForeignKey(
        Account, verbose_name=_("compte"), on_delete=models.PROTECT, related_name="actual_amounts"
    )
    fiscal_year = models.ForeignKey(
        "core.FiscalYear",
        verbose_name=_("exercice financier"),
        # The year holds its amounts. A locked year cannot be deleted: its lock protects it.
        on_delete=models.CASCADE,
        related_name="actual_amounts",
    )
    organisation = models.ForeignKey(
        "members.Organisation",
        verbose_name=_("organisation facturée"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="actual_amounts",
    )
    amount = models.DecimalField(_("montant"), **MONEY)

    class Meta:
        ordering = ["fiscal_year", "account", "organisation"]
        verbose_name = _("montant réel")
        verbose_name_plural = _("montants réels")
        constraints = [
            # Two constraints rather than one: NULL organisations are distinct to a database.
            models.UniqueConstraint(
                fields=["account", "fiscal_year", "organisation"],
                condition=Q(organisation__isnull=False),
                name="actual_amount_once_per_account_year_organisation",
                violation_error_message=_(
                    "Ce compte a déjà un montant réel pour cette organisation et cet exercice."
                ),
            ),
            models.UniqueConstraint(
                fields=["account", "fiscal_year"],
                condition=Q(organisation__isnull=True),
                name="actual_amount_once_per_account_year",
                violation_error_message=_("Ce compte a déjà un montant réel pour cet exercice."),
            ),
        ]
        indexes = [
            models.Index(fields=["fiscal_year", "account"], name="actual_amount_year_idx"),
            models.Index(fields=["organisation"], name="actual_amount_organisation_idx"),
        ]

    def __str__(self) -> str:
        billed = f" – {self.organisation}" if self.organisation_id else ""
        return f"{self.fiscal_year} – {self.account.code}{billed} – {self.amount} $"

    def clean(self) -> None:
        if self.account_id is None:
            return
        account = self.account
        if account.is_service_revenue and self.organisation_id is None:
            raise ValidationError(
                {"organisation": _("Une vente de services indique l'organisation facturée.")}
            )
        if not account.is_service_revenue and self.organisation_id is not None:
            raise ValidationError(
                {
                    "organisation": _(
                        "Seules les ventes de services indiquent une organisation facturée."
                    )
                }
            )
