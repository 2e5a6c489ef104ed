import datetime as dt
import io

import pytest
from django.core.management import CommandError, call_command

from consortium.accounts.access import directed_departments
from consortium.accounts.selectors import expert_for_user
from consortium.demo.generator import targets
from consortium.demo.generator.recent import recent_span
from consortium.demo.tests.fingerprint import content_fingerprint
from consortium.members.models import Organisation
from consortium.testing.factories import TimeEntryFactory
from consortium.timesheets.models import PeriodKind, PeriodLock, TimeEntry, TimeEntryChange
from consortium.timesheets.services.entries import time_entry_update
from consortium.timesheets.services.locks import period_lock

pytestmark = pytest.mark.django_db

SMALL = ("--scale", "0.05")


def demo_data(*args: str) -> str:
    out = io.StringIO()
    call_command("demo_data", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_it_builds_the_demo_and_says_what_it_made():
    output = demo_data(*SMALL)
    assert output.startswith("Centre de démonstration créé en ")
    assert f" {Organisation.objects.count()} organisations," in output
    assert f" {PeriodLock.objects.count()} périodes verrouillées" in output
    assert PeriodLock.objects.filter(end__lte=targets.LAST_DAY).count() == 25
    span = recent_span(dt.date.today())
    assert f"du {span.start.isoformat()} au {span.end.isoformat()}, " in output
    assert Organisation.objects.filter(name="Réseau de coopération des EÉSAD").exists()
    assert TimeEntry.objects.exists()


def test_it_refuses_a_database_that_already_holds_ledger_data():
    entry = TimeEntryFactory()
    with pytest.raises(CommandError, match="--reset") as refusal:
        demo_data(*SMALL)
    assert "(1 organisation, 1 expert, 1 mandat, 1 entrée de temps," in str(refusal.value)
    assert list(TimeEntry.objects.all()) == [entry]
    assert not Organisation.objects.filter(code="CQCM").exists()


def test_reset_replaces_the_ledger_even_entries_of_locked_periods():
    entry = TimeEntryFactory(date=dt.date(2020, 6, 1))
    period_lock(kind=PeriodKind.MONTH, month=dt.date(2020, 6, 1))
    demo_data("--reset", *SMALL)
    assert not TimeEntry.objects.filter(pk=entry.pk).exists()
    assert not Organisation.objects.filter(pk=entry.mandate.organisation_id).exists()
    assert Organisation.objects.filter(code="CQCM").exists()
    assert PeriodLock.objects.filter(end__lte=targets.LAST_DAY).count() == 25


def test_reset_also_clears_the_history_of_entries_edited_by_hand(admin_user):
    entry = TimeEntryFactory(date=dt.date(2020, 6, 1))
    time_entry_update(entry=entry, description="Corrigée à la main", by=admin_user)
    demo_data("--reset", *SMALL)
    assert not TimeEntryChange.objects.filter(entry_id=entry.pk).exists()
    assert TimeEntry.objects.exists()


def test_reset_rebuilds_the_same_demo_and_keeps_the_logins_working(django_user_model):
    call_command("demo", *SMALL, stdout=io.StringIO(), stderr=io.StringIO())
    before = content_fingerprint()
    experte = expert_for_user(django_user_model.objects.get(username="experte"))
    users = set(django_user_model.objects.values_list("pk", "username"))
    demo_data("--reset", *SMALL)
    assert content_fingerprint() == before
    assert set(django_user_model.objects.values_list("pk", "username")) == users
    rebuilt = expert_for_user(django_user_model.objects.get(username="experte"))
    assert rebuilt.code == experte.code and rebuilt.pk != experte.pk
    direction = django_user_model.objects.get(username="direction")
    assert set(directed_departments(direction)) == {rebuilt.department_id}
    assert expert_for_user(direction).department_id == rebuilt.department_id
    assert django_user_model.objects.get(username="experte").check_password("consortium-demo")


def test_it_refuses_a_scale_that_is_not_positive():
    with pytest.raises(CommandError, match="positif"):
        demo_data("--scale", "0")
