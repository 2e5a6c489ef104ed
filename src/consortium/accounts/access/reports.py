"""The annual report: every role of the centre reads it; the directors and the communications
role (and administrators) prepare it and write its texts."""

from collections.abc import Iterable

from django.http import HttpRequest

from consortium.accounts.access.roles import request_holds, roles_of
from consortium.accounts.models import RoleKind

REPORT_CHANGE_ROLES = (RoleKind.DIRECTOR, RoleKind.COMMUNICATIONS)


def can_read_reports(user, roles: Iterable[str] | None = None) -> bool:
    """Whether `user` may read the report (and have its PDF built): any role of the centre."""
    if user is None or not user.is_authenticated:
        return False
    return bool(roles_of(user, roles))


def can_change_reports(user, roles: Iterable[str] | None = None) -> bool:
    """Whether `user` may prepare a year's report and write its texts."""
    if user is None or not user.is_authenticated:
        return False
    held = roles_of(user, roles)
    return RoleKind.ADMINISTRATOR in held or bool(held & set(REPORT_CHANGE_ROLES))


def may_change_reports(request: HttpRequest) -> bool:
    return request_holds(request, REPORT_CHANGE_ROLES)
