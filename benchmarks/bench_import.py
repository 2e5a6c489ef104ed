"""How fast `consortium import time-entries` goes: rows per second on SQLite and PostgreSQL.

Writes a valid time-entries file of 200,000 rows (semicolons, decimal commas) with its reference
data under var/bench/, imports the reference data into a fresh SQLite file (var/bench/) and a
fresh PostgreSQL database `consortium_bench_import`, then times the import of the time entries
(the import itself: not process start-up, not migrations) and a second import of the same file,
which replaces every entry. Run by `make bench-import`.

    .venv/bin/python benchmarks/bench_import.py [--rows N] [--only sqlite|postgresql]

PostgreSQL is reached at BENCH_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/);
it is skipped with a message if no server answers there.
"""

import argparse
import csv
import datetime as dt
import os
import random
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = ROOT / "var" / "bench"
SQLITE_FILE = BENCH_DIR / "import.sqlite3"
POSTGRES_SERVER = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/")
POSTGRES_DATABASE = "consortium_bench_import"
TARGET_ROWS_PER_SECOND = 50_000

EXPERTS = 150
MANDATES = 800
ORGANISATIONS = 400
FEDERATIONS = 20
FIRST_DAY = dt.date(2020, 4, 1)
LAST_DAY = dt.date(2021, 3, 31)
HOURS = ["0,5", "1", "1,25", "1,5", "2", "2,5", "3", "3,75"]  # six a day stay under 24 h
DESCRIPTIONS = ["", "Suivi comptable", "Rencontre, suivi", "Paie", "Formation « Excel »"]


