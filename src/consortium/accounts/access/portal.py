"""The member portal (`/portail/`): a contact sees the organisations they represent, and, read
only, the enterprises of a federation they represent. Anything else is a 404 (whether it exists
is not told), staff included: the portal is the members' door, the workspace is the staff's.

Every rule is one subquery on `MemberContact`, so narrowing a queryset costs no query of its own.
"""

from collections.abc import Callable, Iterable
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import HttpRequest

from consortium.accounts.access.reach import first_or_404
from consortium.accounts.access.roles import roles_of
from consortium.accounts.models import MemberContact, RoleKind
from consortium.accounts.selectors import is_signed_in
from consortium.members.models import Organisation

_PORTAL_ATTRIBUTE = "_consortium_portal_organisation_ids"

# The staff who invite and remove an organisation's contacts (its page's "Personnes-ressources").
CONTACT_INVITE_ROLES = frozenset({RoleKind.DIRECTOR, RoleKind.ADMINISTRATOR})


def may_invite_contacts(user, *, roles: Iterable[str] | None = None) -> bool:
    """Whether `user` invites and removes organisations' contacts: a director or an
    administrator (a superuser counts as one). One query unless `roles` is given."""
    return bool(roles_of(user, roles) & CONTACT_INVITE_ROLES)


def represented_organisations(user) -> QuerySet:
    """The ids of the organisations `user` represents, as a subquery (no query of its own)."""
    if not is_signed_in(user):
        return MemberContact.objects.none().values_list("organisation_id", flat=True)
    return MemberContact.objects.filter(user_id=user.pk).values_list("organisation_id", flat=True)


def portal_organisations_visible_to(user, *, federated: bool = False) -> QuerySet[Organisation]:
    """The organisations `user` represents; with `federated`, also the enterprises of the
    federations they represent (read only: never pass `federated` to decide a change)."""
    own = Q(pk__in=represented_organisations(user))
    if federated:
        own |= Q(federation_id__in=represented_organisations(user))
    return Organisation.objects.filter(own)


def portal_organisation_for_read(
    user, code: str, *, among: QuerySet[Organisation] | None = None
) -> Organisation:
    """The organisation with this code, if `user` represents it or its federation; else 404."""
    rows = Organisation.objects.all() if among is None else among
    visible = portal_organisations_visible_to(user, federated=True)
    return first_or_404(rows & visible, code, code=code)


def portal_organisation_for_change(
    user, code: str, *, among: QuerySet[Organisation] | None = None
) -> Organisation:
    """The organisation with this code, if `user` represents it (a federation's contact only
    reads its enterprises: 404 for them too, the page of a change is not theirs); else 404."""
    rows = Organisation.objects.all() if among is None else among
    return first_or_404(rows & portal_organisations_visible_to(user), code, code=code)


def is_member_contact(user) -> bool:
    """Whether `user` represents at least one organisation: one query."""
    return is_signed_in(user) and MemberContact.objects.filter(user_id=user.pk).exists()


def request_represented_ids(request: HttpRequest) -> frozenset[int]:
    """The ids of the organisations the request's user represents, one query per request."""
    ids = getattr(request, _PORTAL_ATTRIBUTE, None)
    if ids is None:
        ids = frozenset(represented_organisations(request.user))
        setattr(request, _PORTAL_ATTRIBUTE, ids)
    return ids


def portal_required(view: Callable) -> Callable:
    """A portal page: signed in and representing at least one organisation, else 403."""

    @login_required
    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs):
        if not request_represented_ids(request):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped
