"""The online organisational diagnostic: a questionnaire in sections, the diagnostics member
organisations take with it, the scores kept when they finish, and the service requests the
result leads to.

A questionnaire with finished diagnostics is never changed under them: its services refuse
(`diagnostics.services.questionnaires`), and staff copy it into a new version to change it.
The section scores are stored at finish too, so a finished result reads the same forever.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from consortium.core.languages import in_active_language
from consortium.core.models import TimeStampedModel

PERCENT = {"max_digits": 5, "decimal_places": 2}
PERCENT_VALIDATORS = [MinValueValidator(0), MaxValueValidator(100)]


class Questionnaire(TimeStampedModel):
    """One version of the diagnostic's questions; one is active (offered to members) at a time."""

    title_fr = models.CharField(_("titre (français)"), max_length=200)
    title_en = models.CharField(_("titre (anglais)"), max_length=200, blank=True)
    version = models.PositiveIntegerField(_("version"), default=1)
    is_active = models.BooleanField(
        _("actif"), default=False, help_text=_("Le questionnaire offert aux membres (un seul).")
    )

    class Meta:
        ordering = ["-version"]
        verbose_name = _("questionnaire de diagnostic")
        verbose_name_plural = _("questionnaires de diagnostic")
        constraints = [
            models.UniqueConstraint(
                fields=["is_active"],
                condition=Q(is_active=True),
                name="diagnostic_questionnaire_one_active",
                violation_error_message=_("Un seul questionnaire peut être actif à la fois."),
            ),
            models.UniqueConstraint(
                fields=["version"],
                name="diagnostic_questionnaire_version_unique",
                violation_error_message=_("Cette version de questionnaire existe déjà."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} (v{self.version})"

    @property
    def title(self) -> str:
        return in_active_language(self.title_fr, self.title_en)


class Section(TimeStampedModel):
    """A field of the centre (governance, finance…): under its threshold, its services are
    offered to the organisation."""

    questionnaire = models.ForeignKey(
        Questionnaire,
        verbose_name=_("questionnaire"),
        on_delete=models.CASCADE,
        related_name="sections",
    )
    position = models.PositiveSmallIntegerField(_("position"))
    code = models.SlugField(_("code"), max_length=30)
    title_fr = models.CharField(_("titre (français)"), max_length=200)
    title_en = models.CharField(_("titre (anglais)"), max_length=200, blank=True)
    threshold_pct = models.DecimalField(
        _("seuil (%)"),
        **PERCENT,
        default=60,
        validators=PERCENT_VALIDATORS,
        help_text=_("Sous ce score, les services de la section sont offerts."),
    )
    mandate_types = models.ManyToManyField(
        "mandates.MandateType",
        verbose_name=_("types de mandat offerts"),
        blank=True,
        related_name="diagnostic_sections",
    )
    departments = models.ManyToManyField(
        "staff.Department",
        verbose_name=_("départements offerts"),
        blank=True,
        related_name="diagnostic_sections",
    )

    class Meta:
        ordering = ["questionnaire", "position"]
        verbose_name = _("section")
        verbose_name_plural = _("sections")
        constraints = [
            models.UniqueConstraint(
                fields=["questionnaire", "code"],
                name="diagnostic_section_code_unique",
                violation_error_message=_("Ce questionnaire a déjà une section de ce code."),
            ),
            models.UniqueConstraint(
                fields=["questionnaire", "position"],
                name="diagnostic_section_position_unique",
                violation_error_message=_("Ce questionnaire a déjà une section à cette position."),
            ),
            models.CheckConstraint(
                condition=Q(threshold_pct__gte=0) & Q(threshold_pct__lte=100),
                name="diagnostic_section_threshold_percent",
                violation_error_message=_("Le seuil est un pourcentage entre 0 et 100."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return in_active_language(self.title_fr, self.title_en)


class Question(TimeStampedModel):
    section = models.ForeignKey(
        Section, verbose_name=_("section"), on_delete=models.CASCADE, related_name="questions"
    )
    position = models.PositiveSmallIntegerField(_("position"))
    text_fr = models.TextField(_("question (français)"))
    text_en = models.TextField(_("question (anglais)"), blank=True)
    help_fr = models.TextField(_("aide (français)"), blank=True)
    help_en = models.TextField(_("aide (anglais)"), blank=True)
    weight = models.DecimalField(
        _("poids"),
        max_digits=5,
        decimal_places=2,
        default=1,
        validators=[MinValueValidator(0.01)],
        help_text=_("Importance de la question dans sa section (positif)."),
    )
    allows_not_applicable = models.BooleanField(_("permet « Ne s'applique pas »"), default=False)

    class Meta:
        ordering = ["section", "position"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        constraints = [
            models.UniqueConstraint(
                fields=["section", "position"],
                name="diagnostic_question_position_unique",
                violation_error_message=_("Cette section a déjà une question à cette position."),
            ),
            models.CheckConstraint(
                condition=Q(weight__gt=0),
                name="diagnostic_question_weight_positive",
                violation_error_message=_("Le poids d'une question est positif."),
            ),
        ]

    def __str__(self) -> str:
        return self.text

    @property
    def text(self) -> str:
        return in_active_language(self.text_fr, self.text_en)

    @property
    def help(self) -> str:
        return in_active_language(self.help_fr, self.help_en)


class Option(TimeStampedModel):
    """One answer to a question, worth its points (a question's maximum is its best option)."""

    question = models.ForeignKey(
        Question, verbose_name=_("question"), on_delete=models.CASCADE, related_name="options"
    )
    position = models.PositiveSmallIntegerField(_("position"))
    label_fr = models.CharField(_("réponse (français)"), max_length=255)
    label_en = models.CharField(_("réponse (anglais)"), max_length=255, blank=True)
    points = models.DecimalField(
        _("points"), max_digits=5, decimal_places=2, validators=[MinValueValidator(0)]
    )

    class Meta:
        ordering = ["question", "position"]
        verbose_name = _("choix de réponse")
        verbose_name_plural = _("choix de réponse")
        constraints = [
            models.UniqueConstraint(
                fields=["question", "position"],
                name="diagnostic_option_position_unique",
                violation_error_message=_("Cette question a déjà un choix à cette position."),
            ),
            models.CheckConstraint(
                condition=Q(points__gte=0),
                name="diagnostic_option_points_not_negative",
                violation_error_message=_("Les points d'un choix ne peuvent être négatifs."),
            ),
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        return in_active_language(self.label_fr, self.label_en)


class Band(TimeStampedModel):
    """A reading of a score: from `lower_pct` (included) to `upper_pct` (excluded, except for
    the band that ends at 100, which includes it). A questionnaire's bands cover 0-100 % with no
    gap and no overlap (`diagnostics.rules.band_problems`, checked on every change)."""

    questionnaire = models.ForeignKey(
        Questionnaire,
        verbose_name=_("questionnaire"),
        on_delete=models.CASCADE,
        related_name="bands",
    )
    lower_pct = models.DecimalField(_("de (%)"), **PERCENT, validators=PERCENT_VALIDATORS)
    upper_pct = models.DecimalField(_("à (%)"), **PERCENT, validators=PERCENT_VALIDATORS)
    label_fr = models.CharField(_("libellé (français)"), max_length=100)
    label_en = models.CharField(_("libellé (anglais)"), max_length=100, blank=True)
    description_fr = models.TextField(_("description (français)"), blank=True)
    description_en = models.TextField(_("description (anglais)"), blank=True)

    class Meta:
        ordering = ["questionnaire", "lower_pct"]
        verbose_name = _("palier")
        verbose_name_plural = _("paliers")
        constraints = [
            models.CheckConstraint(
                condition=Q(lower_pct__gte=0)
                & Q(upper_pct__lte=100)
                & Q(lower_pct__lt=F("upper_pct")),
                name="diagnostic_band_bounds",
                violation_error_message=_(
                    "Un palier va d'un pourcentage à un plus grand, entre 0 et 100."
                ),
            ),
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        return in_active_language(self.label_fr, self.label_en)

    @property
    def description(self) -> str:
        return in_active_language(self.description_fr, self.description_en)


class DiagnosticStatus(models.TextChoices):
    DRAFT = "draft", _("en cours")
    FINISHED = "finished", _("terminé")


class Diagnostic(TimeStampedModel):
    """One organisation's run through a questionnaire; colleagues of the organisation resume
    the same draft (one draft per organisation at a time)."""

    organisation = models.ForeignKey(
        "members.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="diagnostics",
    )
    questionnaire = models.ForeignKey(
        Questionnaire,
        verbose_name=_("questionnaire"),
        on_delete=models.PROTECT,
        related_name="diagnostics",
    )
    status = models.CharField(
        _("statut"),
        max_length=20,
        choices=DiagnosticStatus.choices,
        default=DiagnosticStatus.DRAFT,
    )
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("commencé par"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    finished_at = models.DateTimeField(_("terminé le"), null=True, blank=True)
    finished_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("terminé par"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    overall_pct = models.DecimalField(
        _("score global (%)"), **PERCENT, null=True, blank=True, validators=PERCENT_VALIDATORS
    )

    class Meta:
        ordering = ["organisation", "-created_at"]
        verbose_name = _("diagnostic")
        verbose_name_plural = _("diagnostics")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation"],
                condition=Q(status="draft"),
                name="diagnostic_one_draft_per_organisation",
                violation_error_message=_("Cette organisation a déjà un diagnostic en cours."),
            ),
            models.CheckConstraint(
                condition=Q(status__in=["draft", "finished"]),
                name="diagnostic_status_is_known",
                violation_error_message=_("Statut de diagnostic inconnu."),
            ),
            models.CheckConstraint(
                condition=Q(status="draft") | Q(finished_at__isnull=False),
                name="diagnostic_finished_has_a_date",
                violation_error_message=_("Un diagnostic terminé a une date de fin."),
            ),
        ]
        indexes = [
            models.Index(fields=["status", "finished_at"], name="diagnostic_finished_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} – {self.get_status_display()}"

    @property
    def is_finished(self) -> bool:
        return self.status == DiagnosticStatus.FINISHED


class DiagnosticAnswer(TimeStampedModel):
    """The option chosen for one question, or « ne s'applique pas »."""

    diagnostic = models.ForeignKey(
        Diagnostic, verbose_name=_("diagnostic"), on_delete=models.CASCADE, related_name="answers"
    )
    question = models.ForeignKey(
        Question, verbose_name=_("question"), on_delete=models.CASCADE, related_name="answers"
    )
    option = models.ForeignKey(
        Option,
        verbose_name=_("choix"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="answers",
    )
    not_applicable = models.BooleanField(_("ne s'applique pas"), default=False)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("répondu par"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["diagnostic", "question"]
        verbose_name = _("réponse")
        verbose_name_plural = _("réponses")
        constraints = [
            models.UniqueConstraint(
                fields=["diagnostic", "question"],
                name="diagnostic_answer_one_per_question",
                violation_error_message=_("Cette question a déjà une réponse dans ce diagnostic."),
            ),
            models.CheckConstraint(
                condition=(Q(option__isnull=False) & Q(not_applicable=False))
                | (Q(option__isnull=True) & Q(not_applicable=True)),
                name="diagnostic_answer_option_or_not_applicable",
                violation_error_message=_(
                    "Une réponse est un choix ou « ne s'applique pas », pas les deux."
                ),
            ),
        ]


class SectionScore(models.Model):
    """A section's score, kept when the diagnostic finished (None: nothing was answered)."""

    diagnostic = models.ForeignKey(
        Diagnostic, verbose_name=_("diagnostic"), on_delete=models.CASCADE, related_name="scores"
    )
    section = models.ForeignKey(
        Section, verbose_name=_("section"), on_delete=models.PROTECT, related_name="scores"
    )
    score_pct = models.DecimalField(
        _("score (%)"), **PERCENT, null=True, blank=True, validators=PERCENT_VALIDATORS
    )
    answered = models.PositiveSmallIntegerField(_("questions répondues"), default=0)

    class Meta:
        ordering = ["diagnostic", "section__position"]
        verbose_name = _("score de section")
        verbose_name_plural = _("scores de section")
        constraints = [
            models.UniqueConstraint(
                fields=["diagnostic", "section"],
                name="diagnostic_section_score_unique",
                violation_error_message=_("Cette section a déjà son score dans ce diagnostic."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.section} – {self.score_pct}"


class ServiceRequestStatus(models.TextChoices):
    NEW = "new", _("nouvelle")
    ACCEPTED = "accepted", _("acceptée")
    DECLINED = "declined", _("refusée")


class ServiceRequest(TimeStampedModel):
    """A member's request for a service (a mandate type run by a department), most often from a
    section of its diagnostic; the department's director accepts it (a mandate) or declines it."""

    organisation = models.ForeignKey(
        "members.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="service_requests",
    )
    diagnostic = models.ForeignKey(
        Diagnostic,
        verbose_name=_("diagnostic"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="service_requests",
    )
    section = models.ForeignKey(
        Section,
        verbose_name=_("section"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="service_requests",
    )
    mandate_type = models.ForeignKey(
        "mandates.MandateType",
        verbose_name=_("type de mandat"),
        on_delete=models.PROTECT,
        related_name="service_requests",
    )
    department = models.ForeignKey(
        "staff.Department",
        verbose_name=_("département"),
        on_delete=models.PROTECT,
        related_name="service_requests",
    )
    message = models.TextField(_("message"), blank=True)
    status = models.CharField(
        _("statut"),
        max_length=20,
        choices=ServiceRequestStatus.choices,
        default=ServiceRequestStatus.NEW,
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("demandé par"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    requested_at = models.DateTimeField(_("demandé le"))
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("décidé par"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("décidé le"), null=True, blank=True)
    decline_reason = models.TextField(_("motif du refus"), blank=True)
    mandate = models.ForeignKey(
        "mandates.Mandate",
        verbose_name=_("mandat"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="service_requests",
    )

    class Meta:
        ordering = ["-requested_at"]
        verbose_name = _("demande de service")
        verbose_name_plural = _("demandes de service")
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["new", "accepted", "declined"]),
                name="service_request_status_is_known",
                violation_error_message=_("Statut de demande inconnu."),
            ),
            models.CheckConstraint(
                condition=Q(status="new") | Q(decided_at__isnull=False),
                name="service_request_decision_dated",
                violation_error_message=_("Une demande décidée a une date de décision."),
            ),
        ]
        indexes = [
            models.Index(fields=["department", "status"], name="service_request_inbox_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} – {self.mandate_type}"
