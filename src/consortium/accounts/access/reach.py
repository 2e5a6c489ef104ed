"""What every object type's rules are built on: the departments a director directs, whether a
user holds a role, and the lookup that turns "not in your reach" into a 404."""

from django.db.models import Exists, Model, Q, QuerySet
from django.http import Http404

from consortium.accounts.models import RoleKind, StaffRole
from consortium.accounts.selectors import is_signed_in


def directed_departments(user) -> QuerySet:
    """The ids of the departments `user` directs, as a subquery: filtering on it costs no query
    of its own (`department_id__in=directed_departments(user)`); iterating it costs one."""
    return StaffRole.departments.through.objects.filter(
        staffrole__user_id=user.pk, staffrole__role=RoleKind.DIRECTOR
    ).values_list("department_id", flat=True)


def own_or_directed(user, among: QuerySet, held: frozenset[str]) -> QuerySet:
    """The rows of `among` (rows of an expert's, through `expert`) that are `user`'s own or, for
    a director, those of the departments they direct: one SQL statement."""
    if not is_signed_in(user):
        return among.none()
    own = Q(expert__user_id=user.pk)
    if RoleKind.DIRECTOR in held:
        return among.filter(own | Q(expert__department__in=directed_departments(user)))
    return among.filter(own)


def holds(user, roles: tuple[str, ...] = (), *, directing_department_id: int | None = None) -> bool:
    """Whether `user` is an administrator, holds one of `roles`, or directs the department
    `directing_department_id`: one query (none for the anonymous or a superuser)."""
    if not is_signed_in(user):
        return False
    if user.is_superuser:
        return True
    condition = Q(role__in=[RoleKind.ADMINISTRATOR, *roles])
    if directing_department_id is not None:
        directs = directed_departments(user).filter(department_id=directing_department_id)
        condition |= Q(Exists(directs))
    return StaffRole.objects.filter(user_id=user.pk).filter(condition).exists()


def first_or_404(queryset: QuerySet, message: str = "", **lookup) -> Model:
    """The object `lookup` names among `queryset` (the user's reach), or a 404: whether it
    does not exist or is out of reach is not told apart."""
    found = queryset.filter(**lookup).first()
    if found is None:
        raise Http404(message or str(lookup))
    return found


def pick_or_404(allowed: list, pk, message: str = "") -> Model:
    """The object with id `pk` among `allowed`, already read (no query), or a 404."""
    asked = str(pk)
    found = None
    if asked.isdigit():
        found = next((item for item in allowed if item.pk == int(asked)), None)
    if found is None:
        raise Http404(message or str(pk))
    return found
