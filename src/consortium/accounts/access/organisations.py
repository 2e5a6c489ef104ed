"""Organisations (members): every staff role reads every one; directors, finance and
administrators create and change them and their memberships (`may_change_organisations`); the
mandates an organisation's page lists stay those the reader may see (`mandates_visible_to`)."""

from collections.abc import Iterable

from django.db.models import QuerySet

from consortium.accounts.access.reach import first_or_404
from consortium.accounts.access.roles import STAFF_ROLES, roles_of
from consortium.accounts.models import RoleKind
from consortium.members.models import Organisation

# Who keeps the registry in the workspace: organisations and their memberships (the category
# decides the rate an invoice applies, hence finance).
ORGANISATION_CHANGE_ROLES = frozenset({RoleKind.DIRECTOR, RoleKind.FINANCE, RoleKind.ADMINISTRATOR})


def may_change_organisations(user, *, roles: Iterable[str] | None = None) -> bool:
    """Whether `user` creates and changes organisations and their memberships."""
    return bool(roles_of(user, roles) & ORGANISATION_CHANGE_ROLES)


def organisations_visible_to(user, *, roles: Iterable[str] | None = None) -> QuerySet[Organisation]:
    """Every organisation for staff, none for anybody else."""
    if roles_of(user, roles) & STAFF_ROLES:
        return Organisation.objects.all()
    return Organisation.objects.none()


def organisation_for_read(
    user,
    code: str,
    *,
    roles: Iterable[str] | None = None,
    among: QuerySet[Organisation] | None = None,
) -> Organisation:
    """The organisation with this code; 404 if unknown or out of reach. `among`: the rows as
    the page reads them (relations, annotations), narrowed here to the user's reach."""
    rows = Organisation.objects.all() if among is None else among
    return first_or_404(rows & organisations_visible_to(user, roles=roles), code, code=code)
