"""Governance (vie associative): the meetings of the co-op's bodies and its board's seats."""

from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from consortium.core.models import TimeStampedModel


class MeetingKind(models.TextChoices):
    AGM = "agm", _("assemblée générale annuelle")
    BOARD = "board", _("conseil d'administration")
    EXECUTIVE = "executive", _("comité exécutif")


class BoardRole(models.TextChoices):
    PRESIDENT = "president", _("président(e)")
    VICE_PRESIDENT = "vice_president", _("vice-président(e)")
    SECRETARY_TREASURER = "secretary_treasurer", _("secrétaire-trésorier(ère)")
    DIRECTOR = "director", _("administrateur(trice)")


# The officers sit on the executive committee by office; a director may too, if elected to it.
OFFICER_ROLES = (BoardRole.PRESIDENT, BoardRole.VICE_PRESIDENT, BoardRole.SECRETARY_TREASURER)


class Meeting(TimeStampedModel):
    """One meeting of the general assembly, the board or the executive committee."""

    kind = models.CharField(_("instance"), max_length=20, choices=MeetingKind.choices)
    date = models.DateField(_("date"))
    title = models.CharField(_("titre"), max_length=255, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    agenda = models.TextField(_("ordre du jour"), blank=True)
    minutes = models.FileField(
        _("procès-verbal"),
        upload_to="governance/minutes/%Y/",
        blank=True,
        validators=[
            FileExtensionValidator(["pdf"], _("Le procès-verbal doit être un fichier PDF."))
        ],
        help_text=_("Un fichier PDF."),
    )

    class Meta:
        ordering = ["date", "kind"]
        verbose_name = _("rencontre")
        verbose_name_plural = _("rencontres")
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=[choice.value for choice in MeetingKind]),
                name="meeting_kind_is_known",
                violation_error_message=_("Instance inconnue."),
            ),
            models.UniqueConstraint(
                fields=["kind", "date"],
                name="meeting_one_per_kind_and_day",
                violation_error_message=_("Cette instance a déjà une rencontre ce jour-là."),
            ),
        ]
        indexes = [models.Index(fields=["date"], name="meeting_date_idx")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} – {self.date.isoformat()}"


class BoardSeat(TimeStampedModel):
    """A seat on the board for one term: its role, the organisation it represents, its holders
    (one person, or two who share it)."""

    role = models.CharField(_("fonction"), max_length=30, choices=BoardRole.choices)
    is_executive = models.BooleanField(_("membre du comité exécutif"), default=False)
    organisation = models.ForeignKey(
        "members.Organisation",
        verbose_name=_("organisation représentée"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="board_seats",
    )
    term_start = models.DateField(_("début du mandat"))
    term_end = models.DateField(
        _("fin du mandat"), null=True, blank=True, help_text=_("Dernier jour; vide si en cours.")
    )
    order = models.PositiveSmallIntegerField(
        _("ordre d'affichage"), default=0, help_text=_("La présidence d'abord.")
    )

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("siège au conseil d'administration")
        verbose_name_plural = _("sièges au conseil d'administration")
        constraints = [
            models.CheckConstraint(
                condition=Q(role__in=[choice.value for choice in BoardRole]),
                name="board_seat_role_is_known",
                violation_error_message=_("Fonction inconnue."),
            ),
            models.CheckConstraint(
                condition=Q(term_end__isnull=True) | Q(term_end__gte=F("term_start")),
                name="board_seat_term_ends_after_it_starts",
                violation_error_message=_("Un mandat ne peut finir avant de commencer."),
            ),
        ]
        indexes = [models.Index(fields=["term_start", "term_end"], name="board_seat_term_idx")]

    def __str__(self) -> str:
        return f"{self.get_role_display()} ({self.term_start.isoformat()})"

    def clean(self) -> None:
        if self.role in OFFICER_ROLES and not self.is_executive:
            raise ValidationError({"is_executive": _("Les dirigeants siègent au comité exécutif.")})


class BoardSeatHolder(TimeStampedModel):
    """A person who holds a seat (two people may share one)."""

    seat = models.ForeignKey(
        BoardSeat, verbose_name=_("siège"), on_delete=models.CASCADE, related_name="holders"
    )
    first_name = models.CharField(_("prénom"), max_length=100)
    last_name = models.CharField(_("nom"), max_length=100)

    class Meta:
        ordering = ["seat", "pk"]
        verbose_name = _("titulaire d'un siège")
        verbose_name_plural = _("titulaires d'un siège")

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"


class Attendance(TimeStampedModel):
    """A person present at a meeting: a seat holder, or someone else named (a guest, staff)."""

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("rencontre"), on_delete=models.CASCADE, related_name="attendances"
    )
    holder = models.ForeignKey(
        BoardSeatHolder,
        verbose_name=_("titulaire d'un siège"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="attendances",
    )
    name = models.CharField(_("nom"), max_length=200, blank=True)

    class Meta:
        ordering = ["meeting", "pk"]
        verbose_name = _("présence")
        verbose_name_plural = _("présences")
        constraints = [
            models.CheckConstraint(
                condition=(Q(holder__isnull=False) & Q(name=""))
                | (Q(holder__isnull=True) & ~Q(name="")),
                name="attendance_holder_or_name",
                violation_error_message=_(
                    "Une présence nomme un titulaire de siège ou une autre personne."
                ),
            ),
            models.UniqueConstraint(
                fields=["meeting", "holder"],
                name="attendance_one_per_holder",
                violation_error_message=_("Cette personne est déjà présente."),
            ),
        ]

    def __str__(self) -> str:
        return self.holder.full_name if self.holder_id else self.name


class ResolutionOutcome(models.TextChoices):
    ADOPTED = "adopted", _("adoptée")
    REJECTED = "rejected", _("rejetée")


class Resolution(TimeStampedModel):
    """A resolution put to a meeting, adopted or rejected."""

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("rencontre"), on_delete=models.CASCADE, related_name="resolutions"
    )
    number = models.CharField(_("numéro"), max_length=30)
    text = models.TextField(_("texte"))
    outcome = models.CharField(
        _("décision"),
        max_length=10,
        choices=ResolutionOutcome.choices,
        default=ResolutionOutcome.ADOPTED,
    )

    class Meta:
        ordering = ["meeting", "pk"]
        verbose_name = _("résolution")
        verbose_name_plural = _("résolutions")
        constraints = [
            models.CheckConstraint(
                condition=Q(outcome__in=[choice.value for choice in ResolutionOutcome]),
                name="resolution_outcome_is_known",
                violation_error_message=_("Décision inconnue."),
            ),
            models.UniqueConstraint(
                fields=["meeting", "number"],
                name="resolution_number_once_per_meeting",
                violation_error_message=_("Cette rencontre a déjà une résolution de ce numéro."),
            ),
        ]

    def __str__(self) -> str:
        return self.number
