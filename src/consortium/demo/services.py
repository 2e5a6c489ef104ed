"""Writes of the demo app: clearing the ledger before a fresh demo, and the demo logins."""

import datetime as dt
import functools
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import AbstractUser
from django.db import transaction
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from consortium.accounts.models import MemberContact, RoleKind
from consortium.accounts.services import staff_role_assign
from consortium.api.models import ApiToken, Scope
from consortium.api.services import api_token_create, api_token_revoke
from consortium.core.triggers import maintenance
from consortium.demo.generator import billing
from consortium.demo.generator.records import delete_records
from consortium.demo.selectors import demo_login_experts
from consortium.diagnostics.models import Diagnostic, DiagnosticAnswer, ServiceRequest
from consortium.mandates.models import Mandate, MandateType
from consortium.members.models import Membership, Organisation
from consortium.staff.models import Department, Expert, FieldOfExpertise
from consortium.timesheets.models import (
    PeriodLock,
    PeriodLockEvent,
    TimeEntry,
    TimeEntryChange,
    TimeEntryImport,
    TimesheetWeek,
)
from consortium.timesheets.services.locks import period_unlock
from consortium.treasury.models import InvestmentPolicy, TreasuryPlan

DEMO_USERNAME = "admin"
DEMO_RESET_REASON = "Réinitialisation de la démo"
DEMO_PASSWORD = "consortium-demo"

# One login per role, in the order they are printed. Created only by the demo (`consortium demo`,
# `consortium demo-data`): no other code gives anyone this password.
DEMO_ROLES: dict[str, tuple[str, Promise]] = {
    "experte": (RoleKind.EXPERT, _("experte (saisie du temps)")),
    "direction": (RoleKind.DIRECTOR, _("direction (approbation des semaines, tableau de bord)")),
    "finances": (RoleKind.FINANCE, _("finances (verrouillage des périodes)")),
    "communications": (RoleKind.COMMUNICATIONS, _("communications (rapport d'activités)")),
    DEMO_USERNAME: (RoleKind.ADMINISTRATOR, _("administration (tout, y compris /admin/)")),
}
# The member organisation's contact: no staff role, the member portal (`/portail/`).
DEMO_MEMBER_USERNAME = "membre"
DEMO_MEMBER_ORGANISATION = "MPEESAD"
DEMO_MEMBER_TITLE = "Directrice générale"
DEMO_USERNAMES = (*DEMO_ROLES, DEMO_MEMBER_USERNAME)


@dataclass(frozen=True)
class DemoLogin:
    """A login the demo prints: who signs in, as what, and as which expert (if any)."""

    user: AbstractUser
    role: str  # "" for the member's contact: no staff role
    description: Promise
    expert: Expert | None = None
    organisation: Organisation | None = None  # the one the member's contact represents


@transaction.atomic
def demo_data_delete() -> int:
    """Delete the demo: the records of every area, the whole service ledger and its reference
    rows; returns the entries deleted.

    The locks go first, through the ledger's own service: while a period is locked, the database
    refuses to delete its entries. The audit trail goes in a session in maintenance, the one
    writer its triggers let through (core/triggers.py). Fiscal years and users stay.
    """
    for lock in PeriodLock.objects.all():
        period_unlock(lock=lock, reason=DEMO_RESET_REASON)
    with maintenance():
        return _demo_data_delete()


def _demo_data_delete() -> int:
    # First: invoices hold on to the entries, mandates and organisations they bill.
    billing.delete()
    delete_records()
    # The demo's history goes with it: its audit rows and weeks point at its experts.
    TimeEntryChange.objects.all().delete()
    TimeEntryImport.objects.all().delete()
    PeriodLockEvent.objects.all().delete()
    TimesheetWeek.objects.all().delete()
    deleted, _by_model = TimeEntry.objects.all().delete()
    Mandate.objects.all().delete()
    Membership.objects.all().delete()
    # Federations are protected while affiliates point at them: unlink first.
    Organisation.objects.exclude(federation=None).update(federation=None)
    Organisation.objects.all().delete()
    Expert.objects.all().delete()
    FieldOfExpertise.objects.all().delete()
    Department.objects.all().delete()
    MandateType.objects.all().delete()
    return deleted


@functools.cache
def _hashed(password: str) -> str:
    # One hash for every demo login and every call in a process: the demo password is public
    # anyway, and each hash costs a third of a second.
    return make_password(password)


def _demo_user(
    username: str, hashed_password: str, *, superuser: bool = False, expert=None
) -> AbstractUser:
    user = get_user_model().objects.filter(username=username).first()
    user = user or get_user_model()(username=username)
    user.is_active = True
    user.is_staff = user.is_superuser = superuser
    user.password = hashed_password
    if expert is not None:
        user.first_name, user.last_name = expert.first_name, expert.last_name
        user.email = expert.email
    user.full_clean()
    user.save()
    return user


