"""The report's own words: the messages, the mission, the vision and the year's objectives."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from consortium.core.languages import english_is_active
from consortium.core.models import TimeStampedModel


class ReportSection(models.TextChoices):
    PRESIDENT_MESSAGE = "president_message", _("mot de la présidence")
    GENERAL_MANAGER_MESSAGE = "general_manager_message", _("mot de la direction générale")
    MISSION = "mission", _("mission")
    VISION = "vision", _("vision")
    OBJECTIVES = "objectives", _("objectifs de l'année")


MESSAGE_SECTIONS = (ReportSection.PRESIDENT_MESSAGE, ReportSection.GENERAL_MANAGER_MESSAGE)


class ReportText(TimeStampedModel):
    """One written section of one year's report, in French and in English.

    The body is plain text: paragraphs separated by a blank line; the objectives, one per line.
    """

    # The texts belong to that year's report: they go with the year (whose deletion the
    # ledger and the finance records already refuse while they hold data).
    fiscal_year = models.ForeignKey(
        "core.FiscalYear",
        on_delete=models.CASCADE,
        related_name="report_texts",
        verbose_name=_("exercice financier"),
    )
    section = models.CharField(_("section"), max_length=30, choices=ReportSection.choices)
    title_fr = models.CharField(_("titre (français)"), max_length=200, blank=True)
    title_en = models.CharField(_("titre (anglais)"), max_length=200, blank=True)
    body_fr = models.TextField(_("texte (français)"))
    body_en = models.TextField(_("texte (anglais)"), blank=True)
    signatory_name = models.CharField(_("signataire"), max_length=200, blank=True)
    signatory_title_fr = models.CharField(
        _("fonction du signataire (français)"), max_length=200, blank=True
    )
    signatory_title_en = models.CharField(
        _("fonction du signataire (anglais)"), max_length=200, blank=True
    )

    class Meta:
        ordering = ["fiscal_year", "section"]
        verbose_name = _("texte du rapport")
        verbose_name_plural = _("textes du rapport")
        constraints = [
            models.UniqueConstraint(
                fields=["fiscal_year", "section"],
                name="report_text_one_per_year_and_section",
                violation_error_message=_("Cette section a déjà un texte pour cet exercice."),
            ),
            models.CheckConstraint(
                condition=Q(section__in=[s.value for s in MESSAGE_SECTIONS])
                | Q(signatory_name="", signatory_title_fr="", signatory_title_en=""),
                name="report_text_signatory_only_on_messages",
                violation_error_message=_(
                    "Seuls les mots de la présidence et de la direction générale sont signés."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.fiscal_year} – {self.get_section_display()}"

    def clean(self) -> None:
        if self.section in MESSAGE_SECTIONS and not self.signatory_name.strip():
            raise ValidationError(
                {"signatory_name": _("Un mot de la présidence ou de la direction est signé.")}
            )

    def _in_language(self, field: str) -> str:
        french = getattr(self, f"{field}_fr")
        if english_is_active():
            return getattr(self, f"{field}_en") or french
        return french

    @property
    def title(self) -> str:
        return self._in_language("title")

    @property
    def body(self) -> str:
        return self._in_language("body")

    @property
    def signatory_title(self) -> str:
        return self._in_language("signatory_title")

    @property
    def paragraphs(self) -> list[str]:
        """The body's paragraphs (separated by blank lines), each on one line."""
        blocks = self.body.replace("\r\n", "\n").split("\n\n")
        return [" ".join(block.split()) for block in blocks if block.strip()]

    @property
    def lines(self) -> list[str]:
        """The body's non-empty lines (the objectives)."""
        return [line.strip() for line in self.body.splitlines() if line.strip()]


class ReportPreparation(TimeStampedModel):
    """A year's report, prepared: someone looked at what its records hold and published it."""

    fiscal_year = models.OneToOneField(
        "core.FiscalYear",
        on_delete=models.CASCADE,
        related_name="report_preparation",
        verbose_name=_("exercice financier"),
    )
    prepared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("préparé par"),
    )

    class Meta:
        ordering = ["-fiscal_year__start_date"]
        verbose_name = _("rapport préparé")
        verbose_name_plural = _("rapports préparés")

    def __str__(self) -> str:
        return str(self.fiscal_year)


class ReportPdfStatus(models.TextChoices):
    QUEUED = "queued", _("en file")
    RUNNING = "running", _("en préparation")
    DONE = "done", _("prêt")
    FAILED = "failed", _("échec")


class ReportPdf(TimeStampedModel):
    """A year's report as a PDF, built by the task queue's worker (reports/tasks.py) rather than
    in a request: its progress while it is built, then its bytes (kept in the database, so any
    app server can serve what any worker built)."""

    fiscal_year = models.ForeignKey(
        "core.FiscalYear",
        on_delete=models.CASCADE,
        related_name="report_pdfs",
        verbose_name=_("exercice financier"),
    )
    language = models.CharField(_("langue"), max_length=2, choices=settings.LANGUAGES)
    status = models.CharField(
        _("état"), max_length=10, choices=ReportPdfStatus.choices, default=ReportPdfStatus.QUEUED
    )
    progress = models.PositiveSmallIntegerField(_("avancement (%)"), default=0)
    error = models.TextField(_("erreur"), blank=True)
    content = models.BinaryField(_("PDF"), blank=True, default=b"")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("demandé par"),
    )
    finished_at = models.DateTimeField(_("terminé le"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("PDF du rapport")
        verbose_name_plural = _("PDF des rapports")
        constraints = [
            models.CheckConstraint(
                condition=Q(progress__lte=100),
                name="report_pdf_progress_at_most_100",
                violation_error_message=_("L'avancement ne dépasse pas 100 %."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.fiscal_year} ({self.language}) – {self.get_status_display()}"

    @property
    def finished(self) -> bool:
        return self.status in (ReportPdfStatus.DONE, ReportPdfStatus.FAILED)

    @property
    def filename(self) -> str:
        return f"rapport-activites-{self.fiscal_year}-{self.language}.pdf"
