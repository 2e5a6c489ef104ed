"""How fast `ledger_kpis` computes fiscal year 2020-2021, on SQLite and PostgreSQL, at ~100,000
and ~1,000,000 time entries, and how many queries it makes (the same at both sizes).

Each database is built once with the demo generator (`generate(seed=2021, scale=2)` and
`scale=18`) in a migrated, empty database, then reused: SQLite files under var/bench/,
PostgreSQL databases `consortium_bench_100k` and `consortium_bench_1m`. `--rebuild` starts them
again. `--source scratch` builds them with benchmarks/kpis_scratch_data.py instead (big, not
realistic: for timing while the generator is not there). Timing: one warm-up call, then the best
of five. The hours, the figures that grow with the ledger, are also timed alone, read from the
rollup (`HoursRollup`: `ledger_hours(period, from_rollup=True)`) against a raw scan of the same
year's entries on the same database (what `ledger_kpis` reads); both must agree. Run by
`make bench-kpis`.

    .venv/bin/python benchmarks/bench_kpis.py [--only sqlite|postgresql] [--size 100k|1m]
                                              [--source demo|scratch] [--rebuild]

PostgreSQL is reached at BENCH_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/);
it is skipped with a message if no server answers there.
"""

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = ROOT / "var" / "bench"
POSTGRES_SERVER = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/")
FISCAL_YEAR = "2020-2021"
TARGET_SECONDS = 0.5
RUNS = 5
# Demo scale 1 is about 55,000 entries over three fiscal years.
SIZES = {"100k": {"scale": 2, "entries": 100_000}, "1m": {"scale": 18, "entries": 1_000_000}}


def _names(source: str, size: str) -> tuple[Path, str]:
    suffix = size if source == "demo" else f"scratch_{size}"
    return BENCH_DIR / f"kpis-{suffix.replace('_', '-')}.sqlite3", f"consortium_bench_{suffix}"


def _database_url(target: str, source: str, size: str, rebuild: bool) -> str:
    """The DATABASE_URL of the target's database, created (empty) when missing or rebuilt."""
    sqlite_file, postgres_database = _names(source, size)
    if target == "sqlite":
        BENCH_DIR.mkdir(parents=True, exist_ok=True)
        if rebuild:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{sqlite_file}{suffix}").unlink(missing_ok=True)
        return f"sqlite:///{sqlite_file}"
    import psycopg

    with psycopg.connect(POSTGRES_SERVER + "postgres", autocommit=True) as connection:
        if rebuild:
            connection.execute(f"DROP DATABASE IF EXISTS {postgres_database}")
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [postgres_database]
        ).fetchone()
        if not exists:
            connection.execute(f"CREATE DATABASE {postgres_database}")
    return POSTGRES_SERVER + postgres_database


def _build(source: str, size: str) -> None:
    """Fill the empty, migrated database of this process, then refresh the planner's statistics."""
    from django.db import connection

    started = time.perf_counter()
    if source == "demo":
        from consortium.demo.generator import generate

        generate(seed=2021, scale=SIZES[size]["scale"], progress=sys.stderr.isatty())
    else:
        from kpis_scratch_data import build

        build(entries=SIZES[size]["entries"])
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # Index-only scans need the visibility map that VACUUM writes.
            cursor.execute("VACUUM ANALYZE")
        else:
            # Fold the write-ahead log into the file: timings read it as later runs will.
            cursor.execute("ANALYZE")
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    print(f"  built in {time.perf_counter() - started:.0f} s", file=sys.stderr)


def run(source: str, size: str) -> None:
    """In a child process whose DATABASE_URL names the database: build it if empty, then time."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "consortium.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from consortium.core.fiscal_years import fiscal_year_period
    from consortium.kpis.selectors import ledger_hours, ledger_kpis
    from consortium.timesheets.models import HoursRollup, TimeEntry

    call_command("migrate", verbosity=0)
    if not TimeEntry.objects.exists():
        _build(source, size)
    period = fiscal_year_period(FISCAL_YEAR)
    ledger_kpis(period)
    timings = []
    for _ in range(RUNS):
        started = time.perf_counter()
        figures = ledger_kpis(period)
        timings.append(time.perf_counter() - started)
    with CaptureQueriesContext(connection) as queries:
        ledger_kpis(period)
    hours_best = {}
    for read_from, from_rollup in (("rollup", True), ("raw", False)):
        hours = ledger_hours(period, from_rollup=from_rollup)
        hours_timings = []
        for _ in range(RUNS):
            started = time.perf_counter()
            ledger_hours(period, from_rollup=from_rollup)
            hours_timings.append(time.perf_counter() - started)
        hours_best[read_from] = (min(hours_timings), hours)
    if hours_best["rollup"][1] != hours_best["raw"][1]:
        sys.exit(
            "bench_kpis: the rollup's hours differ from the entries' (rollups rebuild --check)"
        )
    row = {
        "entries": TimeEntry.objects.count(),
        "in_year": TimeEntry.objects.filter(date__range=(period.start, period.end)).count(),
        "queries": len(queries.captured_queries),
        "best": min(timings),
        "median": sorted(timings)[RUNS // 2],
        "service_hours": str(figures.service_hours),
        "rollups": HoursRollup.objects.count(),
        "hours_rollup": hours_best["rollup"][0],
        "hours_raw": hours_best["raw"][0],
    }
    print(json.dumps(row))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=["sqlite", "postgresql"])
    parser.add_argument("--size", choices=list(SIZES))
    parser.add_argument("--source", choices=["demo", "scratch"], default="demo")
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.child:
        run(*options.child)
        return

    header = (
        f"{'database':<18} {'entries':>10} {'in ' + FISCAL_YEAR:>13} {'queries':>8} "
        f"{'best of ' + str(RUNS):>10} {'median':>8}  verdict (target {TARGET_SECONDS} s) "
        f"{'rollup rows':>12} {'hours: rollup':>14} {'raw scan':>9}"
    )
    rows = []
    failed = False
    for target in [options.only] if options.only else ["sqlite", "postgresql"]:
        for size in [options.size] if options.size else list(SIZES):
            name = f"{target} {size}"
            print(f"== {name}", file=sys.stderr)
            try:
                url = _database_url(target, options.source, size, options.rebuild)
            except Exception as error:  # no server: say so, time the other one
                rows.append(f"{name:<18} skipped: cannot reach the database ({error})")
                continue
            # One process per database: settings read DATABASE_URL once, at start-up.
            child = subprocess.run(
                [sys.executable, __file__, "--child", options.source, size],
                env={**os.environ, "DATABASE_URL": url},
                cwd=ROOT,
                stdout=subprocess.PIPE,
                text=True,
                check=False,
            )
            if child.returncode != 0:
                failed = True
                rows.append(f"{name:<18} failed (exit {child.returncode}): see above")
                continue
            result = json.loads(child.stdout.strip().splitlines()[-1])
            verdict = "ok" if result["best"] < TARGET_SECONDS else "TOO SLOW"
            rows.append(
                f"{name:<18} {result['entries']:>10,} {result['in_year']:>13,} "
                f"{result['queries']:>8} {result['best']:>9.3f}s {result['median']:>7.3f}s  "
                f"{verdict:<21} {result['rollups']:>12,} {result['hours_rollup']:>13.3f}s "
                f"{result['hours_raw']:>8.3f}s"
            )
    print(f"ledger_kpis(fiscal_year_period({FISCAL_YEAR!r})), source: {options.source}")
    print(header)
    print("\n".join(rows))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
