"""Who calls: the bearer token, its scopes and its rate."""

import math
import time

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext as _
from ninja.security import HttpBearer

from consortium.api.errors import ApiError
from consortium.api.models import ApiToken
from consortium.api.services import api_token_authenticate

DEFAULT_RATE_PER_MINUTE = 600


class TokenAuth(HttpBearer):
    """`Authorization: Bearer <token>`; the token's user becomes `request.user`, so every
    `accounts.access` rule applies to the call as to the web."""

    openapi_scheme = "bearer"

    def authenticate(self, request, token: str) -> ApiToken | None:
        found = api_token_authenticate(token)
        if found is None:
            return None
        throttle(found)
        request.user = found.user
        return found


def throttle(token: ApiToken) -> None:
    """At most `API_RATE_PER_MINUTE` calls per token in each minute (a counter in the cache):
    beyond it, 429 with the seconds left in the minute as Retry-After."""
    rate = getattr(settings, "API_RATE_PER_MINUTE", DEFAULT_RATE_PER_MINUTE)
    now = time.time()
    window = int(now // 60)
    key = f"api-rate:{token.token_hash[:32]}:{window}"
    cache.add(key, 0, timeout=120)
    try:
        count = cache.incr(key)
    except ValueError:  # the key expired between add and incr
        cache.set(key, 1, timeout=120)
        count = 1
    if count > rate:
        retry_after = max(1, math.ceil((window + 1) * 60 - now))
        raise ApiError(
            429,
            _("Trop de requêtes pour ce jeton : %(rate)s par minute au plus.") % {"rate": rate},
            headers={"Retry-After": str(retry_after)},
        )


def require_scope(request, scope: str) -> None:
    """403 unless the call's token holds `scope`."""
    if scope not in request.auth.scopes:
        raise ApiError(403, _("Ce jeton n'a pas la portée « %(scope)s ».") % {"scope": scope})