def _link(user: AbstractUser, expert: Expert) -> None:
    """Make `user` sign in as `expert`, and as nobody else (Expert.user is one to one)."""
    Expert.objects.filter(user=user).exclude(pk=expert.pk).update(user=None)
    if expert.user_id != user.pk:
        expert.user = user
        expert.save(update_fields=["user", "updated_at"])


@transaction.atomic
def demo_logins_ensure(
    *, password: str = DEMO_PASSWORD, today: dt.date | None = None
) -> list[DemoLogin]:
    """Every demo login (DEMO_ROLES), created if missing, with the demo password and its role.

    `experte` is the first accounting professional employed `today` (see demo_login_experts),
    `direction` directs her department and is its director. Running it again changes nothing
    but the passwords, set back to the demo's: the printed logins always work. After
    `demo-data --reset` it links the same logins to the new experts.
    """
    expert, director = demo_login_experts(today or dt.date.today())
    hashed = _hashed(password)
    logins = []
    for username, (role, description) in DEMO_ROLES.items():
        linked = {"experte": expert, "direction": director}.get(username)
        user = _demo_user(username, hashed, superuser=role == RoleKind.ADMINISTRATOR, expert=linked)
        if role == RoleKind.DIRECTOR:
            # A director directs at least one department: none to give in an empty ledger.
            if expert is not None:
                staff_role_assign(user=user, role=role, departments=[expert.department])
        elif role != RoleKind.ADMINISTRATOR:
            staff_role_assign(user=user, role=role)
        if linked is not None:
            _link(user, linked)
        logins.append(DemoLogin(user=user, role=role, description=description, expert=linked))
    member = _member_login(hashed)
    if member is not None:
        logins.append(member)
    return logins


# The demo's API token: the expert's, to try the API (docs/api.md) without creating one first.
DEMO_TOKEN_NAME = "démo"
DEMO_TOKEN_USERNAME = "experte"
DEMO_TOKEN_DAYS = 30


@transaction.atomic
def demo_api_token_issue() -> str | None:
    """A new API token for the demo's expert (time entries, weeks, mandates, organisations,
    experts), valid 30 days; the one an earlier run printed is revoked. Its secret, printed once
    (only its hash is stored), or None without the demo's expert."""
    user = get_user_model().objects.filter(username=DEMO_TOKEN_USERNAME).first()
    if user is None:
        return None
    earlier = ApiToken.objects.filter(user=user, name=DEMO_TOKEN_NAME, revoked_at__isnull=True)
    for token in earlier:
        api_token_revoke(token=token, by=user)
    scopes = [scope for scope in Scope.values if not scope.startswith("invoices:")]
    expires_at = timezone.now() + dt.timedelta(days=DEMO_TOKEN_DAYS)
    return api_token_create(
        user=user, name=DEMO_TOKEN_NAME, scopes=scopes, expires_at=expires_at
    ).secret


def _sign_member_records(user, organisation: Organisation) -> None:
    """The demo's records of the organisation's tools were written before its contact's login
    existed: they become hers (her diagnostics, her service requests, her treasury plans and
    adopted policy), so that the portal shows who did what."""
    Diagnostic.objects.filter(organisation=organisation, started_by__isnull=True).update(
        started_by=user
    )
    Diagnostic.objects.filter(
        organisation=organisation, finished_at__isnull=False, finished_by__isnull=True
    ).update(finished_by=user)
    DiagnosticAnswer.objects.filter(
        diagnostic__organisation=organisation, answered_by__isnull=True
    ).update(answered_by=user)
    ServiceRequest.objects.filter(organisation=organisation, requested_by__isnull=True).update(
        requested_by=user
    )
    TreasuryPlan.objects.filter(organisation=organisation, created_by__isnull=True).update(
        created_by=user
    )
    InvestmentPolicy.objects.filter(
        organisation=organisation, adopted_on__isnull=False, adopted_by__isnull=True
    ).update(adopted_by=user)


def _member_login(hashed_password: str) -> DemoLogin | None:
    """`membre`, the contact of the demo member organisation (MPEESAD) on the portal; none
    while the registry has no such organisation (an empty database)."""
    organisation = Organisation.objects.filter(code=DEMO_MEMBER_ORGANISATION).first()
    if organisation is None:
        return None
    user = _demo_user(DEMO_MEMBER_USERNAME, hashed_password)
    if not user.email:
        user.first_name, user.last_name = "Nathalie", "Bergeron"
        user.email = "membre@mpeesad.example"
        user.save(update_fields=["first_name", "last_name", "email"])
    MemberContact.objects.update_or_create(
        user=user,
        organisation=organisation,
        defaults={"title": DEMO_MEMBER_TITLE},
        create_defaults={"title": DEMO_MEMBER_TITLE, "invited_at": timezone.now()},
    )
    _sign_member_records(user, organisation)
    return DemoLogin(
        user=user,
        role="",
        description=_("personne-ressource d'un membre (portail des membres)"),
        organisation=organisation,
    )
