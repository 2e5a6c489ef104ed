"""How the admin's lists hold up on a large ledger: queries and milliseconds per page.

Fills a fresh SQLite file (var/bench/admin.sqlite3) and, when a server answers, a fresh
PostgreSQL database with 2,000 organisations, 150 experts, 5,000 mandates and 250,000 time
entries over six fiscal years, then renders each admin list (plus a search, a filter and the
forms) as a superuser and prints the number of queries and the median time of five renders.

    .venv/bin/python benchmarks/bench_admin.py [--entries N] [--only sqlite|postgresql]

PostgreSQL is reached at BENCH_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/), in
the database BENCH_ADMIN_DATABASE (default consortium_bench_admin), dropped and made anew.
"""

import argparse
import datetime as dt
import os
import random
import statistics
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SQLITE_FILE = ROOT / "var" / "bench" / "admin.sqlite3"
POSTGRES_SERVER = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/")
POSTGRES_DATABASE = os.environ.get("BENCH_ADMIN_DATABASE", "consortium_bench_admin")
RENDERS = 5

PAGES = [
    ("organisations", "members_organisation_changelist", ""),
    ("organisations, search", "members_organisation_changelist", "?q=Coop"),
    ("organisations, federations", "members_organisation_changelist", "?is_federation=yes"),
    ("organisations, user members", "members_organisation_changelist", "?member_category=user"),
    ("memberships", "members_membership_changelist", ""),
    ("experts", "staff_expert_changelist", ""),
    ("mandates", "mandates_mandate_changelist", ""),
    ("mandates, closed", "mandates_mandate_changelist", "?status__exact=closed"),
    ("time entries", "timesheets_timeentry_changelist", ""),
    ("time entries, search", "timesheets_timeentry_changelist", "?q=EXP0042"),
    (
        "time entries, one month",
        "timesheets_timeentry_changelist",
        "?date__year=2020&date__month=6",
    ),
    ("period locks", "timesheets_periodlock_changelist", ""),
    ("time entry, add form", "timesheets_timeentry_add", ""),
    ("organisation, add form", "members_organisation_add", ""),
]


def populate(entries: int, seed: int = 42) -> None:
    from consortium.core.fiscal_years import month_period
    from consortium.mandates.models import Mandate, MandateType
    from consortium.members.models import LegalForm, MemberCategory, Membership, Organisation
    from consortium.staff.models import Department, Expert, Role
    from consortium.timesheets.models import PeriodKind, PeriodLock
    from consortium.timesheets.services import time_entries_bulk_write

    rng = random.Random(seed)
    departments = Department.objects.bulk_create(
        Department(code=f"D{n}", name_fr=f"Département {n}", name_en=f"Department {n}")
        for n in range(8)
    )
    types = MandateType.objects.bulk_create(
        MandateType(code=f"T{n}", name_fr=f"Type {n}", name_en=f"Type {n}") for n in range(6)
    )
    federations = Organisation.objects.bulk_create(
        Organisation(code=f"FED{n:03d}", name=f"Regroupement {n}", legal_form=LegalForm.NONPROFIT)
        for n in range(100)
    )
    organisations = federations + Organisation.objects.bulk_create(
        Organisation(
            code=f"ORG{n:04d}",
            name=f"Coop {n}",
            legal_form=rng.choice(LegalForm.values),
            region=f"{rng.randint(1, 17):02d}",
            federation=rng.choice([None, *federations]),
        )
        for n in range(1900)
    )
    Membership.objects.bulk_create(
        Membership(
            organisation=organisation,
            category=rng.choice(MemberCategory.values),
            start=dt.date(rng.randint(2000, 2020), 1, 1),
        )
        for organisation in organisations
    )
    experts = Expert.objects.bulk_create(
        Expert(
            code=f"EXP{n:04d}",
            first_name=f"Prénom{n}",
            last_name=f"Nom{n}",
            role=rng.choice(Role.values),
            department=rng.choice(departments),
            hired_on=dt.date(2010, 1, 1),
        )
        for n in range(150)
    )
    mandates = Mandate.objects.bulk_create(
        Mandate(
            code=f"MAN{n:05d}",
            organisation=rng.choice(organisations),
            title=f"Mandat {n}",
            mandate_type=rng.choice(types),
            department=rng.choice(departments),
            start=dt.date(2015, 4, 1),
            status=rng.choice(["open", "closed"]),
        )
        for n in range(5000)
    )
    first_day, days = dt.date(2015, 4, 1), 6 * 365
    cells: set[tuple[int, int, dt.date]] = set()
    while len(cells) < entries:
        day = first_day + dt.timedelta(days=rng.randrange(days))
        cells.add((rng.choice(experts).pk, rng.choice(mandates).pk, day))
    rows = [(e, m, day, Decimal(rng.choice(["0.5", "1", "2.5", "3"])), "") for e, m, day in cells]
    time_entries_bulk_write(rows)
    PeriodLock.objects.bulk_create(
        PeriodLock(kind=PeriodKind.MONTH, start=period.start, end=period.end)
        for period in (month_period(2015 + (3 + n) // 12, (3 + n) % 12 + 1) for n in range(60))
    )


def measure(label: str) -> None:
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    user = get_user_model().objects.create_superuser("bench", "bench@example.coop", "x")
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    print(f"\n{label}")
    print(f"{'page':32} {'queries':>8} {'median ms':>10}")
    for name, view, query in PAGES:
        url = reverse(f"admin:{view}") + query
        timings = []
        for _ in range(RENDERS):
            with CaptureQueriesContext(connection) as captured:
                start = time.perf_counter()
                response = client.get(url)
                timings.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200, (url, response.status_code)
        print(f"{name:32} {len(captured):>8} {statistics.median(timings):>10.0f}")


def run(database_url: str, entries: int, label: str) -> None:
    """Each database in its own process: Django is set up once per process."""
    env = dict(os.environ, DATABASE_URL=database_url, DJANGO_SETTINGS_MODULE="consortium.settings")
    command = [sys.executable, __file__, "--worker", label, "--entries", str(entries)]
    subprocess.run(command, env=env, check=True)


def worker(label: str, entries: int) -> None:
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    start = time.perf_counter()
    populate(entries)
    print(f"{label}: {entries:,} entries written in {time.perf_counter() - start:.1f} s")
    measure(label)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=250_000)
    parser.add_argument("--only", choices=["sqlite", "postgresql"])
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.worker, args.entries)
        return
    if args.only != "postgresql":
        SQLITE_FILE.parent.mkdir(parents=True, exist_ok=True)
        for suffix in ("", "-wal", "-shm"):
            Path(f"{SQLITE_FILE}{suffix}").unlink(missing_ok=True)
        run(f"sqlite:///{SQLITE_FILE}", args.entries, "SQLite")
    if args.only != "sqlite":
        import psycopg

        try:
            with psycopg.connect(POSTGRES_SERVER + "postgres", autocommit=True) as server:
                server.execute(f'DROP DATABASE IF EXISTS "{POSTGRES_DATABASE}"')
                server.execute(f'CREATE DATABASE "{POSTGRES_DATABASE}"')
        except psycopg.OperationalError as error:
            print(f"PostgreSQL skipped: {error}")
            return
        run(POSTGRES_SERVER + POSTGRES_DATABASE, args.entries, "PostgreSQL")


if __name__ == "__main__":
    main()
