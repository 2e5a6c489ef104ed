"""Surveys of the year: member satisfaction (would they recommend the centre?) and the experts'
engagement against a benchmark of similar organisations."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from consortium.core.models import FiscalYear, TimeStampedModel
from consortium.members.models import Organisation

PERCENT_VALIDATORS = [MinValueValidator(0), MaxValueValidator(100)]


class SatisfactionSurvey(TimeStampedModel):
    """The year's survey of member organisations."""

    # A survey is the year's: deleting the year deletes its results with it.
    fiscal_year = models.ForeignKey(
        FiscalYear,
        verbose_name=_("exercice financier"),
        on_delete=models.CASCADE,
        related_name="satisfaction_surveys",
    )
    title = models.CharField(_("titre"), max_length=255)
    sent_on = models.DateField(_("envoyé le"), null=True, blank=True)

    class Meta:
        ordering = ["-fiscal_year__start_date"]
        verbose_name = _("sondage de satisfaction")
        verbose_name_plural = _("sondages de satisfaction")
        constraints = [
            models.UniqueConstraint(
                fields=["fiscal_year"],
                name="satisfaction_survey_one_per_fiscal_year",
                violation_error_message=_("Cet exercice a déjà son sondage de satisfaction."),
            ),
        ]

    def __str__(self) -> str:
        return self.title


class SatisfactionAnswer(TimeStampedModel):
    """One organisation's answer: would it recommend the centre?"""

    survey = models.ForeignKey(
        SatisfactionSurvey,
        verbose_name=_("sondage"),
        on_delete=models.CASCADE,
        related_name="answers",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="satisfaction_answers",
    )
    would_recommend = models.BooleanField(_("recommanderait le Consortium"))

    class Meta:
        ordering = ["survey", "organisation"]
        verbose_name = _("réponse au sondage de satisfaction")
        verbose_name_plural = _("réponses au sondage de satisfaction")
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "organisation"],
                name="satisfaction_answer_one_per_organisation",
                violation_error_message=_("Cette organisation a déjà répondu à ce sondage."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.survey} – {self.organisation}"


class EngagementSurvey(TimeStampedModel):
    """The year's survey of the experts' engagement, with the result of similar organisations."""

    fiscal_year = models.ForeignKey(
        FiscalYear,
        verbose_name=_("exercice financier"),
        on_delete=models.CASCADE,
        related_name="engagement_surveys",
    )
    title = models.CharField(_("titre"), max_length=255)
    benchmark_pct = models.DecimalField(
        _("résultat d'organisations semblables (%)"),
        max_digits=4,
        decimal_places=1,
        null=True,
        blank=True,
        validators=PERCENT_VALIDATORS,
    )

    class Meta:
        ordering = ["-fiscal_year__start_date"]
        verbose_name = _("sondage d'engagement")
        verbose_name_plural = _("sondages d'engagement")
        constraints = [
            models.UniqueConstraint(
                fields=["fiscal_year"],
                name="engagement_survey_one_per_fiscal_year",
                violation_error_message=_("Cet exercice a déjà son sondage d'engagement."),
            ),
            models.CheckConstraint(
                condition=Q(benchmark_pct__isnull=True) | Q(benchmark_pct__range=(0, 100)),
                name="engagement_survey_benchmark_is_a_percentage",
                violation_error_message=_("Le résultat de référence est entre 0 et 100."),
            ),
        ]

    def __str__(self) -> str:
        return self.title


class EngagementResponse(TimeStampedModel):
    """One anonymous response: an engagement score out of 100 (no one is named: Law 25)."""

    survey = models.ForeignKey(
        EngagementSurvey,
        verbose_name=_("sondage"),
        on_delete=models.CASCADE,
        related_name="responses",
    )
    score = models.DecimalField(
        _("score (sur 100)"), max_digits=5, decimal_places=2, validators=PERCENT_VALIDATORS
    )

    class Meta:
        ordering = ["survey", "pk"]
        verbose_name = _("réponse au sondage d'engagement")
        verbose_name_plural = _("réponses au sondage d'engagement")
        constraints = [
            models.CheckConstraint(
                condition=Q(score__range=(0, 100)),
                name="engagement_response_score_is_a_percentage",
                violation_error_message=_("Le score est entre 0 et 100."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.survey} – {self.score}"
