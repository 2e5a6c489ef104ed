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
