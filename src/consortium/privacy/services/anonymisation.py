"""Anonymising a person (Law 25): names, e-mail and free text replaced, every figure kept.

What an anonymisation changes and keeps is listed in docs/privacy.md. In short: the hours,
their dates, mandates, departments, roles and employment dates stay, so every figure of every
report stays; the person's names, code, e-mail, the descriptions they wrote (entries and the
audit trail's copies of them) and the reasons written about their weeks are replaced; the
account is closed and its sign-in records deleted. Gender and birth year are cleared — unless
the person counts in the staff figures of a locked period (employed on its last day): then they
stay, on a row without name, so that a locked year's gender shares and average age do not move.
"""

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.admin.models import LogEntry
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from consortium.accounts.access import can_handle_personal_information
from consortium.accounts.models import MemberContact, StaffRole
from consortium.privacy.models import Anonymisation, SubjectKind
from consortium.privacy.services.maintenance import (
    audit_snapshots_anonymise,
    time_entry_descriptions_erase,
)
from consortium.staff.models import Expert
from consortium.timesheets.models import PeriodLock, TimesheetWeek

ANONYMOUS = "Anonyme"
# Where a text may not be blank (the reason a week was returned), it says it was erased.
ERASED_REASON = "[anonymisé]"


def expert_anonymise(*, expert: Expert, by=None, force: bool = False) -> Anonymisation:
    """Anonymises the expert and the account they sign in with; a second call changes nothing.

    Refused while the expert is still employed (no leaving date, or one to come) unless `force`.
    """
    _check_may_anonymise(by)
    with transaction.atomic():
        expert = (
            Expert.objects.select_for_update(of=("self",)).select_related("user").get(pk=expert.pk)
        )
        done = _done(SubjectKind.EXPERT, expert.pk)
        if done is not None:
            return done
        today = timezone.localdate()
        if not force and (expert.left_on is None or expert.left_on >= today):
            raise ValidationError(
                _(
                    "%(code)s est encore en poste : on anonymise une personne après son départ "
                    "(ou en forçant)."
                )
                % {"code": expert.code}
            )
        keep_demographics = _counts_in_a_locked_period(expert)
        code = f"ANON-{expert.pk}"
        Expert.objects.filter(pk=expert.pk).update(
            code=code,
            first_name=ANONYMOUS,
            last_name=code,
            email="",
            updated_at=timezone.now(),
            **({} if keep_demographics else {"gender": "", "birth_year": None}),
        )
        time_entry_descriptions_erase(expert_id=expert.pk)
        audit_snapshots_anonymise(expert_id=expert.pk)
        TimesheetWeek.objects.filter(expert_id=expert.pk).exclude(reason="").update(
            reason=ERASED_REASON
        )
        _rename_in_admin_log(Expert, expert.pk, f"{ANONYMOUS} {code}")
        if expert.user is not None:
            _anonymise_account(expert.user, by=by, forced=force)
        return Anonymisation.objects.create(
            subject_kind=SubjectKind.EXPERT,
            subject_id=expert.pk,
            performed_by=by,
            forced=force and (expert.left_on is None or expert.left_on >= today),
            kept_demographics=keep_demographics,
        )


def user_anonymise(*, user, by=None, force: bool = False) -> Anonymisation:
    """Anonymises an account; an account an expert signs in with goes with its expert.

    Refused while the account is active (it can still sign in) unless `force`.
    """
    expert = Expert.objects.filter(user_id=user.pk).first()
    if expert is not None:
        done = expert_anonymise(expert=expert, by=by, force=force)
        return _done(SubjectKind.USER, user.pk) or done
    _check_may_anonymise(by)
    with transaction.atomic():
        user = get_user_model().objects.select_for_update().get(pk=user.pk)
        done = _done(SubjectKind.USER, user.pk)
        if done is not None:
            return done
        if user.is_active and not force:
            raise ValidationError(
                _(
                    "Le compte %(username)s est actif : désactivez-le avant de l'anonymiser "
                    "(ou forcez)."
                )
                % {"username": user.get_username()}
            )
        return _anonymise_account(user, by=by, forced=force and user.is_active)


def contact_anonymise(*, user, by=None) -> Anonymisation:
    """Anonymises a member contact: the account is closed (inactive, unusable password), its
    username, names and e-mail replaced, its sign-in records deleted and the title they held at
    each organisation emptied; the organisations keep the (nameless) contact row, and what the
    contact asked for or answered stays with the organisation. A second call changes nothing.

    Refused for a member of the staff (an expert or a role): they are anonymised as such.
    """
    _check_may_anonymise(by)
    with transaction.atomic():
        user = get_user_model().objects.select_for_update().get(pk=user.pk)
        done = _done(SubjectKind.CONTACT, user.pk)
        if done is not None:
            return done
        if (
            Expert.objects.filter(user_id=user.pk).exists()
            or StaffRole.objects.filter(user_id=user.pk).exists()
        ):
            raise ValidationError(
                _("%(username)s fait partie du personnel : anonymisez l'expert ou l'utilisateur.")
                % {"username": user.get_username()}
            )
        was_active = user.is_active
        MemberContact.objects.filter(user_id=user.pk).exclude(title="").update(
            title="", updated_at=timezone.now()
        )
        _anonymise_account(user, by=by, forced=False)
        return Anonymisation.objects.create(
            subject_kind=SubjectKind.CONTACT,
            subject_id=user.pk,
            performed_by=by,
            forced=was_active,
        )


def _check_may_anonymise(by) -> None:
    if by is not None and not can_handle_personal_information(by):
        raise PermissionDenied(_("Seule l'administration anonymise une personne."))


def _done(kind: str, pk: int) -> Anonymisation | None:
    return Anonymisation.objects.filter(subject_kind=kind, subject_id=pk).first()


def _counts_in_a_locked_period(expert: Expert) -> bool:
    """Whether the expert was employed on the last day of a locked month or fiscal year."""
    employed = Q(end__gte=expert.hired_on)
    if expert.left_on is not None:
        employed &= Q(end__lte=expert.left_on)
    return PeriodLock.objects.filter(employed).exists()


def _anonymise_account(user, *, by, forced: bool) -> Anonymisation:
    done = _done(SubjectKind.USER, user.pk)
    if done is not None:
        return done
    username = user.get_username()
    for model in (AccessAttempt, AccessLog, AccessFailureLog):
        model.objects.filter(username=username).delete()
    user.username = f"anonyme-{user.pk}"
    user.first_name = user.last_name = user.email = ""
    user.is_active = False
    user.set_unusable_password()
    user.save(
        update_fields=["username", "first_name", "last_name", "email", "is_active", "password"]
    )
    _rename_in_admin_log(get_user_model(), user.pk, user.username)
    return Anonymisation.objects.create(
        subject_kind=SubjectKind.USER, subject_id=user.pk, performed_by=by, forced=forced
    )


def _rename_in_admin_log(model, pk: int, name: str) -> None:
    """The admin's history names the row it changed: it now names the anonymous row."""
    LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(model), object_id=str(pk)
    ).update(object_repr=name)
