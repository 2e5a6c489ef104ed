"""The demo centre: `generate()` plans it in Python from a seed, then writes it in one go.

Same seed, same content (ids aside). At --scale 1 the ledger figures of the 2020-2021 report
come out exactly (see targets.py); --scale F makes about F times the hours, organisations and
experts, for benchmarks. The ledger then goes on to last week before `today` (see recent.py),
with the demo logins that sign in as its experts and decide their weeks.
"""

import datetime as dt
import random
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from faker import Faker
from tqdm import tqdm

from consortium.accounts.models import RoleKind
from consortium.demo.generator import billing, recent, targets, writer
from consortium.demo.generator.hours import UNITS_PER_HOUR, HoursPlanner
from consortium.demo.generator.mandates import plan_mandates
from consortium.demo.generator.organisations import plan_organisations
from consortium.demo.generator.records import RecordsContext, write_records
from consortium.demo.generator.staff import plan_experts
from consortium.staff.models import Expert

__all__ = ["generate"]


def generate(
    *,
    seed: int = 2021,
    scale: float = 1.0,
    progress: bool = False,
    today: dt.date | None = None,
) -> dict:
    """Build the demo centre in a database that holds no ledger data yet; returns the counts.

    Everything is written in one transaction: on any error, nothing is left behind. `today`
    (default: the real one) decides where the recent weeks end.
    """
    # Imported here: the demo's services import the generator's records to delete them.
    from consortium.demo.services import demo_logins_ensure

    if not scale > 0:
        raise ValueError(_("L'échelle doit être un nombre positif."))
    today = today or dt.date.today()

    def rng(part: str) -> random.Random:
        # One stream per part, so that changing one part does not reshuffle the others.
        return random.Random(f"{seed}:{part}")

    faker = Faker("fr_CA")
    faker.seed_instance(seed)
    organisations = plan_organisations(rng("organisations"), scale)
    experts = plan_experts(rng("experts"), faker, scale)
    mandates = plan_mandates(organisations, experts, rng("mandates"))
    planner = HoursPlanner(experts, mandates, organisations, scale, rng("hours"))
    span = recent.recent_span(today)
    recent_planned = recent.plan_recent_entries(experts, mandates, today, scale, rng("recent"))

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
        records = write_records(RecordsContext(seed=seed, scale=scale, faker=faker, today=today))
        # After the records, so that they see the report years' ledger alone, and before any
        # lock: the locked-period triggers slow every insert down.
        recent_entries = entry_writer.write(recent_planned)
        recent_quarter_hours = sum(entry[3] for entry in recent_planned)
        quarter_hours += recent_quarter_hours
        entries += recent_entries
        locks = writer.write_locks()
        logins = demo_logins_ensure(today=today)
        weeks = awaiting = 0
        if span is not None:
            weeks, awaiting = _write_recent_weeks(span, logins, rng("weeks"), today)
            finance = next(login.user for login in logins if login.role == RoleKind.FINANCE)
            locks += writer.write_recent_locks(recent.locked_months(span, today), finance)
        writer.write_import_trail(entries)
        writer.write_budgets(rng("budgets"))
        # Last: the invoices bill the hours of every approved month but the last one.
        finance_user = next(login.user for login in logins if login.role == RoleKind.FINANCE)
        invoiced = billing.write(
            today=today, scale=scale, rng=rng("billing"), issued_by=finance_user
        )
    return {
        "organisations": len(organisations),
        "memberships": sum(len(o.memberships) for o in organisations),
        "experts": len(experts),
        "mandates": len(mandates),
        "time_entries": entries,
        "hours": Decimal(quarter_hours) / UNITS_PER_HOUR,
        "period_locks": locks,
        "built_on": today,
        "recent_time_entries": recent_entries,
        "recent_hours": Decimal(recent_quarter_hours) / UNITS_PER_HOUR,
        "recent_start": span.start if span else None,
        "recent_end": span.end if span else None,
        "timesheet_weeks": weeks,
        "weeks_awaiting_approval": awaiting,
        **records,
        **invoiced,
    }


def _write_recent_weeks(
    span: recent.RecentSpan, logins: list, rng: random.Random, today: dt.date
) -> tuple[int, int]:
    """The recent weeks' rows; returns how many, and how many await the `direction` login."""
    experts = list(Expert.objects.values_list("pk", "hired_on", "left_on", "department_id"))
    departments = {expert: department for expert, _h, _l, department in experts}
    deciders = writer.week_deciders(logins)
    director = next(login.user.pk for login in logins if login.role == RoleKind.DIRECTOR)
    directed = {d for d, user in deciders.by_department.items() if user == director}
    demo_department = {e for e, department in departments.items() if department in directed}
    weeks = recent.employment_weeks(span, [(e, h, left) for e, h, left, _d in experts])
    statuses = recent.recent_week_statuses(
        weeks, span, demo_department, set(deciders.user_of_expert), rng
    )
    # The director decides first thing in the morning; a demo built at dawn has decided nothing
    # later than now.
    now = dt.datetime.combine(today, dt.time(9), tzinfo=timezone.get_current_timezone())
    if today == dt.date.today():
        now = min(now, timezone.now())
    written = writer.write_weeks(statuses, deciders, departments, rng, now)
    awaiting = sum(1 for expert, _monday in statuses.submitted if expert in demo_department)
    return written, awaiting
