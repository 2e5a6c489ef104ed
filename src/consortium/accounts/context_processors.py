"""What every workspace page needs to draw its navigation: the user's roles."""

from django.http import HttpRequest

from consortium.accounts.access import request_roles
from consortium.accounts.models import RoleKind


def workspace(request: HttpRequest) -> dict:
    if not getattr(request, "user", None) or not request.user.is_authenticated:
        return {"roles": frozenset()}
    roles = request_roles(request)
    administrator = RoleKind.ADMINISTRATOR in roles
    return {
        "roles": roles,
        "is_director": administrator or RoleKind.DIRECTOR in roles,
        "is_finance": administrator or RoleKind.FINANCE in roles,
        "is_expert": RoleKind.EXPERT in roles,
        "is_administrator": administrator,
    }
