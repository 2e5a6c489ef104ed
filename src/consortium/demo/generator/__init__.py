"""The demo centre: `generate()` plans it in Python from a seed, then writes it in one go.

Same seed, same content (ids aside). At --scale 1 the ledger figures of the 2020-2021 report
come out exactly (see targets.py); --scale F makes about F times the hours, organisations and
experts, for benchmarks.
"""

import random
from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _
from faker import Faker
from tqdm import tqdm

from consortium.demo.generator import targets, writer
from consortium.demo.generator.hours import UNITS_PER_HOUR, HoursPlanner
from consortium.demo.generator.mandates import plan_mandates
from consortium.demo.generator.organisations import plan_organisations
from consortium.demo.generator.records import RecordsContext, write_records
from consortium.demo.generator.staff import plan_experts

__all__ = ["generate"]


def generate(*, seed: int = 2021, scale: float = 1.0, progress: bool = False) -> dict:
    """Build the demo centre in a database that holds no ledger data yet; returns the counts.

    Everything is written in one transaction: on any error, nothing is left behind.
    """
    if not scale > 0:
        raise ValueError(_("L'échelle doit être un nombre positif."))

    def rng(part: str) -> random.Random:
        # One stream per part, so that changing one part does not reshuffle the others.
        return random.Random(f"{seed}:{part}")

    faker = Faker("fr_CA")
    faker.seed_instance(seed)
    organisations = plan_organisations(rng("organisations"), scale)
    experts = plan_experts(rng("experts"), faker, scale)
    mandates = plan_mandates(organisations, experts, rng("mandates"))
    planner = HoursPlanner(experts, mandates, organisations, scale, rng("hours"))

    entries = quarter_hours = 0
    with transaction.atomic():
        writer.write_reference()
        organisation_ids = writer.write_organisations(organisations)
        ids = writer.WrittenIds(
            organisations=organisation_ids,
            experts=writer.write_experts(experts),
            mandates=writer.write_mandates(mandates, organisation_ids),
        )
        entry_writer = writer.EntryWriter(ids)
        months = tqdm(
            range(len(targets.MONTHS)),
            desc=_("Entrées de temps"),
            unit=_("mois"),
            disable=not progress,
        )
        for month in months:
            planned = planner.month_entries(month)
            quarter_hours += sum(entry[3] for entry in planned)
            entries += entry_writer.write(planned)
            months.set_postfix_str(f"{entries:,}".replace(",", "\u00a0"))
        records = write_records(RecordsContext(seed=seed, scale=scale, faker=faker))
        locks = writer.write_locks()
    return {
        "organisations": len(organisations),
        "memberships": sum(len(o.memberships) for o in organisations),
        "experts": len(experts),
        "mandates": len(mandates),
        "time_entries": entries,
        "hours": Decimal(quarter_hours) / UNITS_PER_HOUR,
        "period_locks": locks,
        **records,
    }
