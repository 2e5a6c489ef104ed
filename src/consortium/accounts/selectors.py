"""Who the signed-in user is at the centre: their roles and the expert they are.

What they may do with those roles is decided in `accounts.access`. An anonymous or inactive
user holds no role; a Django superuser counts as an administrator (the person who installs the
platform must be able to reach everything).
"""

from django.contrib.auth import get_user_model
from django.db.models import Q

from consortium.accounts.models import NotificationSettings, RoleKind, StaffRole
from consortium.staff.models import Expert


def is_signed_in(user) -> bool:
    """Whether `user` is a signed-in, active account (anonymous and inactive users hold nothing)."""
    return user is not None and user.is_authenticated and user.is_active


def user_roles(user) -> set[str]:
    """The roles (RoleKind values) `user` holds."""
    if not is_signed_in(user):
        return set()
    roles = set(StaffRole.objects.filter(user=user).values_list("role", flat=True))
    if user.is_superuser:
        roles.add(RoleKind.ADMINISTRATOR)
    return roles


def expert_for_user(user) -> Expert | None:
    """The expert `user` is, if any."""
    if not is_signed_in(user):
        return None
    return Expert.objects.filter(user=user).select_related("department").first()


def notification_settings_of(user) -> NotificationSettings:
    """The person's notification settings: their row, or the defaults (every notification, in
    French) as an unsaved one."""
    found = NotificationSettings.objects.filter(user_id=user.pk).first()
    return found or NotificationSettings(user=user)


def notified_users(user_ids, notification: str) -> dict[int, str]:
    """Among `user_ids`, those who want `notification` ("week_returned", "reminders"), active
    and with an e-mail address, with the language of their mail: one query."""
    users = get_user_model().objects.filter(pk__in=list(user_ids), is_active=True).exclude(email="")
    wanted = Q(notification_settings__isnull=True) | Q(
        **{f"notification_settings__{notification}": True}
    )
    rows = users.filter(wanted).values_list("pk", "notification_settings__language")
    return {pk: language or NotificationSettings.Language.FRENCH for pk, language in rows}
