import datetime as dt

from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from consortium.core.codes import code_constraint, validate_code
from consortium.core.models import BilingualNameModel, TimeStampedModel
from consortium.core.money import MONEY


class MandateType(BilingualNameModel):
    """Delegated management, support, training, diagnostic, project…; or internal time (leave,
    staff training, the crisis cell), which is never billed."""

    billable = models.BooleanField(
        _("facturable"),
        default=True,
        help_text=_("Décochez pour le temps interne (congés, formation du personnel…)."),
    )

    class Meta(BilingualNameModel.Meta):
        verbose_name = _("type de mandat")
        verbose_name_plural = _("types de mandat")


class MandateStatus(models.TextChoices):
    OPEN = "open", _("en cours")
    CLOSED = "closed", _("terminé")
    CANCELLED = "cancelled", _("annulé")


class Mandate(TimeStampedModel):
    """An engagement of the centre for one organisation, of one type, run by one department.

    The organisation served is not always the one that pays: a federation often pays for the
    services its member enterprises receive. `billed_organisation` names the payer (empty: the
    organisation served); its membership decides the rate and the article 17 ratio, while the
    organisation served counts for "enterprises served". A mandate's own `hourly_rate` or
    `fixed_fee` beats the rate table (billing.rates).
    """

    code = models.CharField(_("code"), max_length=30, unique=True, validators=[validate_code])
    organisation = models.ForeignKey(
        "members.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="mandates",
    )
    title = models.CharField(_("titre"), max_length=255)
    mandate_type = models.ForeignKey(
        MandateType,
        verbose_name=_("type de mandat"),
        on_delete=models.PROTECT,
        related_name="mandates",
    )
    department = models.ForeignKey(
        "staff.Department",
        verbose_name=_("département"),
        on_delete=models.PROTECT,
        related_name="mandates",
    )
    start = models.DateField(_("début"))
    end = models.DateField(
        _("fin"), null=True, blank=True, help_text=_("Dernier jour; vide si le mandat est ouvert.")
    )
    status = models.CharField(
        _("statut"), max_length=20, choices=MandateStatus.choices, default=MandateStatus.OPEN
    )
    budget_hours = models.DecimalField(
        _("budget d'heures"),
        max_digits=9,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("Heures prévues pour le mandat; vide si aucun budget."),
    )
    billed_organisation = models.ForeignKey(
        "members.Organisation",
        verbose_name=_("organisation facturée"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="billed_mandates",
        help_text=_("Qui paie, si ce n'est pas l'organisation servie (regroupement, bailleur…)."),
    )
    billable = models.BooleanField(
        _("facturable"), default=True, help_text=_("Décochez si ces heures ne sont pas facturées.")
    )
    hourly_rate = models.DecimalField(
        _("taux horaire du mandat"),
        **MONEY,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("Remplace la grille de tarifs; vide pour appliquer la grille."),
    )
    fixed_fee = models.DecimalField(
        _("forfait"),
        **MONEY,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("Montant fixe facturé une fois, au lieu des heures; vide si à l'heure."),
    )

    class Meta:
        ordering = ["code"]
        verbose_name = _("mandat")
        verbose_name_plural = _("mandats")
        constraints = [
            code_constraint(),
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gte=F("start")),
                name="mandate_ends_after_it_starts",
                violation_error_message=_("Un mandat ne peut finir avant de commencer."),
            ),
            models.CheckConstraint(
                condition=Q(status__in=[choice.value for choice in MandateStatus]),
                name="mandate_status_is_known",
                violation_error_message=_("Statut de mandat inconnu."),
            ),
            models.CheckConstraint(
                condition=Q(budget_hours__isnull=True) | Q(budget_hours__gte=0),
                name="mandate_budget_hours_not_negative",
                violation_error_message=_("Le budget d'heures ne peut être négatif."),
            ),
            models.CheckConstraint(
                condition=Q(hourly_rate__isnull=True) | Q(fixed_fee__isnull=True),
                name="mandate_rate_or_fixed_fee",
                violation_error_message=_(
                    "Un mandat a un taux horaire ou un forfait, pas les deux."
                ),
            ),
            models.CheckConstraint(
                condition=(Q(hourly_rate__isnull=True) | Q(hourly_rate__gte=0))
                & (Q(fixed_fee__isnull=True) | Q(fixed_fee__gte=0)),
                name="mandate_price_not_negative",
                violation_error_message=_("Un taux ou un forfait ne peut être négatif."),
            ),
        ]
        indexes = [
            models.Index(fields=["organisation", "start"], name="mandate_organisation_idx"),
            models.Index(fields=["billed_organisation"], name="mandate_payer_idx"),
            models.Index(fields=["department", "mandate_type"], name="mandate_dimensions_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.code} – {self.title}"

    @property
    def payer_id(self) -> int:
        """The organisation that pays for this mandate: the billed one, else the one served."""
        return self.billed_organisation_id or self.organisation_id

    def covers(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


class MandateAssignment(models.Model):
    """An expert assigned to a mandate: the week grid offers them its mandate first."""

    mandate = models.ForeignKey(
        Mandate, verbose_name=_("mandat"), on_delete=models.CASCADE, related_name="assignments"
    )
    expert = models.ForeignKey(
        "staff.Expert",
        verbose_name=_("expert"),
        on_delete=models.CASCADE,
        related_name="mandate_assignments",
    )
    role = models.CharField(
        _("rôle sur le mandat"),
        max_length=120,
        blank=True,
        help_text=_("Par exemple : responsable, soutien, formatrice."),
    )
    created = models.DateTimeField(_("affecté le"), auto_now_add=True)

    class Meta:
        ordering = ["mandate", "expert__last_name", "expert__first_name"]
        verbose_name = _("affectation")
        verbose_name_plural = _("affectations")
        constraints = [
            models.UniqueConstraint(
                fields=["mandate", "expert"],
                name="mandate_assignment_once_per_expert",
                violation_error_message=_("Cet expert est déjà affecté à ce mandat."),
            ),
        ]
        indexes = [models.Index(fields=["expert"], name="mandate_assignment_expert_idx")]

    def __str__(self) -> str:
        return f"{self.expert} – {self.mandate.code}"
