"""The trail of anonymisations (Law 25): who anonymised which row, when — never whose name."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class SubjectKind(models.TextChoices):
    """The kinds of people the platform knows; a new kind of person adds its kind here."""

    EXPERT = "expert", _("expert")
    USER = "user", _("utilisateur")
    REGISTRANT = "registrant", _("inscrit à un événement")
    CONTACT = "contact", _("personne-ressource d'un membre")


class Anonymisation(models.Model):
    """One person's anonymisation: names, e-mail and free text replaced, figures kept.

    `subject_id` is the anonymised row's number, now nameless: the row itself says nothing more
    about who it was, and neither does this one.
    """

    subject_kind = models.CharField(_("type de personne"), max_length=20, choices=SubjectKind)
    subject_id = models.BigIntegerField(_("numéro de la fiche"))
    performed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("anonymisée par"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Vide : la ligne de commande."),
    )
    performed_at = models.DateTimeField(_("anonymisée le"), default=timezone.now)
    forced = models.BooleanField(
        _("forcée"), default=False, help_text=_("La personne était encore en poste ou active.")
    )
    kept_demographics = models.BooleanField(
        _("genre et année de naissance conservés"),
        default=False,
        help_text=_(
            "Ils comptent dans les chiffres d'une période verrouillée : ils restent, sans nom, "
            "pour que ces chiffres ne bougent pas."
        ),
    )

    class Meta:
        ordering = ["-performed_at", "-id"]
        verbose_name = _("anonymisation")
        verbose_name_plural = _("anonymisations")
        constraints = [
            models.UniqueConstraint(
                fields=["subject_kind", "subject_id"],
                name="anonymisation_once_per_subject",
                violation_error_message=_("Cette personne est déjà anonymisée."),
            ),
            models.CheckConstraint(
                condition=Q(subject_kind__in=[choice.value for choice in SubjectKind]),
                name="anonymisation_subject_kind_is_known",
                violation_error_message=_("Type de personne inconnu."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_subject_kind_display()} {self.subject_id} – {self.performed_at:%Y-%m-%d}"
