"""Service requests (from the member's diagnostic): who sees and decides them.

A director sees and decides the requests addressed to the departments they direct, an
administrator every one; no other role. `diagnostics` sits above accounts, so the rule narrows
the requests its caller hands it (`among=ServiceRequest.objects.all()`), still one SQL statement.
"""

from collections.abc import Iterable

from django.db.models import QuerySet

from consortium.accounts.access.reach import directed_departments, first_or_404
from consortium.accounts.access.roles import roles_of
from consortium.accounts.models import RoleKind

SERVICE_REQUEST_ROLES = frozenset({RoleKind.DIRECTOR, RoleKind.ADMINISTRATOR})


def service_requests_visible_to(
    user, *, among: QuerySet, roles: Iterable[str] | None = None
) -> QuerySet:
    """The requests of `among` that `user` sees and decides (none without the role)."""
    held = roles_of(user, roles)
    if RoleKind.ADMINISTRATOR in held or getattr(user, "is_superuser", False):
        return among
    if RoleKind.DIRECTOR in held:
        return among.filter(department_id__in=directed_departments(user))
    return among.none()


def service_request_for_decision(
    user, pk: int, *, among: QuerySet, roles: Iterable[str] | None = None
):
    """The request with id `pk` if `user` decides it; else 404."""
    return first_or_404(service_requests_visible_to(user, among=among, roles=roles), str(pk), pk=pk)
