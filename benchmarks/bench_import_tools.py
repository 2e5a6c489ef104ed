"""How fast `consortium import-timesheets --from toggl` goes: rows per second of a Toggl Track
detailed export (BOM, every value quoted, hh:mm:ss durations), on SQLite and PostgreSQL.

Reuses bench_import's reference data (150 experts, 800 mandates) under var/bench/, writes a
Toggl export of 100,000 rows whose people are found by e-mail and projects by mandate title,
and times its import (reading, mapping, the ledger's rules and the bulk write; not process
start-up or migrations), then a second import of the same file. Target: 20,000 rows a second.

    .venv/bin/python benchmarks/bench_import_tools.py [--rows N] [--only sqlite|postgresql]
"""

import argparse
import csv
import datetime as dt
import os
import random
import subprocess
import sys
import time

import bench_import
from bench_import import BENCH_DIR, EXPERTS, FIRST_DAY, LAST_DAY, MANDATES, ROOT

TOGGL_FILE = BENCH_DIR / "toggl-detailed.csv"
# Their own files and databases: bench_import may run at the same time.
bench_import.SQLITE_FILE = BENCH_DIR / "import-tools.sqlite3"
bench_import.POSTGRES_DATABASE = "consortium_bench_import_tools"
TARGET_ROWS_PER_SECOND = 20_000
HEADER = [
    *("User", "Email", "Client", "Project", "Task", "Description", "Billable", "Start date"),
    *("Start time", "End date", "End time", "Duration", "Tags", "Amount (CAD)"),
]
MINUTES = [30, 45, 60, 75, 90, 105, 120, 150]
DESCRIPTIONS = ["", "Suivi comptable", "Rencontre, suivi", "Paie", "Formation « Excel »"]


def generate_toggl(rows: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    days = [
        FIRST_DAY + dt.timedelta(days=offset)
        for offset in range((LAST_DAY - FIRST_DAY).days + 1)
        if (FIRST_DAY + dt.timedelta(days=offset)).weekday() < 5
    ]
    portfolios = [rng.sample(range(MANDATES), 15) for _expert in range(EXPERTS)]
    per_day = -(-rows // (EXPERTS * len(days)))
    written = 0
    with TOGGL_FILE.open("w", newline="", encoding="utf-8-sig") as file:
        writer = csv.writer(file, quoting=csv.QUOTE_ALL)
        writer.writerow(HEADER)
        for day in days:
            text = day.isoformat()
            for expert in range(EXPERTS):
                start = 8 * 60
                for mandate in rng.sample(portfolios[expert], per_day):
                    if written == rows:
                        return
                    written += 1
                    minutes = rng.choice(MINUTES)
                    end = start + minutes
                    writer.writerow(
                        [
                            f"Prénom{expert} Nom{expert}",
                            f"e{expert}@example.coop",
                            f"Organisation {mandate % bench_import.ORGANISATIONS}",
                            f"Mandat {mandate}",
                            "",
                            rng.choice(DESCRIPTIONS),
                            "Yes",
                            text,
                            f"{start // 60:02d}:{start % 60:02d}:00",
                            text,
                            f"{end // 60:02d}:{end % 60:02d}:00",
                            f"{minutes // 60:02d}:{minutes % 60:02d}:00",
                            "",
                            "",
                        ]
                    )
                    start = end


def run(target: str) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "consortium.settings")
    import django

    django.setup()
    from django.core.management import call_command

    from consortium.imports.services import csv_import
    from consortium.imports.tool_imports import tool_import
    from consortium.timesheets.models import TimeEntry

    call_command("migrate", verbosity=0)
    for kind in ("departments", "mandate-types", "organisations", "experts", "mandates"):
        csv_import(kind=kind, path=BENCH_DIR / f"{kind}.csv")
    for label in ("toggl (new)", "toggl (again)"):
        started, cpu = time.perf_counter(), time.process_time()
        result = tool_import(tool="toggl", path=TOGGL_FILE)
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
        rate = result.rows / elapsed
        verdict = "ok" if rate >= TARGET_ROWS_PER_SECOND else "BELOW TARGET"
        # The CPU time of this process too: on a shared machine the wall clock also counts the
        # time other processes held the cores (SQLite's work is in this process; PostgreSQL's
        # server is not).
        print(
            f"  {label:<14} {result.rows:>8} rows in {elapsed:6.2f} s = "
            f"{rate:>9,.0f} rows/s ({verdict}: {TARGET_ROWS_PER_SECOND:,} rows/s); "
            f"CPU {cpu:5.2f} s = {result.rows / cpu:,.0f} rows/s"
        )
    print(f"  entries stored: {TimeEntry.objects.count():,}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--only", choices=["sqlite", "postgresql"])
    parser.add_argument("--child", choices=["sqlite", "postgresql"], help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.child:
        run(options.child)
        return
    bench_import.generate(1_000)
    generate_toggl(options.rows)
    print(f"Generated {options.rows:,} Toggl rows in {TOGGL_FILE}")
    failed = False
    for target in [options.only] if options.only else ["sqlite", "postgresql"]:
        print(f"== {target}")
        try:
            url = bench_import._fresh_database(target)
        except Exception as error:  # no server: say so, time the other one
            print(f"  skipped: cannot create the database ({error})")
            continue
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
