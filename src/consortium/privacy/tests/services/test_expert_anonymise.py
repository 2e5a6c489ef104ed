import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Sum

from consortium.core.fiscal_years import fiscal_year_period
from consortium.kpis.selectors import ledger_kpis
from consortium.privacy.models import Anonymisation, SubjectKind
from consortium.privacy.services import expert_anonymise, user_anonymise
from consortium.privacy.tests.person import (
    DESCRIPTION,
    EMAIL,
    FIRST_NAME,
    IP,
    LAST_NAME,
    REASON,
    USERNAME,
    make_departed_expert,
    rows_containing,
)
from consortium.staff.models import Expert
from consortium.testing.factories import ExpertFactory, UserFactory
from consortium.timesheets.models import TimeEntry

pytestmark = pytest.mark.django_db


def test_it_leaves_neither_name_nor_email_nor_free_text_in_any_row(administrator):
    expert = make_departed_expert()
    assert rows_containing(FIRST_NAME, LAST_NAME, EMAIL, USERNAME, IP, REASON)
    expert_anonymise(expert=expert, by=administrator)
    assert rows_containing(FIRST_NAME, LAST_NAME, EMAIL, USERNAME, IP, DESCRIPTION, REASON) == []


def test_it_keeps_every_hour_and_the_audit_trail_rows():
    expert = make_departed_expert()
    entries = TimeEntry.objects.filter(expert=expert)
    hours = entries.aggregate(total=Sum("hours"))["total"]
    changes = list(expert.time_entry_changes.values_list("entry_id", "action", "changed_at"))
    expert_anonymise(expert=expert)
    assert entries.aggregate(total=Sum("hours"))["total"] == hours == Decimal("6.50")
    assert list(expert.time_entry_changes.values_list("entry_id", "action", "changed_at")) == (
        changes
    )
    assert {change.after["hours"] for change in expert.time_entry_changes.exclude(after=None)} == {
        "3.00",
        "4.50",
        "2.00",
    }


def test_it_closes_the_account_and_records_who_and_when_without_the_name(administrator):
    expert = make_departed_expert()
    done = expert_anonymise(expert=expert, by=administrator)
    expert.refresh_from_db()
    user = expert.user
    assert (expert.code, expert.first_name, expert.email) == (f"ANON-{expert.pk}", "Anonyme", "")
    assert (user.username, user.is_active, user.has_usable_password()) == (
        f"anonyme-{user.pk}",
        False,
        False,
    )
    assert (done.subject_kind, done.subject_id, done.performed_by) == (
        SubjectKind.EXPERT,
        expert.pk,
        administrator,
    )
    assert Anonymisation.objects.filter(subject_kind=SubjectKind.USER, subject_id=user.pk).exists()


def test_a_second_anonymisation_changes_nothing():
    expert = make_departed_expert()
    first = expert_anonymise(expert=expert)
    assert expert_anonymise(expert=expert) == first
    assert user_anonymise(user=expert.user) == Anonymisation.objects.get(
        subject_kind=SubjectKind.USER
    )
    assert Anonymisation.objects.count() == 2


def test_it_keeps_gender_and_birth_year_that_count_in_a_locked_period():
    expert = make_departed_expert()  # employed on the last day of the locked June 2020
    assert expert_anonymise(expert=expert).kept_demographics
    expert.refresh_from_db()
    assert (expert.gender, expert.birth_year) == ("woman", 1980)


def test_it_clears_gender_and_birth_year_that_count_in_no_locked_period():
    expert = ExpertFactory(left_on=dt.date(2016, 1, 1), gender="man", birth_year=1970)
    assert not expert_anonymise(expert=expert).kept_demographics
    expert.refresh_from_db()
    assert (expert.gender, expert.birth_year) == ("", None)


def test_it_refuses_an_expert_still_employed_unless_forced():
    expert = ExpertFactory(first_name="Toujours")
    with pytest.raises(ValidationError, match="encore en poste"):
        expert_anonymise(expert=expert)
    assert Expert.objects.get(pk=expert.pk).first_name == "Toujours"
    assert expert_anonymise(expert=expert, force=True).forced


def test_it_refuses_an_active_account_unless_forced():
    user = UserFactory(username="active")
    with pytest.raises(ValidationError, match="actif"):
        user_anonymise(user=user)
    assert user_anonymise(user=user, force=True).forced


def test_only_an_administrator_anonymises(director):
    expert = make_departed_expert()
    with pytest.raises(PermissionDenied):
        expert_anonymise(expert=expert, by=director)
    assert not Anonymisation.objects.exists()


def test_anonymising_an_expert_of_2020_2021_leaves_its_figures_as_they_were(demo):
    period = fiscal_year_period("2020-2021")
    before = ledger_kpis(period).as_dict()
    expert = (
        Expert.objects.filter(
            left_on__gt=period.end,
            left_on__lt=dt.date.today(),
            time_entries__date__gte=period.start,
        )
        .exclude(birth_year=None)
        .distinct()
        .first()
    )
    assert expert is not None
    expert_anonymise(expert=expert)
    assert Expert.objects.get(pk=expert.pk).first_name == "Anonyme"
    assert ledger_kpis(period).as_dict() == before
