"""Timesheet weeks: who approves them, who sees them, and the week a review page is about.

Two rules, two meanings. "The weeks `user` may approve" (`weeks_approvable_by`) are those of the
departments a director directs, every week for an administrator, never one's own: the approval
list, its actions and the review page use it. "The weeks `user` may see"
(`weeks_visible_to`) adds the roles that read the centre's figures (finance, communications):
they count the weeks still awaiting approval but decide none.

`accounts` sits below the ledger and never imports it: the caller hands the weeks to narrow
(`among=TimesheetWeek.objects.all()`, or any queryset of rows that belong to an expert through
`expert`), and gets them back narrowed, still one SQL statement.
"""

from collections.abc import Iterable

from django.db.models import Model, QuerySet
from django.utils.translation import gettext as _

from consortium.accounts.access.reach import (
    directed_departments,
    first_or_404,
    holds,
    own_or_directed,
)
from consortium.accounts.access.roles import roles_of
from consortium.accounts.models import RoleKind
from consortium.accounts.selectors import is_signed_in
from consortium.staff.models import Department, Expert

# The roles that see every week's figures without deciding any.
FIGURES_ROLES = frozenset({RoleKind.FINANCE, RoleKind.COMMUNICATIONS, RoleKind.ADMINISTRATOR})


def can_approve_for(user, expert: Expert) -> bool:
    """A director of the expert's department, or an administrator; never for one's own week:
    at most one query."""
    if is_signed_in(user) and expert.user_id == user.pk:
        return False
    return holds(user, directing_department_id=expert.department_id)


def may_approve_weeks(roles: Iterable[str]) -> bool:
    """Whether these roles approve any week at all (directors and administrators)."""
    return bool(frozenset(roles) & {RoleKind.DIRECTOR, RoleKind.ADMINISTRATOR})


def weeks_approvable_by(user, *, among: QuerySet, roles: Iterable[str] | None = None) -> QuerySet:
    """The weeks of `among` (whatever their state) `user` may approve, return or reopen, as
    `can_approve_for` says: one subquery, no query of its own once `roles` are known."""
    held = roles_of(user, roles)
    if RoleKind.ADMINISTRATOR in held:
        weeks = among
    elif RoleKind.DIRECTOR in held:
        weeks = among.filter(expert__department__in=directed_departments(user))
    else:
        return among.none()
    return weeks.exclude(expert__user=user)


def weeks_visible_to(user, *, among: QuerySet, roles: Iterable[str] | None = None) -> QuerySet:
    """The weeks of `among` `user` may see: their own, those they may approve, and every week
    for the roles that read the centre's figures (finance, communications, administrators)."""
    held = roles_of(user, roles)
    if held & FIGURES_ROLES:
        return among
    return own_or_directed(user, among, held)


def week_for_approval(
    user, week_id: int, *, among: QuerySet, roles: Iterable[str] | None = None
) -> Model:
    """The week a review page (and its approve, return, reopen actions) is about: a 404 for
    whoever may not approve it, whatever their role, since nobody else has a review page to
    see it on (the expert reads their own week on their grid). Two queries without `roles`."""
    weeks = weeks_approvable_by(user, among=among, roles=roles).select_related(
        "expert", "expert__department", "decided_by"
    )
    return first_or_404(
        weeks, _("Cette semaine n'existe pas ou ne relève pas de vous."), pk=week_id
    )


def departments_reviewed_by(user, *, roles: Iterable[str] | None = None) -> QuerySet[Department]:
    """The departments whose weeks `user` decides: every one for an administrator."""
    held = roles_of(user, roles)
    if RoleKind.ADMINISTRATOR in held:
        return Department.objects.order_by("code")
    if RoleKind.DIRECTOR in held:
        return Department.objects.filter(pk__in=directed_departments(user)).order_by("code")
    return Department.objects.none()
