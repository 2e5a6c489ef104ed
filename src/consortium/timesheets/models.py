from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from consortium.core.models import TimeStampedModel

MAX_HOURS_PER_DAY = Decimal("24")


class TimeEntry(TimeStampedModel):
    """Hours an expert gave to a mandate on one day: one entry per expert, mandate and day."""

    # No index of their own: the unique (expert, date, mandate) and the (mandate, date, hours)
    # indexes lead with these columns, and every extra index slows imports.
    expert = models.ForeignKey(
        "staff.Expert",
        verbose_name=_("expert"),
        on_delete=models.PROTECT,
        db_index=False,
        related_name="time_entries",
    )
    mandate = models.ForeignKey(
        "mandates.Mandate",
        verbose_name=_("mandat"),
        on_delete=models.PROTECT,
        db_index=False,
        related_name="time_entries",
    )
    date = models.DateField(_("date"))
    hours = models.DecimalField(_("heures"), max_digits=4, decimal_places=2)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = _("entrée de temps")
        verbose_name_plural = _("entrées de temps")
        constraints = [
            # Also serves "an expert's hours on a day" (expert, date) lookups.
            models.UniqueConstraint(
                fields=["expert", "date", "mandate"],
                name="time_entry_one_per_expert_day_mandate",
                violation_error_message=_(
                    "Cet expert a déjà une entrée sur ce mandat à cette date."
                ),
            ),
            models.CheckConstraint(
                condition=Q(hours__gt=0) & Q(hours__lte=MAX_HOURS_PER_DAY),
                name="time_entry_hours_between_0_and_24",
                violation_error_message=_("Les heures doivent être plus de 0 et au plus 24."),
            ),
        ]
        indexes = [
            # Every KPI reads hours by mandate over a date range: this index covers them.
            models.Index(fields=["mandate", "date", "hours"], name="time_entry_mandate_date_idx"),
            models.Index(fields=["date", "hours"], name="time_entry_date_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.expert} – {self.mandate.code} – {self.date} – {self.hours} h"


class PeriodKind(models.TextChoices):
    MONTH = "month", _("mois")
    FISCAL_YEAR = "fiscal_year", _("exercice financier")


class PeriodLock(TimeStampedModel):
    """A closed month or fiscal year: its time entries can be neither added, changed nor deleted.

    Services refuse such changes with a message; database triggers (migration 0002) refuse them
    even from code that bypasses the services.
    """

    kind = models.CharField(_("type de période"), max_length=20, choices=PeriodKind.choices)
    start = models.DateField(_("premier jour"))
    end = models.DateField(_("dernier jour"))
    fiscal_year = models.ForeignKey(
        "core.FiscalYear",
        verbose_name=_("exercice financier"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="locks",
    )
    locked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("verrouillé par"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    reason = models.CharField(_("motif"), max_length=255, blank=True)

    class Meta:
        ordering = ["start"]
        verbose_name = _("période verrouillée")
        verbose_name_plural = _("périodes verrouillées")
        constraints = [
            models.UniqueConstraint(
                fields=["start", "end"],
                name="period_lock_once",
                violation_error_message=_("Cette période est déjà verrouillée."),
            ),
            models.CheckConstraint(
                condition=Q(end__gte=F("start")),
                name="period_lock_ends_after_it_starts",
                violation_error_message=_("La période se termine avant de commencer."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.start} – {self.end}"
