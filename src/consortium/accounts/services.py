"""Giving and taking away roles; inviting and removing member organisations' contacts."""

from collections.abc import Iterable

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from consortium.accounts.models import MemberContact, NotificationSettings, RoleKind, StaffRole
from consortium.core.mail import send_templated, site_address
from consortium.core.services import row_save
from consortium.members.models import Organisation
from consortium.staff.models import Department


def check_role_departments(role: str, department_count: int) -> list[tuple[str, str]]:
    """A director directs at least one department; no other role names any."""
    if role == RoleKind.DIRECTOR and department_count == 0:
        return [("departments", _("Une direction dirige au moins un département."))]
    if role != RoleKind.DIRECTOR and department_count:
        return [("departments", _("Seule une direction a des départements."))]
    return []


def staff_role_departments_check(role: str, departments: list[Department]) -> None:
    """Refuse a director without a department, or another role with one."""
    problems = check_role_departments(role, len(departments))
    if problems:
        raise ValidationError(dict(problems))


@transaction.atomic
def staff_role_assign(*, user, role: str, departments: Iterable[Department] = ()) -> StaffRole:
    """Give `user` a role, or replace the departments of the role they already hold."""
    departments = list(departments)
    staff_role_departments_check(role, departments)
    staff_role = StaffRole.objects.filter(user=user, role=role).first() or StaffRole(
        user=user, role=role
    )
    staff_role.full_clean()
    staff_role.save()
    staff_role.departments.set(departments)
    return staff_role


@transaction.atomic
def staff_role_create(
    *, user: AbstractBaseUser, role: str, departments: Iterable[Department] = ()
) -> StaffRole:
    """Give `user` a role they do not hold yet; a director names the departments they direct."""
    departments = list(departments)
    staff_role_departments_check(role, departments)
    return row_save(StaffRole(), user=user, role=role, departments=departments)


@transaction.atomic
def staff_role_update(
    *,
    staff_role: StaffRole,
    user: AbstractBaseUser,
    role: str,
    departments: Iterable[Department] = (),
) -> StaffRole:
    """Change who holds a role, which role, or the departments a director directs."""
    departments = list(departments)
    staff_role_departments_check(role, departments)
    staff_role = StaffRole.objects.select_for_update().get(pk=staff_role.pk)
    return row_save(staff_role, user=user, role=role, departments=departments)


@transaction.atomic
def staff_role_remove(*, user, role: str) -> None:
    StaffRole.objects.filter(user=user, role=role).delete()


# --- Member contacts (the portal's people) ---------------------------------------------------


def _invitation_link(user, language: str) -> str:
    """The address where the invited person chooses a password: Django's password-reset token,
    so the link works once (setting a password changes what it signs) and expires after
    PASSWORD_RESET_TIMEOUT."""
    with translation.override(language):
        path = reverse(
            "accounts:contact_welcome",
            kwargs={
                "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
                "token": default_token_generator.make_token(user),
            },
        )
    return site_address(path)


def _invitation_send(contact: MemberContact, user_id: int) -> None:
    user = get_user_model().objects.get(pk=user_id)
    organisation = contact.organisation
    language = organisation.language or settings.LANGUAGE_CODE
    send_templated(
        to=user.email,
        language=language,
        subject_template="registration/contact_invitation_subject.txt",
        body_template="registration/contact_invitation_email.txt",
        context={
            "user": user,
            "organisation": organisation,
            "link": _invitation_link(user, language),
            "first_time": not user.has_usable_password(),
        },
    )


def _contact_user(*, email: str, first_name: str, last_name: str):
    """The user with this e-mail (a contact may represent several organisations), else a new
    one who signs in with the e-mail and has no password until they choose one."""
    User = get_user_model()
    user = User.objects.filter(email__iexact=email).order_by("pk").first()
    if user is None:
        user = User.objects.filter(username=email.lower()).first()
    if user is None:
        user = User(username=email.lower(), email=email, first_name=first_name, last_name=last_name)
        user.set_unusable_password()
        user.full_clean()
        user.save()
        return user
    if user.is_superuser or StaffRole.objects.filter(user=user).exists():
        raise ValidationError(
            {
                "email": _(
                    "Cette adresse est celle d'un membre du personnel : un compte du personnel "
                    "ne peut pas représenter une organisation."
                )
            }
        )
    return user


@transaction.atomic
def contact_invite(
    *,
    organisation: Organisation,
    email: str,
    first_name: str,
    last_name: str,
    title: str = "",
    by=None,
) -> MemberContact:
    """Make the person with this e-mail a contact of `organisation` and e-mail them, in the
    organisation's language, a link to choose a password (sent once the transaction commits).
    Refuses a staff member's address and a person who already represents the organisation."""
    email = (email or "").strip()
    if not email:
        raise ValidationError({"email": _("Indiquez l'adresse courriel de la personne.")})
    try:
        validate_email(email)
    except ValidationError:
        raise ValidationError(
            {"email": _("« %(email)s » n'est pas une adresse courriel valide.") % {"email": email}}
        ) from None
    user = _contact_user(email=email, first_name=first_name.strip(), last_name=last_name.strip())
    if MemberContact.objects.filter(user=user, organisation=organisation).exists():
        raise ValidationError(
            {
                "email": _("%(email)s représente déjà %(organisation)s.")
                % {"email": email, "organisation": organisation.name}
            }
        )
    contact = row_save(
        MemberContact(),
        user=user,
        organisation=organisation,
        title=title.strip(),
        invited_by=by,
        invited_at=timezone.now(),
    )
    transaction.on_commit(lambda: _invitation_send(contact, user.pk))
    return contact


@transaction.atomic
def contact_remove(*, contact: MemberContact, by=None) -> None:
    """The person no longer represents the organisation; their account stays (they may represent
    others, and what they did keeps its author), and signs in to nothing once they represent no
    organisation (portal_required)."""
    MemberContact.objects.filter(pk=contact.pk).delete()


@transaction.atomic
def contact_update(*, contact: MemberContact, title: str = "", by=None) -> MemberContact:
    """Change the contact's fonction (who they are and whom they represent do not change)."""
    contact = MemberContact.objects.select_for_update().get(pk=contact.pk)
    return row_save(contact, title=title.strip())


# --- Notifications ------------------------------------------------------------------------------


@transaction.atomic
def notification_settings_update(
    *, user, week_returned: bool, reminders: bool, language: str
) -> NotificationSettings:
    """What `user` wants to be told by e-mail, and in which language (their own choice only)."""
    found = NotificationSettings.objects.select_for_update().filter(user_id=user.pk).first()
    row = found or NotificationSettings(user=user)
    row.week_returned, row.reminders, row.language = week_returned, reminders, language
    row.full_clean()
    row.save()
    return row
