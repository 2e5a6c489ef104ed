"""Whatever mix of writes the ledger takes (entries recorded, changed, moved and deleted by the
services, imported in bulk, created by the ORM's bulk_create), the hours rollup is the sum of
the entries by day, expert and mandate after each one."""

import contextlib
import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test

from consortium.testing.factories import ExpertFactory, MandateFactory
from consortium.timesheets.models import TimeEntry
from consortium.timesheets.services.entries import (
    time_entries_bulk_write,
    time_entry_delete,
    time_entry_record,
    time_entry_update,
)
from consortium.timesheets.tests.models.test_hours_rollup import entries_grouped, rollups

pytestmark = pytest.mark.django_db

DAYS = [dt.date(2020, 6, 1) + dt.timedelta(days=n) for n in range(4)]
HOURS = st.integers(min_value=1, max_value=600).map(lambda cents: Decimal(cents) / 100)
PICK = st.integers(min_value=0, max_value=10_000)


class RollupMachine(RuleBasedStateMachine):
    experts: list = []
    mandates: list = []

    def __init__(self) -> None:
        super().__init__()
        # Each run starts from no entries: its writes are rolled back at teardown.
        self.atomic = transaction.atomic()
        self.atomic.__enter__()

    def teardown(self) -> None:
        transaction.set_rollback(True)
        self.atomic.__exit__(None, None, None)

    def _entry(self, pick: int) -> TimeEntry | None:
        ids = list(TimeEntry.objects.order_by("pk").values_list("pk", flat=True))
        return TimeEntry.objects.get(pk=ids[pick % len(ids)]) if ids else None

    @rule(expert=PICK, mandate=PICK, day=st.sampled_from(DAYS), hours=HOURS)
    def record(self, expert: int, mandate: int, day: dt.date, hours: Decimal) -> None:
        with contextlib.suppress(ValidationError):  # the day's 24 h are full: nothing written
            time_entry_record(
                expert=self.experts[expert % len(self.experts)],
                mandate=self.mandates[mandate % len(self.mandates)],
                date=day,
                hours=hours,
            )

    @rule(
        pick=PICK,
        mandate=st.none() | PICK,
        day=st.none() | st.sampled_from(DAYS),
        hours=st.none() | HOURS,
    )
    def update(self, pick: int, mandate: int | None, day: dt.date | None, hours) -> None:
        entry = self._entry(pick)
        if entry is None:
            return
        with contextlib.suppress(ValidationError):
            time_entry_update(
                entry=entry,
                mandate=None if mandate is None else self.mandates[mandate % len(self.mandates)],
                date=day,
                hours=hours,
            )

    @rule(pick=PICK, expert=PICK)
    def move_to_another_expert(self, pick: int, expert: int) -> None:
        entry = self._entry(pick)
        if entry is not None:
            expert_id = self.experts[expert % len(self.experts)].pk
            TimeEntry.objects.filter(pk=entry.pk).update(expert_id=expert_id)

    @rule(pick=PICK)
    def delete(self, pick: int) -> None:
        entry = self._entry(pick)
        if entry is not None:
            time_entry_delete(entry=entry)

    @rule(
        rows=st.lists(st.tuples(PICK, PICK, st.sampled_from(DAYS), HOURS), min_size=1, max_size=6),
        source=st.sampled_from(["", "kimai"]),
    )
    def bulk_import(self, rows: list, source: str) -> None:
        time_entries_bulk_write(
            [
                (
                    self.experts[expert % len(self.experts)].pk,
                    self.mandates[mandate % len(self.mandates)].pk,
                    day,
                    hours,
                    "",
                    None,
                    None,
                    source,
                    "",
                )
                for expert, mandate, day, hours in rows
            ]
        )

    @rule(rows=st.lists(st.tuples(PICK, PICK, st.sampled_from(DAYS), HOURS), max_size=4))
    def bulk_create(self, rows: list) -> None:
        TimeEntry.objects.bulk_create(
            TimeEntry(
                expert=self.experts[expert % len(self.experts)],
                mandate=self.mandates[mandate % len(self.mandates)],
                date=day,
                hours=hours,
            )
            for expert, mandate, day, hours in rows
        )

    @invariant()
    def rollup_is_the_sum_of_the_entries(self) -> None:
        assert rollups() == entries_grouped()


def test_the_rollup_is_the_sum_of_the_entries_after_any_mix_of_writes():
    RollupMachine.experts = [ExpertFactory() for _ in range(2)]
    RollupMachine.mandates = [MandateFactory() for _ in range(2)]
    run_state_machine_as_test(
        RollupMachine,
        settings=settings(
            max_examples=40,
            stateful_step_count=15,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow],
        ),
    )
