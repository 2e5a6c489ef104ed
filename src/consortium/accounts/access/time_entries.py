"""Time entries: who sees them, who changes them, and the entry a comment form is about."""

from collections.abc import Iterable

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from consortium.accounts.access.experts import (
    AUDIT_ALL_ROLES,
    can_edit_time_of,
    experts_time_editable_by,
)
from consortium.accounts.access.reach import directed_departments
from consortium.accounts.access.roles import roles_of
from consortium.accounts.models import RoleKind
from consortium.accounts.selectors import is_signed_in
from consortium.timesheets.models import TimeEntry


def time_entries_visible_to(user, *, roles: Iterable[str] | None = None) -> QuerySet[TimeEntry]:
    """The entries `user` may read one by one: their own, and those of the experts whose audit
    trail they read (a director's departments; everyone for finance and administrators)."""
    held = roles_of(user, roles)
    if held & AUDIT_ALL_ROLES:
        return TimeEntry.objects.all()
    if not is_signed_in(user):
        return TimeEntry.objects.none()
    own = Q(expert__user_id=user.pk)
    if RoleKind.DIRECTOR in held:
        return TimeEntry.objects.filter(own | Q(expert__department__in=directed_departments(user)))
    return TimeEntry.objects.filter(own)


def time_entries_editable_by(user, *, roles: Iterable[str] | None = None) -> QuerySet[TimeEntry]:
    """The entries `user` may change (as `can_edit_time_of` says): their own, every one for an
    administrator. Locked periods and closed weeks are the services' rules, not access."""
    return TimeEntry.objects.filter(expert__in=experts_time_editable_by(user, roles=roles))


def time_entry_for_edit(user, entry_id: int) -> TimeEntry:
    """The entry whose comment `user` opens: a 404 unless they may edit it (an entry has no
    read-only page: a director reads it in the week's review). At most two queries."""
    entry = TimeEntry.objects.select_related("expert", "mandate").filter(pk=entry_id).first()
    if entry is None or not can_edit_time_of(user, entry.expert):
        raise Http404(_("Aucune entrée à votre portée."))
    return entry
