"""Business development: who reads and records activities, follow-ups, opportunities and
partnerships, and who turns a won opportunity into a mandate.

Directors and communications (and administrators) read and change every activity, opportunity
and partnership: development is the whole centre's, not a department's. Everyone else is
refused the pages by the role gate (403, `DEVELOPMENT_ROLES`). Turning an opportunity into a
mandate opens a mandate: only a director of the opportunity's department (or an administrator)
may, as for any mandate; communications and the other directors read it (403 on conversion).

`accounts` sits below development and never imports it: the caller hands the rows to narrow
(`among=Opportunity.objects.all()`) and gets them back narrowed, still one SQL statement.
"""

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied
from django.db.models import Model, QuerySet
from django.utils.translation import gettext as _

from consortium.accounts.access.reach import directed_departments, first_or_404
from consortium.accounts.access.roles import roles_of
from consortium.accounts.models import RoleKind

# The roles the development pages are for (administrators pass every gate).
DEVELOPMENT_ROLES = frozenset({RoleKind.DIRECTOR, RoleKind.COMMUNICATIONS})


def may_work_on_development(roles: Iterable[str]) -> bool:
    """Whether these roles read and record activities, opportunities and partnerships."""
    return bool(frozenset(roles) & (DEVELOPMENT_ROLES | {RoleKind.ADMINISTRATOR}))


def development_visible_to(
    user, *, among: QuerySet, roles: Iterable[str] | None = None
) -> QuerySet:
    """The rows of `among` (activities, opportunities, partnerships, documents) `user` reads:
    all of them for directors, communications and administrators, none for anyone else."""
    return among if may_work_on_development(roles_of(user, roles)) else among.none()


def development_changeable_by(
    user, *, among: QuerySet, roles: Iterable[str] | None = None
) -> QuerySet:
    """The rows of `among` `user` may change: the same as they read."""
    return development_visible_to(user, among=among, roles=roles)


def development_for_read(
    user, pk: int, *, among: QuerySet, roles: Iterable[str] | None = None
) -> Model:
    """The activity, opportunity or partnership `user` may read; 404 otherwise."""
    return first_or_404(
        development_visible_to(user, among=among, roles=roles),
        _("Cette fiche n'existe pas ou ne relève pas de vous."),
        pk=pk,
    )


def development_for_change(
    user, pk: int, *, among: QuerySet, roles: Iterable[str] | None = None
) -> Model:
    """The row `user` may change; 404 if out of reach."""
    return first_or_404(
        development_changeable_by(user, among=among, roles=roles),
        _("Cette fiche n'existe pas ou ne relève pas de vous."),
        pk=pk,
    )


def opportunities_convertible_by(
    user, *, among: QuerySet, roles: Iterable[str] | None = None
) -> QuerySet:
    """The opportunities of `among` `user` may turn into a mandate: every one for an
    administrator, those of their departments for a director."""
    held = roles_of(user, roles)
    if RoleKind.ADMINISTRATOR in held:
        return among
    if RoleKind.DIRECTOR in held:
        return among.filter(department_id__in=directed_departments(user))
    return among.none()


def opportunity_for_conversion(
    user, pk: int, *, among: QuerySet, roles: Iterable[str] | None = None
) -> Model:
    """The opportunity `user` may convert: 404 if they may not read it, 403 if they read it
    but open no mandate in its department."""
    held = roles_of(user, roles)
    opportunity = development_for_read(user, pk, among=among, roles=held)
    if not opportunities_convertible_by(user, among=among, roles=held).filter(pk=pk).exists():
        raise PermissionDenied(
            _("Seule la direction du département de cette occasion ouvre son mandat.")
        )
    return opportunity
