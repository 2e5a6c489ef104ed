"""Who may reach the training records (courses and the experts who took them): the directors and
administrators, every record. Everyone else gets 403 from the role gate."""

from django.db.models import QuerySet
from django.http import Http404

from consortium.accounts.access.reach import holds
from consortium.accounts.access.roles import roles_of
from consortium.accounts.models import RoleKind

TRAINING_ROLES = (RoleKind.DIRECTOR, RoleKind.ADMINISTRATOR)


def may_manage_training(user, *, roles=None) -> bool:
    """Whether `user` may read and change training records (no query given `roles`)."""
    if roles is None:
        return holds(user, TRAINING_ROLES)
    return bool(roles_of(user, roles) & set(TRAINING_ROLES))


def courses_visible_to(user, *, among: QuerySet, roles=None) -> QuerySet:
    """`among` for directors and administrators, nothing for anyone else."""
    return among if may_manage_training(user, roles=roles) else among.none()


def course_for_change(user, *, among: QuerySet, pk: int, roles=None):
    """The course `pk` of `among` for someone who may change it; 404 when it does not exist."""
    course = courses_visible_to(user, among=among, roles=roles).filter(pk=pk).first()
    if course is None:
        raise Http404
    return course