def _write(path: Path, header: list[str], rows) -> None:
    with path.open("w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file, delimiter=";")
        writer.writerow(header)
        writer.writerows(rows)


def generate(rows: int, seed: int = 42) -> None:
    """Reference data and `rows` time entries, all valid, under var/bench/."""
    rng = random.Random(seed)
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    _write(
        BENCH_DIR / "departments.csv",
        ["code", "name_fr", "name_en"],
        ([f"D{n}", f"Département {n}", f"Department {n}"] for n in range(8)),
    )
    _write(
        BENCH_DIR / "mandate-types.csv",
        ["code", "name_fr", "name_en"],
        ([f"T{n}", f"Type {n}", f"Type {n}"] for n in range(6)),
    )
    categories = ["fully_managed", "user", "auxiliary", "support", ""]
    _write(
        BENCH_DIR / "organisations.csv",
        [
            *("code", "name", "legal_form", "neq", "region", "federation_code"),
            *("member_category", "member_since", "member_until"),
        ],
        (
            [
                f"O{n:04d}",
                f"Organisation {n}",
                "cooperative",
                f"{1_100_000_000 + n}",
                f"{n % 17 + 1:02d}",
                f"O{n % FEDERATIONS:04d}" if n >= FEDERATIONS else "",
                categories[n % 5],
                "2015-01-01" if n % 5 != 4 else "",
                "",
            ]
            for n in range(ORGANISATIONS)
        ),
    )
    _write(
        BENCH_DIR / "experts.csv",
        [
            *("code", "first_name", "last_name", "email", "role", "department"),
            *("hired_on", "left_on", "gender", "birth_year"),
        ],
        (
            [
                f"E{n:03d}",
                f"Prénom{n}",
                f"Nom{n}",
                f"e{n}@example.coop",
                "professional",
                f"D{n % 8}",
                "2015-01-01",
                "",
                "woman" if n % 2 else "man",
                1960 + n % 40,
            ]
            for n in range(EXPERTS)
        ),
    )
    _write(
        BENCH_DIR / "mandates.csv",
        ["code", "organisation_code", "title", "mandate_type", "department", "start", "end"],
        (
            [
                f"M{n:04d}",
                f"O{n % ORGANISATIONS:04d}",
                f"Mandat {n}",
                f"T{n % 6}",
                f"D{n % 8}",
                "2019-01-01",
                "",
            ]
            for n in range(MANDATES)
        ),
    )
    days = [
        FIRST_DAY + dt.timedelta(days=offset)
        for offset in range((LAST_DAY - FIRST_DAY).days + 1)
        if (FIRST_DAY + dt.timedelta(days=offset)).weekday() < 5
    ]
    portfolios = [rng.sample(range(MANDATES), 15) for _expert in range(EXPERTS)]
    per_day = -(-rows // (EXPERTS * len(days)))  # rounded up
    if per_day > 6:
        raise SystemExit(f"{rows} rows need more than six entries a day: raise EXPERTS")

    def entries():
        written = 0
        for day in days:
            text = day.isoformat()
            for expert in range(EXPERTS):
                for mandate in rng.sample(portfolios[expert], per_day):
                    if written == rows:
                        return
                    written += 1
                    yield [
                        f"E{expert:03d}",
                        f"M{mandate:04d}",
                        text,
                        rng.choice(HOURS),
                        rng.choice(DESCRIPTIONS),
                    ]

    _write(
        BENCH_DIR / "time-entries.csv",
        ["expert_code", "mandate_code", "date", "hours", "description"],
        entries(),
    )


def _fresh_database(target: str) -> str:
    """Drop and recreate the target's database; returns its DATABASE_URL."""
    if target == "sqlite":
        for suffix in ("", "-wal", "-shm"):
            Path(f"{SQLITE_FILE}{suffix}").unlink(missing_ok=True)
        return f"sqlite:///{SQLITE_FILE}"
    import psycopg

    with psycopg.connect(POSTGRES_SERVER + "postgres", autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {POSTGRES_DATABASE}")
        connection.execute(f"CREATE DATABASE {POSTGRES_DATABASE}")
    return POSTGRES_SERVER + POSTGRES_DATABASE


def run(target: str) -> None:
    """In a child process whose DATABASE_URL names the fresh database: migrate, import, time."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "consortium.settings")
    import django

    django.setup()
    from django.core.management import call_command

    from consortium.imports.services import csv_import
    from consortium.timesheets.models import TimeEntry

    call_command("migrate", verbosity=0)
    for kind in ("departments", "mandate-types", "organisations", "experts", "mandates"):
        started = time.perf_counter()
        summary = csv_import(kind=kind, path=BENCH_DIR / f"{kind}.csv")
        elapsed = time.perf_counter() - started
        print(f"  {kind:<15} {summary.rows:>8} rows in {elapsed:6.2f} s")
    path = BENCH_DIR / "time-entries.csv"
    for label in ("time-entries (new)", "time-entries (replace)"):
        started = time.perf_counter()
        summary = csv_import(kind="time-entries", path=path)
        elapsed = time.perf_counter() - started
        rate = summary.rows / elapsed
        verdict = "ok" if rate >= TARGET_ROWS_PER_SECOND else "BELOW TARGET"
        print(
            f"  {label:<22} {summary.rows:>8} rows in {elapsed:6.2f} s = "
            f"{rate:>9,.0f} rows/s ({verdict}: {TARGET_ROWS_PER_SECOND:,} rows/s)"
        )
    print(f"  entries stored: {TimeEntry.objects.count():,}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--only", choices=["sqlite", "postgresql"])
    parser.add_argument("--child", choices=["sqlite", "postgresql"], help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.child:
        run(options.child)
        return

    generate(options.rows)
    print(f"Generated {options.rows:,} time entries in {BENCH_DIR / 'time-entries.csv'}")
    failed = False
    for target in [options.only] if options.only else ["sqlite", "postgresql"]:
        print(f"== {target}")
        try:
            url = _fresh_database(target)
        except Exception as error:  # no server: say so, time the other one
            print(f"  skipped: cannot create the database ({error})")
            continue
        # One process per database: settings read DATABASE_URL once, at start-up.
        child = subprocess.run(
            [sys.executable, __file__, "--child", target],
            env={**os.environ, "DATABASE_URL": url},
            cwd=ROOT,
            check=False,
        )
        failed = failed or child.returncode != 0
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
