"""Business development (développement des affaires): activities with their follow-up, the
pipeline of opportunities, partnerships and their documents."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from consortium.core.models import TimeStampedModel
from consortium.core.money import MONEY


class ActivityKind(models.TextChoices):
    EVENT = "event", _("participation et/ou organisation d'événements")
    AGM_ATTENDED = "agm_attended", _("participation à des AGA")
    DEVELOPMENT_MEETING = "development_meeting", _("rencontres de développement")
    SERVICE_PRESENTATION = "service_presentation", _("présentations des services")


class DevelopmentActivity(TimeStampedModel):
    """One event, AGM attended, development meeting or presentation, with whom it was held."""

    kind = models.CharField(_("type d'activité"), max_length=30, choices=ActivityKind.choices)
    date = models.DateField(_("date"))
    title = models.CharField(_("titre"), max_length=255)
    organisations_met = models.ManyToManyField(
        "members.Organisation",
        verbose_name=_("organisations rencontrées"),
        related_name="development_activities",
        blank=True,
    )
    notes = models.TextField(_("notes"), blank=True)
    participants = models.ManyToManyField(
        "staff.Expert",
        verbose_name=_("personnel présent"),
        related_name="development_activities",
        blank=True,
    )
    next_step = models.CharField(_("prochaine étape"), max_length=255, blank=True)
    follow_up_due = models.DateField(_("échéance du suivi"), null=True, blank=True)
    follow_up_owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responsable du suivi"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="development_follow_ups",
    )
    follow_up_done_on = models.DateField(_("suivi fait le"), null=True, blank=True)

    class Meta:
        ordering = ["date", "kind", "title"]
        verbose_name = _("activité de développement")
        verbose_name_plural = _("activités de développement")
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=[choice.value for choice in ActivityKind]),
                name="development_activity_kind_is_known",
                violation_error_message=_("Type d'activité inconnu."),
            ),
            models.UniqueConstraint(
                fields=["kind", "date", "title"],
                name="development_activity_one_per_kind_day_and_title",
                violation_error_message=_(
                    "Une activité de ce type porte déjà ce titre à cette date."
                ),
            ),
            models.CheckConstraint(
                condition=Q(follow_up_due__isnull=True) | ~Q(next_step=""),
                name="development_follow_up_names_its_next_step",
                violation_error_message=_("Un suivi avec une échéance nomme sa prochaine étape."),
            ),
        ]
        indexes = [
            models.Index(fields=["date", "kind"], name="development_activity_date_idx"),
            models.Index(
                fields=["follow_up_done_on", "follow_up_due"], name="development_follow_up_idx"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.date.isoformat()})"

    def clean(self) -> None:
        errors = {}
        if self.next_step and self.follow_up_due is None:
            errors["follow_up_due"] = _("Indiquez l'échéance de la prochaine étape.")
        if self.follow_up_due is not None and not self.next_step:
            errors["next_step"] = _("Un suivi avec une échéance nomme sa prochaine étape.")
        if self.next_step and self.follow_up_owner_id is None:
            errors["follow_up_owner"] = _("Indiquez qui est responsable du suivi.")
        if errors:
            raise ValidationError(errors)


class OpportunityStage(models.TextChoices):
    """From first contact to a mandate won, or lost; in the pipeline's order."""

    FIRST_CONTACT = "first_contact", _("premier contact")
    QUALIFIED = "qualified", _("besoin qualifié")
    PROPOSAL = "proposal", _("offre de services")
    NEGOTIATION = "negotiation", _("négociation")
    WON = "won", _("gagnée")
    LOST = "lost", _("perdue")


class Opportunity(TimeStampedModel):
    """A mandate the centre may win: once won, « convertir en mandat » opens it (once)."""

    title = models.CharField(_("titre"), max_length=255)
    organisation = models.ForeignKey(
        "members.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="opportunities",
    )
    stage = models.CharField(
        _("étape"),
        max_length=20,
        choices=OpportunityStage.choices,
        default=OpportunityStage.FIRST_CONTACT,
    )
    mandate_type = models.ForeignKey(
        "mandates.MandateType",
        verbose_name=_("type de mandat"),
        on_delete=models.PROTECT,
        related_name="opportunities",
    )
    department = models.ForeignKey(
        "staff.Department",
        verbose_name=_("département"),
        on_delete=models.PROTECT,
        related_name="opportunities",
    )
    estimated_hours = models.DecimalField(
        _("heures estimées"),
        max_digits=9,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    estimated_amount = models.DecimalField(
        _("montant estimé"), **MONEY, null=True, blank=True, validators=[MinValueValidator(0)]
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responsable"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="development_opportunities",
    )
    mandate = models.OneToOneField(
        "mandates.Mandate",
        verbose_name=_("mandat"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="opportunity",
    )
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = ["stage", "title"]
        verbose_name = _("occasion d'affaires")
        verbose_name_plural = _("occasions d'affaires")
        constraints = [
            models.CheckConstraint(
                condition=Q(stage__in=[choice.value for choice in OpportunityStage]),
                name="opportunity_stage_is_known",
                violation_error_message=_("Étape inconnue."),
            ),
            models.CheckConstraint(
                condition=Q(mandate__isnull=True) | Q(stage=OpportunityStage.WON),
                name="opportunity_with_mandate_is_won",
                violation_error_message=_("Seule une occasion gagnée mène à un mandat."),
            ),
            models.CheckConstraint(
                condition=Q(estimated_hours__isnull=True) | Q(estimated_hours__gte=0),
                name="opportunity_hours_not_negative",
                violation_error_message=_("Les heures estimées ne peuvent être négatives."),
            ),
            models.CheckConstraint(
                condition=Q(estimated_amount__isnull=True) | Q(estimated_amount__gte=0),
                name="opportunity_amount_not_negative",
                violation_error_message=_("Le montant estimé ne peut être négatif."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} – {self.organisation}"


class Partnership(TimeStampedModel):
    """A partnership agreement with an organisation, from `start` to `end` (its last day)."""

    organisation = models.ForeignKey(
        "members.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="partnerships",
    )
    title = models.CharField(_("titre"), max_length=255)
    start = models.DateField(_("début"))
    end = models.DateField(
        _("fin"), null=True, blank=True, help_text=_("Dernier jour; vide si toujours en vigueur.")
    )
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["start", "title"]
        verbose_name = _("partenariat")
        verbose_name_plural = _("partenariats")
        constraints = [
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gte=F("start")),
                name="partnership_ends_after_it_starts",
                violation_error_message=_("Un partenariat ne peut finir avant de commencer."),
            ),
        ]
        indexes = [models.Index(fields=["start", "end"], name="partnership_dates_idx")]

    def __str__(self) -> str:
        return f"{self.title} – {self.organisation}"


# A partnership's documents are small (agreements, letters): kept in the database, served only
# through the page that checks who asks, and never lying in a public folder.
DOCUMENT_MAX_BYTES = 10 * 1024 * 1024


class PartnershipDocument(TimeStampedModel):
    """A file of a partnership (the agreement, an amendment, a letter)."""

    partnership = models.ForeignKey(
        Partnership,
        verbose_name=_("partenariat"),
        on_delete=models.CASCADE,
        related_name="documents",
    )
    title = models.CharField(_("titre"), max_length=255)
    filename = models.CharField(_("nom du fichier"), max_length=255)
    content_type = models.CharField(_("type de contenu"), max_length=100)
    size = models.PositiveIntegerField(_("taille"))
    content = models.BinaryField(_("contenu"))

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("document de partenariat")
        verbose_name_plural = _("documents de partenariat")

    def __str__(self) -> str:
        return self.title
