"""A member organisation's treasury: its plan (what it holds, its year of cash flows, its
projects) and the investment policies drafted from it. The figures are computed, never stored
(`treasury/figures.py`); an adopted policy keeps its text frozen (`content`)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from consortium.core.models import TimeStampedModel
from consortium.core.money import MONEY

LANGUAGES = [("fr", _("français")), ("en", _("anglais"))]
PERCENT = {"max_digits": 5, "decimal_places": 2}


class Seasonality(models.TextChoices):
    """Whether the year is seasonal: read from the monthly profile, unless the contact says."""

    PROFILE = "profile", _("selon le profil mensuel")
    YES = "yes", _("oui")
    NO = "no", _("non")


class TreasuryPlan(TimeStampedModel):
    organisation = models.ForeignKey(
        "members.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="treasury_plans",
    )
    as_of = models.DateField(_("en date du"))
    annual_expenses = models.DecimalField(
        _("charges d'exploitation annuelles (sans amortissement)"), **MONEY
    )
    cash = models.DecimalField(_("encaisse"), **MONEY)
    short_term_investments = models.DecimalField(_("placements à court terme"), default=0, **MONEY)
    restricted_funds = models.DecimalField(
        _("fonds affectés"),
        default=0,
        help_text=_(
            "Affectés par le conseil ou par un tiers : non disponibles pour l'exploitation."
        ),
        **MONEY,
    )
    largest_source_pct = models.DecimalField(
        _("part des revenus de la principale source (%)"), null=True, blank=True, **PERCENT
    )
    grants_pct = models.DecimalField(
        _("part des revenus venant de subventions (%)"), null=True, blank=True, **PERCENT
    )
    seasonality = models.CharField(
        _("activité saisonnière"),
        max_length=7,
        choices=Seasonality.choices,
        default=Seasonality.PROFILE,
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("créé par"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("modifié par"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["organisation", "-as_of"]
        verbose_name = _("plan de trésorerie")
        verbose_name_plural = _("plans de trésorerie")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "as_of"],
                name="treasury_plan_one_per_date",
                violation_error_message=_("Cette organisation a déjà un plan à cette date."),
            ),
            models.CheckConstraint(
                condition=Q(annual_expenses__gte=0)
                & Q(short_term_investments__gte=0)
                & Q(restricted_funds__gte=0),
                name="treasury_plan_amounts_not_negative",
                violation_error_message=_(
                    "Les charges, les placements et les fonds affectés ne sont jamais négatifs."
                ),
            ),
            models.CheckConstraint(
                condition=(
                    Q(largest_source_pct__isnull=True)
                    | Q(largest_source_pct__gte=0, largest_source_pct__lte=100)
                )
                & (Q(grants_pct__isnull=True) | Q(grants_pct__gte=0, grants_pct__lte=100)),
                name="treasury_plan_shares_are_percentages",
                violation_error_message=_("Une part des revenus va de 0 à 100 %%."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} · {self.as_of}"


class MonthlyFlow(models.Model):
    """Receipts and disbursements of one month of the plan's year (month 1 starts at as_of)."""

    plan = models.ForeignKey(
        TreasuryPlan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="flows"
    )
    month = models.PositiveSmallIntegerField(_("mois"))
    receipts = models.DecimalField(_("encaissements"), default=0, **MONEY)
    disbursements = models.DecimalField(_("décaissements"), default=0, **MONEY)

    class Meta:
        ordering = ["plan", "month"]
        verbose_name = _("flux mensuel")
        verbose_name_plural = _("flux mensuels")
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "month"],
                name="treasury_flow_one_per_month",
                violation_error_message=_("Ce mois a déjà ses flux dans ce plan."),
            ),
            models.CheckConstraint(
                condition=Q(month__gte=1, month__lte=12),
                name="treasury_flow_month_1_to_12",
                violation_error_message=_("Le mois va de 1 à 12."),
            ),
            models.CheckConstraint(
                condition=Q(receipts__gte=0, disbursements__gte=0),
                name="treasury_flow_amounts_not_negative",
                violation_error_message=_(
                    "Les encaissements et les décaissements ne sont jamais négatifs."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.plan} · {self.month}"


class PlannedProject(models.Model):
    plan = models.ForeignKey(
        TreasuryPlan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="projects"
    )
    name = models.CharField(_("projet"), max_length=200)
    amount = models.DecimalField(_("montant"), **MONEY)
    planned_on = models.DateField(_("date prévue"))

    class Meta:
        ordering = ["plan", "planned_on", "name"]
        verbose_name = _("projet prévu")
        verbose_name_plural = _("projets prévus")
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__gt=0),
                name="treasury_project_amount_positive",
                violation_error_message=_("Le montant d'un projet est plus grand que zéro."),
            ),
        ]

    def __str__(self) -> str:
        return self.name


class InvestmentPolicy(TimeStampedModel):
    """One version of an organisation's investment policy: a draft (at most one per
    organisation) until adopted; an adopted version never changes, a new draft starts from it.

    `content` holds the sections as structured data: a list of {"key", "title", "paragraphs":
    [text], "tables": [{"caption", "header": [text], "rows": [[text]]}]}, every figure already
    written out in the policy's language, so that what was adopted reads the same forever."""

    organisation = models.ForeignKey(
        "members.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="investment_policies",
    )
    plan = models.ForeignKey(
        TreasuryPlan,
        verbose_name=_("plan"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="policies",
    )
    language = models.CharField(_("langue"), max_length=2, choices=LANGUAGES, default="fr")
    content = models.JSONField(_("contenu"), default=list)
    version = models.PositiveIntegerField(_("version"), null=True, blank=True)
    adopted_on = models.DateField(_("adoptée le"), null=True, blank=True)
    adopted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("adoptée par"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("créée par"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["organisation", "-version"]
        verbose_name = _("politique de placement")
        verbose_name_plural = _("politiques de placement")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation"],
                condition=Q(adopted_on__isnull=True),
                name="investment_policy_one_draft",
                violation_error_message=_("Cette organisation a déjà un brouillon de politique."),
            ),
            models.UniqueConstraint(
                fields=["organisation", "version"],
                name="investment_policy_version_unique",
                violation_error_message=_("Cette version de la politique existe déjà."),
            ),
            models.CheckConstraint(
                condition=Q(adopted_on__isnull=True, version__isnull=True)
                | Q(adopted_on__isnull=False, version__isnull=False),
                name="investment_policy_adopted_has_version",
                violation_error_message=_("Une politique adoptée a une version et une date."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} · v{self.version or '—'}"

    @property
    def is_draft(self) -> bool:
        return self.adopted_on is None
