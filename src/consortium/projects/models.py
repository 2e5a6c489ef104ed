"""Structuring projects (projets structurants): funded projects, their volets and deliverables."""

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from consortium.core.codes import code_constraint, validate_code
from consortium.core.languages import english_is_active
from consortium.core.models import TimeStampedModel


def _in_active_language(french: str, english: str) -> str:
    if english_is_active() and english:
        return english
    return french


class DeliverableStatus(models.TextChoices):
    PLANNED = "planned", _("prévu")
    IN_PROGRESS = "in_progress", _("en cours")
    DONE = "done", _("réalisé")


class StructuringProject(TimeStampedModel):
    """A project funded by a programme, run by the centre for its members or itself."""

    code = models.CharField(_("code"), max_length=30, unique=True, validators=[validate_code])
    title = models.CharField(_("titre"), max_length=255)
    funder = models.CharField(_("bailleur de fonds"), max_length=200)
    programme = models.CharField(_("programme"), max_length=200, blank=True)
    amount = models.DecimalField(_("montant"), max_digits=12, decimal_places=2)
    start = models.DateField(_("début"))
    end = models.DateField(_("fin"), null=True, blank=True, help_text=_("Vide si en cours."))
    description_fr = models.TextField(_("description (français)"), blank=True)
    description_en = models.TextField(_("description (anglais)"), blank=True)

    class Meta:
        ordering = ["start", "code"]
        verbose_name = _("projet structurant")
        verbose_name_plural = _("projets structurants")
        constraints = [
            code_constraint(),
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gte=F("start")),
                name="structuring_project_ends_after_it_starts",
                violation_error_message=_("Un projet ne peut finir avant de commencer."),
            ),
            models.CheckConstraint(
                condition=Q(amount__gte=0),
                name="structuring_project_amount_is_not_negative",
                violation_error_message=_("Le montant ne peut être négatif."),
            ),
        ]
        indexes = [models.Index(fields=["start", "end"], name="structuring_project_dates_idx")]

    def __str__(self) -> str:
        return f"{self.code} – {self.title}"

    @property
    def description(self) -> str:
        return _in_active_language(self.description_fr, self.description_en)


class ProjectPhase(TimeStampedModel):
    """A volet of a project."""

    project = models.ForeignKey(
        StructuringProject,
        verbose_name=_("projet"),
        on_delete=models.CASCADE,
        related_name="phases",
    )
    order = models.PositiveSmallIntegerField(_("ordre"))
    title_fr = models.CharField(_("titre (français)"), max_length=255)
    title_en = models.CharField(_("titre (anglais)"), max_length=255, blank=True)

    class Meta:
        ordering = ["project", "order"]
        verbose_name = _("volet")
        verbose_name_plural = _("volets")
        constraints = [
            models.UniqueConstraint(
                fields=["project", "order"],
                name="project_phase_one_per_order",
                violation_error_message=_("Ce projet a déjà un volet à ce rang."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.project.code} – {self.order}. {self.title}"

    @property
    def title(self) -> str:
        return _in_active_language(self.title_fr, self.title_en)


class Deliverable(TimeStampedModel):
    """A deliverable of a volet, with how far along it is."""

    phase = models.ForeignKey(
        ProjectPhase,
        verbose_name=_("volet"),
        on_delete=models.CASCADE,
        related_name="deliverables",
    )
    order = models.PositiveSmallIntegerField(_("ordre"))
    title_fr = models.CharField(_("titre (français)"), max_length=255)
    title_en = models.CharField(_("titre (anglais)"), max_length=255, blank=True)
    status = models.CharField(
        _("état"),
        max_length=20,
        choices=DeliverableStatus.choices,
        default=DeliverableStatus.PLANNED,
    )

    class Meta:
        ordering = ["phase", "order"]
        verbose_name = _("livrable")
        verbose_name_plural = _("livrables")
        constraints = [
            models.UniqueConstraint(
                fields=["phase", "order"],
                name="deliverable_one_per_order",
                violation_error_message=_("Ce volet a déjà un livrable à ce rang."),
            ),
            models.CheckConstraint(
                condition=Q(status__in=[choice.value for choice in DeliverableStatus]),
                name="deliverable_status_is_known",
                violation_error_message=_("État inconnu."),
            ),
        ]
        indexes = [models.Index(fields=["status"], name="deliverable_status_idx")]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return _in_active_language(self.title_fr, self.title_en)
