"""How fast the annual report of the demo year (2020-2021, demo at --scale 1) renders: the HTML
(selectors, charts, templates) and the PDF (the same plus WeasyPrint), in French and in English.
Best of three after one warm-up; target: the PDF under 5 s. Run by `make bench-report`.

The demo is built once in var/bench/report.sqlite3 and reused (`--rebuild` starts it again).

    .venv/bin/python benchmarks/bench_report.py [--rebuild]
"""

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATABASE = ROOT / "var" / "bench" / "report.sqlite3"
FISCAL_YEAR = "2020-2021"
RUNS = 3
TARGET_PDF_SECONDS = 5.0


def _best(work) -> tuple[float, object]:
    work()  # warm-up: imports, template loading, the chart renderer's start
    timings, result = [], None
    for _ in range(RUNS):
        started = time.perf_counter()
        result = work()
        timings.append(time.perf_counter() - started)
    return min(timings), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rebuild", action="store_true")
    options = parser.parse_args()

    DATABASE.parent.mkdir(parents=True, exist_ok=True)
    if options.rebuild:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{DATABASE}{suffix}").unlink(missing_ok=True)
    os.environ["DATABASE_URL"] = f"sqlite:///{DATABASE}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "consortium.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import translation

    from consortium.demo.generator import generate
    from consortium.reports.rendering import report_html, report_pdf
    from consortium.reports.selectors import annual_report
    from consortium.timesheets.models import TimeEntry

    call_command("migrate", verbosity=0)
    if not TimeEntry.objects.exists():
        print("building the demo…", file=sys.stderr)
        generate(progress=sys.stderr.isatty())
    with translation.override("fr"), CaptureQueriesContext(connection) as queries:
        annual_report(FISCAL_YEAR)

    print(f"annual report {FISCAL_YEAR}, demo --scale 1, SQLite; best of {RUNS}")
    print(f"annual_report(): {len(queries.captured_queries)} queries")
    print(f"{'output':<10} {'language':<9} {'best':>8} {'size':>10}  verdict")
    too_slow = False
    for language in ("fr", "en"):
        seconds, html = _best(lambda language=language: report_html(FISCAL_YEAR, language))
        print(f"{'HTML':<10} {language:<9} {seconds:>7.3f}s {len(html):>9,}c")
        seconds, pdf = _best(lambda language=language: report_pdf(FISCAL_YEAR, language))
        verdict = "ok" if seconds < TARGET_PDF_SECONDS else "TOO SLOW"
        too_slow |= seconds >= TARGET_PDF_SECONDS
        print(
            f"{'PDF':<10} {language:<9} {seconds:>7.3f}s {len(pdf):>9,}b  "
            f"{verdict} (target {TARGET_PDF_SECONDS:.0f} s)"
        )
    sys.exit(1 if too_slow else 0)


if __name__ == "__main__":
    main()
