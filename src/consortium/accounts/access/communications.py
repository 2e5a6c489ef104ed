"""Who may reach the centre's communications records (followers, publications, campaigns, press,
events and their registrations): the communications team and the directors, every record; an
administrator holds every role. Everyone else gets 403 from the role gate.

An event's public page (`/evenements/<slug>/`) is for anyone, signed in or not, but only while
the event exists: `event_for_sign_up` narrows the events communications hands it.
"""

from django.db.models import QuerySet
from django.http import Http404

from consortium.accounts.access.reach import holds
from consortium.accounts.access.roles import roles_of
from consortium.accounts.models import RoleKind

COMMUNICATIONS_ROLES = (RoleKind.COMMUNICATIONS, RoleKind.DIRECTOR, RoleKind.ADMINISTRATOR)


def may_manage_communications(user, *, roles=None) -> bool:
    """Whether `user` may read and change communications records (no query given `roles`)."""
    if roles is None:
        return holds(user, COMMUNICATIONS_ROLES)
    return bool(roles_of(user, roles) & set(COMMUNICATIONS_ROLES))


def communications_visible_to(user, *, among: QuerySet, roles=None) -> QuerySet:
    """`among` for the communications team and directors, nothing for anyone else."""
    return among if may_manage_communications(user, roles=roles) else among.none()


def communications_record_for_change(user, *, among: QuerySet, pk: int, roles=None):
    """The record `pk` of `among` for someone who may change it; 404 when it does not exist."""
    row = communications_visible_to(user, among=among, roles=roles).filter(pk=pk).first()
    if row is None:
        raise Http404
    return row


def event_for_sign_up(*, among: QuerySet, slug: str):
    """The event whose public page is `slug`, for anyone; 404 when there is none."""
    event = among.filter(slug=slug).first()
    if event is None:
        raise Http404
    return event
