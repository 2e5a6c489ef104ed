"""Making, revoking and checking API tokens."""

import datetime as dt
import hashlib
import secrets
from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from consortium.api.models import ApiToken, Scope

TOKEN_PREFIX = "cst_"
# last_used_at is written at most once a minute per token: not one UPDATE per call.
LAST_USED_PRECISION = dt.timedelta(minutes=1)


@dataclass(frozen=True)
class NewToken:
    token: ApiToken
    secret: str  # shown once, never stored


def token_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def parse_scopes(scopes: Iterable[str]) -> list[str]:
    """The scopes, each checked against `Scope`; a ValidationError names the unknown ones."""
    wanted = [scope.strip() for scope in scopes if scope.strip()]
    unknown = [scope for scope in wanted if scope not in Scope.values]
    if unknown:
        raise ValidationError(
            {
                "scopes": _("Portée inconnue : %(scopes)s. Portées possibles : %(known)s.")
                % {"scopes": ", ".join(unknown), "known": ", ".join(Scope.values)}
            }
        )
    if not wanted:
        raise ValidationError({"scopes": _("Choisissez au moins une portée.")})
    return sorted(set(wanted), key=Scope.values.index)


@transaction.atomic
def api_token_create(
    *, user, name: str, scopes: Iterable[str], expires_at: dt.datetime | None = None
) -> NewToken:
    """A new token for `user`; the returned secret is the only copy of it."""
    if expires_at is not None and expires_at <= timezone.now():
        raise ValidationError({"expires_at": _("La date d'expiration doit être dans le futur.")})
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(
        user=user,
        name=name.strip() or _("jeton"),
        scopes=parse_scopes(scopes),
        token_hash=token_hash(secret),
        prefix=secret[:10],
        expires_at=expires_at,
    )
    token.full_clean()
    token.save()
    return NewToken(token=token, secret=secret)


@transaction.atomic
def api_token_revoke(*, token: ApiToken, by) -> ApiToken:
    """Revoke a token; only its owner (or a superuser) may. Revoking twice changes nothing."""
    if by is not None and by.pk != token.user_id and not by.is_superuser:
        raise PermissionDenied(_("Ce jeton n'est pas le vôtre."))
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
    return token


def api_token_authenticate(secret: str) -> ApiToken | None:
    """The live token this secret is (not revoked, not expired, its user active), else None.
    One query, and one UPDATE at most a minute to keep last_used_at."""
    now = timezone.now()
    token = (
        ApiToken.objects.select_related("user")
        .filter(token_hash=token_hash(secret), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if token is None or (token.expires_at is not None and token.expires_at <= now):
        return None
    if token.last_used_at is None or now - token.last_used_at >= LAST_USED_PRECISION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
    return token
