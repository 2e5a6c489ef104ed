"""Business development (développement des affaires): activities and partnerships."""

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from consortium.core.models import TimeStampedModel


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
        ]
        indexes = [models.Index(fields=["date", "kind"], name="development_activity_date_idx")]

    def __str__(self) -> str:
        return f"{self.title} ({self.date.isoformat()})"


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
