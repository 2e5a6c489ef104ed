"""Who may do what: the roles a user holds at the centre.

A user may hold several roles (a director who also logs hours is a director and an expert); a
director directs one or more departments. Which expert a user is lives on `staff.Expert.user`.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from consortium.core.models import TimeStampedModel


class RoleKind(models.TextChoices):
    DIRECTOR = "director", _("direction")
    FINANCE = "finance", _("finances")
    EXPERT = "expert", _("expert")
    COMMUNICATIONS = "communications", _("communications")
    ADMINISTRATOR = "administrator", _("administration")


class StaffRole(TimeStampedModel):
    """One role of one user; a director's role names the departments they direct."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("utilisateur"),
        on_delete=models.CASCADE,
        related_name="staff_roles",
    )
    role = models.CharField(_("rôle"), max_length=20, choices=RoleKind.choices)
    departments = models.ManyToManyField(
        "staff.Department",
        verbose_name=_("départements dirigés"),
        blank=True,
        related_name="director_roles",
        help_text=_("Obligatoire pour une direction, vide pour les autres rôles."),
    )

    class Meta:
        ordering = ["user_id", "role"]
        verbose_name = _("rôle")
        verbose_name_plural = _("rôles")
        constraints = [
            # Also serves every "does this user hold this role" lookup.
            models.UniqueConstraint(
                fields=["user", "role"],
                name="staff_role_once_per_user",
                violation_error_message=_("Cet utilisateur a déjà ce rôle."),
            ),
            models.CheckConstraint(
                condition=Q(role__in=[choice.value for choice in RoleKind]),
                name="staff_role_is_known",
                violation_error_message=_("Rôle inconnu."),
            ),
        ]
        indexes = [models.Index(fields=["role"], name="staff_role_role_idx")]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()}"


class MemberContact(TimeStampedModel):
    """A person who represents a member organisation on the portal (`/portail/`).

    A user may represent several organisations; a contact of a federation also reads, without
    changing anything, what the federation's enterprises received (`accounts.access.portal`).
    A contact holds no staff role: the workspace's pages stay closed to them.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("utilisateur"),
        on_delete=models.CASCADE,
        related_name="member_contacts",
    )
    organisation = models.ForeignKey(
        "members.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="contacts",
    )
    title = models.CharField(_("fonction"), max_length=120, blank=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("invité par"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    invited_at = models.DateTimeField(_("invité le"), null=True, blank=True)

    class Meta:
        ordering = ["organisation_id", "user_id"]
        verbose_name = _("personne-ressource d'un membre")
        verbose_name_plural = _("personnes-ressources des membres")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation"],
                name="member_contact_once_per_organisation",
                violation_error_message=_("Cette personne représente déjà cette organisation."),
            ),
        ]
        indexes = [models.Index(fields=["organisation"], name="member_contact_org_idx")]

    def __str__(self) -> str:
        return f"{self.user} – {self.organisation}"


class NotificationSettings(TimeStampedModel):
    """What a person wants to be told by e-mail, and in which language. A person without a row
    gets every notification, in French (the defaults below)."""

    class Language(models.TextChoices):
        FRENCH = "fr", "Français"
        ENGLISH = "en", "English"

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("utilisateur"),
        on_delete=models.CASCADE,
        related_name="notification_settings",
    )
    week_returned = models.BooleanField(
        _("quand une de mes semaines m'est renvoyée, avec son motif"), default=True
    )
    reminders = models.BooleanField(
        _("les rappels du lundi : ma semaine à soumettre, les semaines à approuver"), default=True
    )
    language = models.CharField(
        _("langue des courriels"), max_length=2, choices=Language.choices, default=Language.FRENCH
    )

    class Meta:
        verbose_name = _("préférences de notification")
        verbose_name_plural = _("préférences de notification")

    def __str__(self) -> str:
        return str(self.user)
