"""Courses the centre's experts take, and who completed which."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from consortium.core.languages import in_active_language
from consortium.core.models import TimeStampedModel
from consortium.staff.models import Expert


class Course(TimeStampedModel):
    """A training course, titled in French and in English, given by a provider."""

    title_fr = models.CharField(_("titre (français)"), max_length=255)
    title_en = models.CharField(_("titre (anglais)"), max_length=255, blank=True)
    provider = models.CharField(_("formateur ou organisme"), max_length=200, blank=True)
    start = models.DateField(_("début"))
    end = models.DateField(_("fin"), null=True, blank=True)
    hours = models.DecimalField(
        _("heures"),
        max_digits=7,
        decimal_places=2,
        default=Decimal("0"),
        validators=[MinValueValidator(Decimal("0"))],
    )
    cost = models.DecimalField(
        _("coût"),
        max_digits=12,
        decimal_places=2,
        default=Decimal("0"),
        validators=[MinValueValidator(Decimal("0"))],
    )
    funding = models.CharField(
        _("entente de financement"),
        max_length=200,
        blank=True,
        help_text=_("p. ex. FDRCMO – mesure de formation de la main-d'œuvre"),
    )

    class Meta:
        ordering = ["-start", "title_fr"]
        verbose_name = _("formation")
        verbose_name_plural = _("formations")
        constraints = [
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gte=F("start")),
                name="course_ends_after_it_starts",
                violation_error_message=_("Une formation ne peut finir avant de commencer."),
            ),
            models.CheckConstraint(
                condition=Q(hours__gte=0) & Q(cost__gte=0),
                name="course_hours_and_cost_not_negative",
                violation_error_message=_("Les heures et le coût ne peuvent être négatifs."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return in_active_language(self.title_fr, self.title_en)


class TrainingRecord(TimeStampedModel):
    """One expert's completion of one course."""

    expert = models.ForeignKey(
        Expert,
        verbose_name=_("expert"),
        on_delete=models.CASCADE,
        related_name="training_records",
    )
    course = models.ForeignKey(
        Course, verbose_name=_("formation"), on_delete=models.PROTECT, related_name="records"
    )
    completed_on = models.DateField(_("terminée le"))

    class Meta:
        ordering = ["-completed_on"]
        verbose_name = _("formation suivie")
        verbose_name_plural = _("formations suivies")
        constraints = [
            models.UniqueConstraint(
                fields=["expert", "course"],
                name="training_record_one_per_expert_and_course",
                violation_error_message=_("Cet expert a déjà suivi cette formation."),
            ),
        ]
        indexes = [models.Index(fields=["completed_on"], name="training_record_completed_idx")]

    def __str__(self) -> str:
        return f"{self.expert} – {self.course}"

    def clean(self) -> None:
        if self.completed_on is None:
            return
        if self.course_id is not None and self.completed_on < self.course.start:
            raise ValidationError(
                {
                    "completed_on": _("Une formation se termine après son début (%(start)s).")
                    % {"start": self.course.start.isoformat()}
                }
            )
        if self.expert_id is not None and not self.expert.is_employed_on(self.completed_on):
            raise ValidationError(
                {"completed_on": _("L'expert n'était pas à l'emploi du centre à cette date.")}
            )
