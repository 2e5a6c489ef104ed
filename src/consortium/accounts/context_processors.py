"""What every page needs to draw its navigation: the user's roles, or that they are a member's
contact (the portal's navigation)."""

from django.http import HttpRequest

from consortium.accounts.access import request_represented_ids, request_roles
from consortium.accounts.models import RoleKind


def workspace(request: HttpRequest) -> dict:
    if not getattr(request, "user", None) or not request.user.is_authenticated:
        return {"roles": frozenset()}
    roles = request_roles(request)
    administrator = RoleKind.ADMINISTRATOR in roles
    # A member's contact holds no staff role: their navigation is the portal's. Asked only of
    # users without a role, so the workspace's pages make no query more.
    represented = frozenset() if roles else request_represented_ids(request)
    return {
        "roles": roles,
        "is_director": administrator or RoleKind.DIRECTOR in roles,
        "is_finance": administrator or RoleKind.FINANCE in roles,
        "is_expert": RoleKind.EXPERT in roles,
        "is_communications": administrator or RoleKind.COMMUNICATIONS in roles,
        "is_administrator": administrator,
        "is_member_contact": bool(represented),
        # The organisations the contact represents (not a federation's enterprises, which they
        # only read): the portal's navigation offers those their own pages.
        "represented_ids": represented,
    }
