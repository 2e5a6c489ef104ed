"""The invoice run at a month's scale: drafting, then issuing, 350 organisations' invoices.

Fills a fresh database with 350 organisations (members of every category, some paid for by a
federation, 50 in a subsidised hour programme), 40 experts whose weeks are approved and 6,000
time entries in June 2020, then prints:

- drafting (`invoices_draft --through 2020-06-30`): seconds and queries (the queries do not grow
  with the organisations: the run is measured again at 35 organisations for comparison; on
  SQLite, Django splits each bulk write into statements of at most 999 parameters, so a few
  more statements carry the same writes);
- issuing every draft (`invoices_issue`, one transaction each): seconds;
- a PDF of the largest invoice, when `consortium.billing.pdf.invoice_pdf` exists: seconds.

Targets (issue 10): drafting under 2 s on SQLite, issuing under 5 s, a PDF under 1 s.

    .venv/bin/python benchmarks/bench_billing.py [--only sqlite|postgresql]

SQLite in var/bench/billing.sqlite3; PostgreSQL at BENCH_POSTGRES_URL (default: the server of a
postgres DATABASE_URL, else postgres://postgres@127.0.0.1:5432/) in the database
BENCH_BILLING_DATABASE (default consortium_bench_billing), dropped and made anew.
"""

import argparse
import datetime as dt
import os
import random
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
SQLITE_FILE = ROOT / "var" / "bench" / "billing.sqlite3"
POSTGRES_DATABASE = os.environ.get("BENCH_BILLING_DATABASE", "consortium_bench_billing")
ORGANISATIONS = 350
ENTRIES = 6_000
EXPERTS = 40
FIRST_DAY = dt.date(2020, 6, 1)
THROUGH = dt.date(2020, 6, 30)


def postgres_server() -> str:
    if "BENCH_POSTGRES_URL" in os.environ:
        return os.environ["BENCH_POSTGRES_URL"]
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith("postgres"):
        return urlunsplit(urlsplit(url)._replace(path="/"))
    return "postgres://postgres@127.0.0.1:5432/"


