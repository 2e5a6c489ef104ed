"""Writes of the demo app: clearing the ledger before a fresh demo, and the demo login."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractUser
from django.db import transaction

from consortium.demo.generator.records import delete_records
from consortium.mandates.models import Mandate, MandateType
from consortium.members.models import Membership, Organisation
from consortium.staff.models import Department, Expert, FieldOfExpertise
from consortium.timesheets.models import (
    PeriodLock,
    TimeEntry,
    TimeEntryChange,
    TimeEntryImport,
    TimesheetWeek,
)
from consortium.timesheets.services import period_unlock

DEMO_USERNAME = "admin"
DEMO_PASSWORD = "consortium-demo"


@transaction.atomic
def demo_data_delete() -> int:
    """Delete the demo: the records of every area, the whole service ledger and its reference
    rows; returns the entries deleted.

    The locks go first, through the ledger's own service: while a period is locked, the database
    refuses to delete its entries. Fiscal years and users stay.
    """
    for lock in PeriodLock.objects.all():
        period_unlock(lock=lock)
    delete_records()
    # The demo's history goes with it: its audit rows and weeks point at its experts.
    TimeEntryChange.objects.all().delete()
    TimeEntryImport.objects.all().delete()
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


@transaction.atomic
def demo_login_ensure(
    *, username: str = DEMO_USERNAME, password: str = DEMO_PASSWORD
) -> tuple[AbstractUser, bool]:
    """The demo's superuser, created if missing, with the demo password; says if created.

    Running it again leaves one user with the same password: the printed login always works.
    """
    user, created = get_user_model().objects.get_or_create(username=username)
    user.is_active = user.is_staff = user.is_superuser = True
    user.set_password(password)
    user.full_clean()
    user.save()
    return user, created
