import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from consortium.testing.factories import ExpertFactory, MandateFactory, TimeEntryFactory
from consortium.timesheets.models import PeriodKind, TimeEntry
from consortium.timesheets.services.entries import time_entry_record, time_entry_set
from consortium.timesheets.services.locks import period_lock

pytestmark = pytest.mark.django_db
DAY = dt.date(2020, 6, 1)


def messages(error: ValidationError) -> str:
    return " ".join(message for messages in error.message_dict.values() for message in messages)


def test_it_records_hours_on_a_mandate():
    expert, mandate = ExpertFactory(), MandateFactory()
    entry = time_entry_record(
        expert=expert, mandate=mandate, date=DAY, hours=Decimal("7.25"), description="Paie"
    )
    entry.refresh_from_db()
    assert (entry.hours, entry.description) == (Decimal("7.25"), "Paie")


def test_recording_the_same_cell_again_adds_a_second_entry_of_that_day():
    expert, mandate = ExpertFactory(), MandateFactory()
    time_entry_record(expert=expert, mandate=mandate, date=DAY, hours=Decimal(3))
    time_entry_record(expert=expert, mandate=mandate, date=DAY, hours=Decimal(5))
    hours = TimeEntry.objects.order_by("hours").values_list("hours", flat=True)
    assert list(hours) == [Decimal(3), Decimal(5)]


def test_it_rejects_more_than_24_hours_a_day_across_mandates():
    expert = ExpertFactory(code="EXP-A")
    TimeEntryFactory(expert=expert, date=DAY, hours=Decimal(20))
    with pytest.raises(ValidationError) as caught:
        time_entry_record(expert=expert, mandate=MandateFactory(), date=DAY, hours=Decimal(5))
    assert "24 h au plus par jour" in messages(caught.value)
    # No one acting (a command): the expert by name, never by code.
    assert f"{expert} aurait 25\xa0h le lundi 1er juin 2020" in messages(caught.value)
    assert TimeEntry.objects.count() == 1


def test_setting_a_cell_does_not_count_its_old_hours_twice():
    expert = ExpertFactory()
    entry = TimeEntryFactory(expert=expert, date=DAY, hours=Decimal(20))
    time_entry_set(expert=expert, mandate=entry.mandate, date=DAY, hours=Decimal(24))
    entry.refresh_from_db()
    assert entry.hours == Decimal(24)


@pytest.mark.parametrize("hours", ["0", "-1", "24.01", "7.125"])
def test_it_rejects_impossible_hours(hours):
    with pytest.raises(ValidationError) as caught:
        time_entry_record(
            expert=ExpertFactory(), mandate=MandateFactory(), date=DAY, hours=Decimal(hours)
        )
    assert "hours" in caught.value.message_dict


def test_it_rejects_a_day_outside_the_mandate_dates():
    mandate = MandateFactory(code="M-1", start=dt.date(2020, 7, 1), end=dt.date(2020, 9, 30))
    with pytest.raises(ValidationError) as caught:
        time_entry_record(expert=ExpertFactory(), mandate=mandate, date=DAY, hours=Decimal(1))
    assert "hors des dates du mandat M-1" in messages(caught.value)


def test_it_rejects_a_day_outside_the_experts_employment():
    expert = ExpertFactory(code="EXP-B", hired_on=dt.date(2019, 1, 1), left_on=dt.date(2020, 5, 31))
    with pytest.raises(ValidationError) as caught:
        time_entry_record(expert=expert, mandate=MandateFactory(), date=DAY, hours=Decimal(1))
    assert "n'était pas à l'emploi" in messages(caught.value)


def test_the_last_day_of_employment_is_still_a_working_day():
    expert = ExpertFactory(left_on=DAY)
    time_entry_record(expert=expert, mandate=MandateFactory(), date=DAY, hours=Decimal(1))
    assert TimeEntry.objects.count() == 1


def test_it_rejects_hours_on_a_locked_period():
    period_lock(kind=PeriodKind.MONTH, month=DAY)
    with pytest.raises(ValidationError) as caught:
        time_entry_record(
            expert=ExpertFactory(), mandate=MandateFactory(), date=DAY, hours=Decimal(1)
        )
    assert "période verrouillée (du 1er juin 2020 au 30 juin 2020)" in messages(caught.value)
    assert TimeEntry.objects.count() == 0


def test_the_refusal_is_in_english_when_the_user_reads_english():
    from django.utils import translation

    period_lock(kind=PeriodKind.MONTH, month=DAY)
    with translation.override("en"), pytest.raises(ValidationError) as caught:
        time_entry_record(
            expert=ExpertFactory(), mandate=MandateFactory(), date=DAY, hours=Decimal(1)
        )
    assert "locked period" in messages(caught.value)