def fill(organisations: int, entries: int, seed: int = 2021) -> None:
    """The centre: rates, organisations and memberships, mandates, experts, approved weeks,
    entries (bulk writes: the benchmark measures billing, not the fixtures)."""
    from django.contrib.auth import get_user_model

    from consortium.billing.models import BillingSettings, Programme, ProgrammeEligibility, Rate
    from consortium.core.weeks import week_start_of
    from consortium.mandates.models import Mandate, MandateType
    from consortium.members.models import MemberCategory, Membership, Organisation
    from consortium.staff.models import Department, Expert, Role
    from consortium.timesheets.models import TimesheetWeek, WeekStatus
    from consortium.timesheets.services.entries import time_entries_bulk_write

    rng = random.Random(seed)
    BillingSettings.objects.update_or_create(
        pk=1,
        defaults={
            "legal_name": "Consortium de services partagés coop",
            "address": "123, rue Principale, Montréal (Québec)",
            "gst_number": "123456789 RT0001",
            "qst_number": "1234567890 TQ0001",
        },
    )
    categories = [choice.value for choice in MemberCategory]
    Rate.objects.bulk_create(
        Rate(member_category=category, hourly_rate=Decimal(rate), valid_from=dt.date(2019, 4, 1))
        for category, rate in zip(
            [*categories, "non_member"], ["85", "95", "105", "110", "140"], strict=False
        )
    )
    department = Department.objects.create(code="BENCH", name_fr="Banc", name_en="Bench")
    kinds = MandateType.objects.bulk_create(
        MandateType(code=f"T{n}", name_fr=f"Type {n}", name_en=f"Type {n}") for n in range(4)
    )
    orgs = Organisation.objects.bulk_create(
        Organisation(code=f"B{n:04d}", name=f"Coopérative {n:04d}") for n in range(organisations)
    )
    Membership.objects.bulk_create(
        Membership(organisation=org, category=rng.choice(categories), start=dt.date(2015, 1, 1))
        for org in orgs[: organisations * 9 // 10]  # a tenth are not members
    )
    federation = orgs[0]
    mandates = Mandate.objects.bulk_create(
        Mandate(
            code=f"MB{n:05d}",
            organisation=org,
            title=f"Mandat {n}",
            mandate_type=kinds[n % len(kinds)],
            department=department,
            start=dt.date(2019, 4, 1),
            billed_organisation=federation if n % 17 == 5 else None,
            fixed_fee=Decimal("1500.00") if n % 29 == 3 else None,
        )
        for n, org in enumerate(orgs + orgs[: organisations // 2])
    )
    funder = Organisation.objects.create(code="BFUNDER", name="Ville de Montréal")
    programme = Programme.objects.create(
        code="ESS25",
        name_fr="Obtenez 25 h de soutien gratuit",
        funder=funder,
        hours_per_organisation=Decimal(25),
        start=dt.date(2020, 4, 1),
        end=dt.date(2021, 3, 31),
    )
    programme.mandate_types.set(kinds[:2])
    ProgrammeEligibility.objects.bulk_create(
        ProgrammeEligibility(programme=programme, organisation=org) for org in orgs[:50]
    )
    experts = Expert.objects.bulk_create(
        Expert(
            code=f"BX{n:03d}",
            first_name="Expert",
            last_name=f"{n:03d}",
            email=f"bx{n:03d}@example.coop",
            role=rng.choice([Role.PROFESSIONAL, Role.TRAINER]),
            department=department,
            hired_on=dt.date(2015, 1, 1),
        )
        for n in range(EXPERTS)
    )
    approver = get_user_model().objects.create(username="bench-director")
    decided = dt.datetime(2020, 7, 6, 9, tzinfo=dt.UTC)
    mondays = sorted({week_start_of(FIRST_DAY + dt.timedelta(days=d)) for d in range(THROUGH.day)})
    TimesheetWeek.objects.bulk_create(
        TimesheetWeek(
            expert=expert,
            week_start=monday,
            status=WeekStatus.APPROVED,
            submitted_at=decided,
            decided_by=approver,
            decided_at=decided,
        )
        for expert in experts
        for monday in mondays
    )
    cells = set()
    while len(cells) < entries:
        cells.add(
            (
                rng.choice(experts).pk,
                rng.choice(mandates).pk,
                FIRST_DAY + dt.timedelta(days=rng.randrange(THROUGH.day)),
            )
        )
    from django.db import transaction

    with transaction.atomic():
        time_entries_bulk_write(
            [
                (expert, mandate, day, Decimal(rng.choice(["0.5", "1", "1.5", "2", "3"])), "")
                for expert, mandate, day in sorted(cells)
            ],
            new_only=True,
        )


def measure(label: str, organisations: int, entries: int) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from consortium.billing.models import Invoice, InvoiceStatus
    from consortium.billing.services.drafting import invoices_draft
    from consortium.billing.services.issuing import invoices_issue

    start = time.perf_counter()
    fill(organisations, entries)
    print(
        f"\n{label}: {organisations} organisations, {entries} entries written in "
        f"{time.perf_counter() - start:.1f} s"
    )
    with CaptureQueriesContext(connection) as captured:
        start = time.perf_counter()
        run = invoices_draft(through=THROUGH)
        drafting = time.perf_counter() - start
    print(
        f"  draft: {drafting:.2f} s, {len(captured)} queries — {run.created} drafts, "
        f"{run.hours} h, {run.amount} $, {len(run.problems)} problems"
    )
    drafts = list(Invoice.objects.filter(status=InvoiceStatus.DRAFT))
    start = time.perf_counter()
    invoices_issue(invoices=drafts, user=None, on=dt.date(2020, 7, 2))
    print(f"  issue: {time.perf_counter() - start:.2f} s for {len(drafts)} invoices")
    try:
        from consortium.billing.pdf import invoice_pdf
    except ImportError:
        print("  pdf: consortium.billing.pdf not here yet")
        return
    largest = Invoice.objects.order_by("-subtotal").first()
    start = time.perf_counter()
    invoice_pdf(largest)
    print(f"  pdf of {largest.number}: {time.perf_counter() - start:.2f} s")


def run(database_url: str, label: str, organisations: int, entries: int) -> None:
    """Each database in its own process: Django is set up once per process."""
    env = dict(
        os.environ,
        DATABASE_URL=database_url,
        DJANGO_SETTINGS_MODULE="consortium.settings",
        CONSORTIUM_DEMO="1",
    )
    command = [
        sys.executable,
        __file__,
        "--worker",
        label,
        "--organisations",
        str(organisations),
        "--entries",
        str(entries),
    ]
    subprocess.run(command, env=env, check=True)


def worker(label: str, organisations: int, entries: int) -> None:
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    measure(label, organisations, entries)


def fresh_sqlite(suffix: str) -> str:
    path = SQLITE_FILE.with_name(f"billing{suffix}.sqlite3")
    path.parent.mkdir(parents=True, exist_ok=True)
    for end in ("", "-wal", "-shm"):
        Path(f"{path}{end}").unlink(missing_ok=True)
    return f"sqlite:///{path}"


def fresh_postgresql(suffix: str) -> str | None:
    import psycopg

    server = postgres_server()
    name = POSTGRES_DATABASE + suffix
    try:
        with psycopg.connect(server + "postgres", autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
            connection.execute(f'CREATE DATABASE "{name}"')
    except psycopg.OperationalError as error:
        print(f"PostgreSQL skipped: {error}")
        return None
    return server + name


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=["sqlite", "postgresql"])
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--organisations", type=int, default=ORGANISATIONS)
    parser.add_argument("--entries", type=int, default=ENTRIES)
    args = parser.parse_args()
    if args.worker:
        worker(args.worker, args.organisations, args.entries)
        return
    # The full month, then a tenth of it: the queries of drafting must not grow.
    sizes = [
        (args.organisations, args.entries, ""),
        (args.organisations // 10, args.entries // 10, "-small"),
    ]
    for organisations, entries, suffix in sizes:
        if args.only != "postgresql":
            run(fresh_sqlite(suffix), "SQLite", organisations, entries)
        if args.only != "sqlite":
            url = fresh_postgresql(suffix)
            if url:
                run(url, "PostgreSQL", organisations, entries)


if __name__ == "__main__":
    main()
