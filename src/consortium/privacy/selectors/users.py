"""What is held about a user account: the account, its roles, its sign-ins and what it did."""

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.admin.models import LogEntry
from django.contrib.auth import get_user_model
from django.db.models import F
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from consortium.accounts.models import StaffRole
from consortium.privacy.models import Anonymisation
from consortium.privacy.selectors.sections import Section, streamed
from consortium.surveys.models import Participation
from consortium.timesheets.models import (
    PeriodLock,
    TimeEntryChange,
    TimeEntryImport,
    TimesheetWeek,
)

LOGIN_FIELDS = ("attempt_time", "ip_address", "user_agent", "http_accept", "path_info")


def find_user(username: str):
    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        raise Http404(
            _("Aucun utilisateur n'a l'identifiant %(username)s.") % {"username": username}
        )
    return user


def user_sections(user) -> list[Section]:
    return [
        Section(
            "account",
            _("Compte"),
            streamed(
                get_user_model().objects.filter(pk=user.pk),
                "username",
                "first_name",
                "last_name",
                "email",
                "is_active",
                "is_staff",
                "is_superuser",
                "last_login",
                "date_joined",
            ),
        ),
        Section(
            "roles",
            _("Rôles"),
            streamed(StaffRole.objects.filter(user_id=user.pk), "role", "created_at"),
        ),
        Section(
            "directed_departments",
            _("Départements dirigés"),
            streamed(
                StaffRole.departments.through.objects.filter(staffrole__user_id=user.pk).order_by(
                    "department__code"
                ),
                role=F("staffrole__role"),
                department_code=F("department__code"),
            ),
        ),
        *login_sections(user.get_username()),
        Section(
            "time_entry_changes_made",
            _("Modifications d'entrées de temps faites"),
            streamed(
                TimeEntryChange.objects.filter(changed_by_id=user.pk).order_by("changed_at", "id"),
                "entry_id",
                "date",
                "action",
                "changed_at",
                expert_code=F("expert__code"),
                mandate_code=F("mandate__code"),
            ),
        ),
        Section(
            "time_entry_imports",
            _("Imports d'entrées de temps lancés"),
            streamed(
                TimeEntryImport.objects.filter(imported_by_id=user.pk).order_by("imported_at"),
                "file_name",
                "rows",
                "created",
                "updated",
                "imported_at",
            ),
        ),
        Section(
            "weeks_decided",
            _("Semaines approuvées ou renvoyées"),
            streamed(
                TimesheetWeek.objects.filter(decided_by_id=user.pk).order_by("decided_at"),
                "week_start",
                "status",
                "decided_at",
                "reason",
                expert_code=F("expert__code"),
            ),
        ),
        Section(
            "period_locks",
            _("Périodes verrouillées"),
            streamed(
                PeriodLock.objects.filter(locked_by_id=user.pk).order_by("start"),
                "kind",
                "start",
                "end",
                "reason",
                "created_at",
            ),
        ),
        Section(
            "admin_log",
            _("Journal de l'administration"),
            streamed(
                LogEntry.objects.filter(user_id=user.pk).order_by("action_time", "id"),
                "action_time",
                "object_id",
                "object_repr",
                "action_flag",
                "change_message",
                model=F("content_type__model"),
            ),
        ),
        Section(
            "survey_participations",
            # That the person answered a staff survey; never what: the answer is anonymous.
            _("Sondages du personnel auxquels la personne a répondu (réponses anonymes)"),
            streamed(
                Participation.objects.filter(user_id=user.pk).order_by(
                    "survey__fiscal_year__start_date", "survey_id"
                ),
                fiscal_year=F("survey__fiscal_year__name"),
                survey_title=F("survey__title_fr"),
            ),
        ),
        Section(
            "anonymisations_made",
            _("Anonymisations faites"),
            streamed(
                Anonymisation.objects.filter(performed_by_id=user.pk).order_by("performed_at"),
                "subject_kind",
                "subject_id",
                "performed_at",
                "forced",
            ),
        ),
    ]


def login_sections(username: str) -> list[Section]:
    """django-axes' records of signing in as `username`: the address and browser of each."""
    return [
        Section(
            "login_attempts",
            _("Tentatives de connexion échouées en cours"),
            streamed(
                AccessAttempt.objects.filter(username=username).order_by("attempt_time"),
                *LOGIN_FIELDS,
                "get_data",
                "post_data",
                "failures_since_start",
            ),
        ),
        Section(
            "login_log",
            _("Connexions"),
            streamed(
                AccessLog.objects.filter(username=username).order_by("attempt_time"),
                *LOGIN_FIELDS,
                "logout_time",
            ),
        ),
        Section(
            "login_failures",
            _("Échecs de connexion"),
            streamed(
                AccessFailureLog.objects.filter(username=username).order_by("attempt_time"),
                *LOGIN_FIELDS,
                "locked_out",
            ),
        ),
    ]
