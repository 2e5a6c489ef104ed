"""Personal API tokens: what other software presents as `Authorization: Bearer <token>`.

Only the SHA-256 of the secret is kept; the token itself is shown once, when it is made. The
prefix (its first characters) names it on the tokens page without revealing it.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Scope(models.TextChoices):
    ORGANISATIONS_READ = "organisations:read", _("lire les organisations")
    EXPERTS_READ = "experts:read", _("lire les experts")
    MANDATES_READ = "mandates:read", _("lire les mandats")
    TIME_ENTRIES_READ = "time_entries:read", _("lire les entrées de temps")
    TIME_ENTRIES_WRITE = "time_entries:write", _("écrire les entrées de temps")
    WEEKS_READ = "weeks:read", _("lire les semaines")
    WEEKS_WRITE = "weeks:write", _("soumettre, approuver, retourner les semaines")
    KPIS_READ = "kpis:read", _("lire les indicateurs")
    INVOICES_READ = "invoices:read", _("lire les factures")
    INVOICES_WRITE = "invoices:write", _("préparer, émettre, annuler les factures")


class ApiToken(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="api_tokens",
        verbose_name=_("utilisateur"),
    )
    name = models.CharField(_("nom"), max_length=100)
    scopes = models.JSONField(_("portées"), default=list)
    token_hash = models.CharField(_("empreinte"), max_length=64, unique=True)
    prefix = models.CharField(_("préfixe"), max_length=12)
    expires_at = models.DateTimeField(_("expire le"), null=True, blank=True)
    last_used_at = models.DateTimeField(_("dernier usage"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("révoqué le"), null=True, blank=True)
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)

    class Meta:
        verbose_name = _("jeton d'API")
        verbose_name_plural = _("jetons d'API")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"
