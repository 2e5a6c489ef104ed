"""How the admin's lists hold up on a large ledger: queries and milliseconds per page.

Fills a fresh SQLite file (var/bench/admin.sqlite3) and, when a server answers, a fresh
PostgreSQL database with the demo centre at --scale 4 (about 1,700 organisations, 6,000 mandates
and 225,000 time entries), then renders each admin list (plus a search, a filter and the forms)
as a superuser and prints the number of queries and the median time of five renders.

    .venv/bin/python benchmarks/bench_admin.py [--scale F] [--only sqlite|postgresql]

PostgreSQL is reached at BENCH_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/), in
the database BENCH_ADMIN_DATABASE (default consortium_bench_admin), dropped and made anew.
"""

import argparse
import os
import statistics
import subprocess
import sys
import time
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
    ("time entries, search", "timesheets_timeentry_changelist", "?q={expert}"),
    ("time entries, one year", "timesheets_timeentry_changelist", "?fiscal_year=2020-2021"),
    (
        "time entries, one month",
        "timesheets_timeentry_changelist",
        "?date__gte=2020-06-01&date__lt=2020-07-01",
    ),
    ("period locks", "timesheets_periodlock_changelist", ""),
    ("time entry, add form", "timesheets_timeentry_add", ""),
    ("organisation, add form", "members_organisation_add", ""),
]


def measure(label: str) -> None:
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from consortium.staff.models import Expert

    user = get_user_model().objects.create_superuser("bench", "bench@example.coop", "x")
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    expert = Expert.objects.order_by("code").values_list("code", flat=True)[10]
    print(f"\n{label}")
    print(f"{'page':32} {'queries':>8} {'median ms':>10}")
    for name, view, query in PAGES:
        url = reverse(f"admin:{view}") + query.format(expert=expert)
        timings = []
        for _ in range(RENDERS):
            with CaptureQueriesContext(connection) as captured:
                start = time.perf_counter()
                response = client.get(url)
                timings.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200, (url, response.status_code)
        print(f"{name:32} {len(captured):>8} {statistics.median(timings):>10.0f}")


def run(database_url: str, scale: float, label: str) -> None:
    """Each database in its own process: Django is set up once per process."""
    env = dict(os.environ, DATABASE_URL=database_url, DJANGO_SETTINGS_MODULE="consortium.settings")
    command = [sys.executable, __file__, "--worker", label, "--scale", str(scale)]
    subprocess.run(command, env=env, check=True)


def worker(label: str, scale: float) -> None:
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    from consortium.demo.generator import generate

    start = time.perf_counter()
    counts = generate(seed=2021, scale=scale)
    print(f"{label}: {counts} written in {time.perf_counter() - start:.1f} s")
    measure(label)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=4.0)
    parser.add_argument("--only", choices=["sqlite", "postgresql"])
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.worker, args.scale)
        return
    if args.only != "postgresql":
        SQLITE_FILE.parent.mkdir(parents=True, exist_ok=True)
        for suffix in ("", "-wal", "-shm"):
            Path(f"{SQLITE_FILE}{suffix}").unlink(missing_ok=True)
        run(f"sqlite:///{SQLITE_FILE}", args.scale, "SQLite")
    if args.only != "sqlite":
        import psycopg

        try:
            with psycopg.connect(POSTGRES_SERVER + "postgres", autocommit=True) as server:
                server.execute(f'DROP DATABASE IF EXISTS "{POSTGRES_DATABASE}"')
                server.execute(f'CREATE DATABASE "{POSTGRES_DATABASE}"')
        except psycopg.OperationalError as error:
            print(f"PostgreSQL skipped: {error}")
            return
        run(POSTGRES_SERVER + POSTGRES_DATABASE, args.scale, "PostgreSQL")


if __name__ == "__main__":
    main()
