"""The demo's records beyond the ledger: governance, business development, structuring projects,
communications, training, finance, surveys, the members' treasury, the organisational
diagnostic and the report's texts.

Each area has one module with a `write(context) -> dict[str, int]` that writes its records
(once the ledger is in the database, in the same transaction) and returns what it wrote, by
name, and a `delete()` that removes them. At --scale 1 they carry the figures of
seed-figures.md exactly.
"""

import datetime as dt
import random
from dataclasses import dataclass

from faker import Faker

from consortium.demo.generator.records import (
    communications,
    development,
    diagnostics,
    finance,
    governance,
    projects,
    report_texts,
    surveys,
    training,
    treasury,
)


@dataclass(frozen=True)
class RecordsContext:
    seed: int
    scale: float
    faker: Faker
    # The day the demo is built on (the current fiscal year's open surveys); None: today.
    today: dt.date | None = None

    def rng(self, part: str) -> random.Random:
        """One stream per part, so that changing one part does not reshuffle the others."""
        return random.Random(f"{self.seed}:records:{part}")


AREAS = [
    governance,
    development,
    projects,
    communications,
    training,
    finance,
    surveys,
    treasury,
    diagnostics,
    report_texts,
]


def write_records(context: RecordsContext) -> dict[str, int]:
    counts: dict[str, int] = {}
    for area in AREAS:
        counts.update(area.write(context))
    return counts


def delete_records() -> None:
    """Remove every area's records, the last written first."""
    for area in reversed(AREAS):
        area.delete()
