"""Time entries: who sees them, who changes them, and the entry a comment form is about.

`accounts` sits below the ledger and never imports it: the caller hands the entries to narrow
(`among=TimeEntry.objects.all()`, or any queryset of rows that belong to an expert through
`expert`), and gets them back narrowed, still one SQL statement.
"""

from collections.abc import Iterable

from django.db.models import Model, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from consortium.accounts.access.experts import (
    AUDIT_ALL_ROLES,
    can_edit_time_of,
    experts_time_editable_by,
)
from consortium.accounts.access.reach import own_or_directed
from consortium.accounts.access.roles import roles_of


def time_entries_visible_to(
    user, *, among: QuerySet, roles: Iterable[str] | None = None
) -> QuerySet:
    """The entries of `among` `user` may read one by one: their own, and those of the experts
    whose audit trail they read (a director's departments; everyone for finance and
    administrators)."""
    held = roles_of(user, roles)
    if held & AUDIT_ALL_ROLES:
        return among
    return own_or_directed(user, among, held)


def time_entries_editable_by(
    user, *, among: QuerySet, roles: Iterable[str] | None = None
) -> QuerySet:
    """The entries of `among` `user` may change (as `can_edit_time_of` says): their own, every
    one for an administrator. Locked periods and closed weeks are the services' rules."""
    return among.filter(expert__in=experts_time_editable_by(user, roles=roles))


def time_entry_for_edit(user, entry_id: int, *, among: QuerySet) -> Model:
    """The entry whose comment `user` opens: a 404 unless they may edit it (an entry has no
    read-only page: a director reads it in the week's review). At most two queries."""
    entry = among.select_related("expert", "mandate").filter(pk=entry_id).first()
    if entry is None or not can_edit_time_of(user, entry.expert):
        raise Http404(_("Aucune entrée à votre portée."))
    return entry
