"""Structuring projects (projets structurants): funded projects, their volets and deliverables."""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
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


class ValidationState(models.TextChoices):
    """Where a deliverable stands in its validation (rules.TRANSITIONS says how it moves)."""

    DRAFT = "draft", _("brouillon")
    IN_REVIEW = "in_review", _("en révision")
    VALIDATED = "validated", _("validé")
    RETURNED = "returned", _("retourné")


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
    planned_hours = models.DecimalField(
        _("heures prévues"), max_digits=8, decimal_places=2, default=Decimal("0")
    )
    mandates = models.ManyToManyField(
        "mandates.Mandate",
        verbose_name=_("mandats"),
        through="PhaseMandate",
        related_name="project_phases",
        blank=True,
    )

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
            models.CheckConstraint(
                condition=Q(planned_hours__gte=0),
                name="project_phase_planned_hours_not_negative",
                violation_error_message=_("Les heures prévues ne peuvent être négatives."),
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
    owner = models.ForeignKey(
        "staff.Expert",
        verbose_name=_("responsable"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="deliverables",
    )
    due_date = models.DateField(_("échéance"), null=True, blank=True)
    validation_state = models.CharField(
        _("validation"),
        max_length=20,
        choices=ValidationState.choices,
        default=ValidationState.DRAFT,
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("auteur"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="authored_deliverables",
        help_text=_("Qui l'a soumis en révision ; ne peut le valider."),
    )
    validated_at = models.DateTimeField(_("validé le"), null=True, blank=True)

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
            models.CheckConstraint(
                condition=Q(validation_state__in=[choice.value for choice in ValidationState]),
                name="deliverable_validation_state_is_known",
                violation_error_message=_("État de validation inconnu."),
            ),
        ]
        indexes = [models.Index(fields=["status"], name="deliverable_status_idx")]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return _in_active_language(self.title_fr, self.title_en)


class PhaseMandate(models.Model):
    """A mandate whose hours are charged to a volet: a mandate counts for one volet only."""

    phase = models.ForeignKey(
        ProjectPhase, verbose_name=_("volet"), on_delete=models.CASCADE, related_name="links"
    )
    mandate = models.OneToOneField(
        "mandates.Mandate",
        verbose_name=_("mandat"),
        on_delete=models.PROTECT,
        related_name="project_link",
        error_messages={"unique": _("Ce mandat est déjà imputé à un volet.")},
    )

    class Meta:
        verbose_name = _("mandat du volet")
        verbose_name_plural = _("mandats des volets")

    def __str__(self) -> str:
        return f"{self.phase} – {self.mandate_id}"


class ChecklistItem(TimeStampedModel):
    """A point the project asks a validator to check on every deliverable."""

    project = models.ForeignKey(
        StructuringProject,
        verbose_name=_("projet"),
        on_delete=models.CASCADE,
        related_name="checklist",
    )
    order = models.PositiveSmallIntegerField(_("ordre"))
    label_fr = models.CharField(_("point (français)"), max_length=255)
    label_en = models.CharField(_("point (anglais)"), max_length=255, blank=True)

    class Meta:
        ordering = ["project", "order"]
        verbose_name = _("point de contrôle")
        verbose_name_plural = _("points de contrôle")
        constraints = [
            models.UniqueConstraint(
                fields=["project", "order"],
                name="checklist_item_one_per_order",
                violation_error_message=_("Ce projet a déjà un point de contrôle à ce rang."),
            ),
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        return _in_active_language(self.label_fr, self.label_en)


class DeliverableStep(models.Model):
    """One move of a deliverable's validation: who, when, from which state to which, why."""

    deliverable = models.ForeignKey(
        Deliverable, verbose_name=_("livrable"), on_delete=models.CASCADE, related_name="steps"
    )
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("par"),
        on_delete=models.PROTECT,
        related_name="deliverable_steps",
    )
    at = models.DateTimeField(_("le"))
    from_state = models.CharField(_("de"), max_length=20, choices=ValidationState.choices)
    to_state = models.CharField(_("à"), max_length=20, choices=ValidationState.choices)
    comment = models.TextField(_("commentaire"), blank=True)
    ticked = models.ManyToManyField(
        ChecklistItem, verbose_name=_("points cochés"), blank=True, related_name="steps"
    )

    class Meta:
        ordering = ["deliverable", "at", "id"]
        verbose_name = _("étape de validation")
        verbose_name_plural = _("étapes de validation")
        constraints = [
            models.CheckConstraint(
                condition=~Q(to_state=ValidationState.RETURNED) | ~Q(comment=""),
                name="deliverable_step_return_has_reason",
                violation_error_message=_("Un livrable retourné doit l'être avec une raison."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.deliverable} : {self.from_state} → {self.to_state}"


class ProjectExpense(TimeStampedModel):
    """Money the project spent, charged to a volet or to the project as a whole."""

    project = models.ForeignKey(
        StructuringProject,
        verbose_name=_("projet"),
        on_delete=models.CASCADE,
        related_name="expenses",
    )
    phase = models.ForeignKey(
        ProjectPhase,
        verbose_name=_("volet"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="expenses",
    )
    date = models.DateField(_("date"))
    description = models.CharField(_("description"), max_length=255)
    amount = models.DecimalField(_("montant"), max_digits=12, decimal_places=2)

    class Meta:
        ordering = ["project", "date", "id"]
        verbose_name = _("dépense")
        verbose_name_plural = _("dépenses")
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__gt=0),
                name="project_expense_amount_is_positive",
                violation_error_message=_("Le montant d'une dépense doit être positif."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.date} – {self.description}"

    def clean(self) -> None:
        if self.phase_id and self.project_id and self.phase.project_id != self.project_id:
            raise ValidationError({"phase": _("Ce volet n'est pas de ce projet.")})
