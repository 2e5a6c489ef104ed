"""The role gate: which roles the person behind a request holds, read once per request, and the
decorator every workspace page uses.

A page a role is simply not for (the lock screen for an expert) is refused with 403; an object
outside the user's reach is a 404, decided by the helper of its type in this package.
"""

from collections.abc import Callable, Iterable
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from consortium.accounts.models import RoleKind
from consortium.accounts.selectors import user_roles

_ROLES_ATTRIBUTE = "_consortium_roles"

# Every role at the centre: the pages of the registry (organisations, mandates) are for staff.
STAFF_ROLES = frozenset(RoleKind.values)


def roles_of(user, roles: Iterable[str] | None) -> frozenset[str]:
    """`roles` when the caller already read them (`request_roles`), else one query."""
    return frozenset(user_roles(user) if roles is None else roles)


def request_roles(request: HttpRequest) -> frozenset[str]:
    """The roles of `request.user`, from one query the first time a request asks."""
    roles = getattr(request, _ROLES_ATTRIBUTE, None)
    if roles is None:
        roles = frozenset(user_roles(request.user))
        setattr(request, _ROLES_ATTRIBUTE, roles)
    return roles


def request_holds(request: HttpRequest, roles: Iterable[str]) -> bool:
    """Whether the user holds one of `roles`; an administrator holds them all."""
    held = request_roles(request)
    return RoleKind.ADMINISTRATOR in held or bool(held & set(roles))


def role_required(*roles: str) -> Callable:
    """A view for signed-in users holding one of `roles` (or administrators); others get 403."""

    def decorator(view: Callable) -> Callable:
        @login_required
        @wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs):
            if not request_holds(request, roles):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
