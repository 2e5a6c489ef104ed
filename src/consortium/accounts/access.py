"""The signed-in user's roles, read once per request, and the gate every workspace page uses.

Object-level rules (whose time, which department) stay in `accounts.selectors`; this module only
answers "which roles does the person behind this request hold" without asking the database twice.
"""

from collections.abc import Callable, Iterable
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from consortium.accounts.models import RoleKind
from consortium.accounts.selectors import user_roles

_ROLES_ATTRIBUTE = "_consortium_roles"


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
    """A view for signed-in users holding one of `roles` (or administrators); others get 403.

    A page a role is simply not for (the lock screen for an expert) is refused with 403; an
    object the user may not see (another expert's week) is a 404, decided by the view itself.
    """

    def decorator(view: Callable) -> Callable:
        @login_required
        @wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs):
            if not request_holds(request, roles):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
