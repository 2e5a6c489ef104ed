"""Governance (meetings, resolutions, board seats): for directors and administrators.

The general management and administrators read and change every meeting and seat; every other
role is refused the pages by the role gate (403), `GOVERNANCE_ROLES`. The minutes of a meeting
are served only through `governance:meeting_minutes`, behind the same gate.

`accounts` sits below governance and never imports it: the caller hands the rows to narrow
(`among=Meeting.objects.all()`) and gets them back, still one SQL statement.
"""

from collections.abc import Iterable

from django.db.models import Model, QuerySet
from django.utils.translation import gettext as _

from consortium.accounts.access.reach import first_or_404
from consortium.accounts.access.roles import roles_of
from consortium.accounts.models import RoleKind

# The roles the governance pages are for; administrators pass every gate.
GOVERNANCE_ROLES = frozenset({RoleKind.DIRECTOR, RoleKind.ADMINISTRATOR})


def may_manage_governance(user, *, roles: Iterable[str] | None = None) -> bool:
    """Whether `user` reads and records meetings, resolutions and board seats."""
    return bool(roles_of(user, roles) & GOVERNANCE_ROLES)


def governance_visible_to(user, *, among: QuerySet, roles: Iterable[str] | None = None) -> QuerySet:
    """The meetings or seats of `among` that `user` may read and change: all, or none."""
    return among if may_manage_governance(user, roles=roles) else among.none()


def governance_for_change(
    user, pk: int, *, among: QuerySet, roles: Iterable[str] | None = None
) -> Model:
    """The meeting or seat `user` may read and change; 404 if out of reach or missing."""
    return first_or_404(
        governance_visible_to(user, among=among, roles=roles),
        _("Cette fiche n'existe pas ou ne relève pas de vous."),
        pk=pk,
    )
