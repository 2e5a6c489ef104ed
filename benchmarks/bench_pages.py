"""How long each page takes the server, and how many queries it makes, on the demo.

Builds the demo once in its own CONSORTIUM_VAR_DIR (var/bench/web/ by default, reused; `--rebuild`
starts it again), signs in through the sign-in form as the demo's logins (experte, direction,
finances, admin) and requests every page N times in-process with Django's test client: the time
is the server's (middleware, view, queries, template), without the network. Prints p50, p95 and
max in ms and the number of queries; a "!" marks a p95 over the 150 ms target. Pages not built
yet are listed as absent. Run by `make bench-pages`.

    .venv/bin/python benchmarks/bench_pages.py [--runs 50] [--var-dir DIR] [--rebuild]
        [--page ROLE:/address/ ...]

`--page` replaces the default list (benchmarks/demo_web.py PAGES), e.g.
`--page director:/mandats/?q=coop --page expert:/temps/semaine/`; ROLE is one of expert,
director, finance, communications, administrator.
"""

import argparse
import math
import statistics
import sys
import time
from pathlib import Path

from demo_web import DEFAULT_VAR_DIR, DEMO_PASSWORD, LOGINS, PAGES, prepare_demo, resolve

TARGET_P95_MS = 150.0


def percentile(timings: list[float], fraction: float) -> float:
    """The nearest-rank percentile: with 50 runs, p95 is the 48th fastest."""
    ordered = sorted(timings)
    return ordered[max(1, math.ceil(fraction * len(ordered))) - 1]


def signed_in_client(role: str):
    from django.test import Client
    from django.urls import reverse

    client = Client(HTTP_HOST="localhost")
    response = client.post(
        reverse("accounts:login"), {"username": LOGINS[role], "password": DEMO_PASSWORD}
    )
    if response.status_code != 302:
        raise SystemExit(f"{LOGINS[role]} could not sign in ({response.status_code})")
    return client


def measure(address: str, client, runs: int) -> tuple[list[float], list[int], int]:
    """Times in ms and query counts of `runs` requests, after one warm-up request."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(address)  # warm-up: template loading, first-time imports
    timings, queries, status = [], [], 0
    for _ in range(runs):
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.get(address)
            timings.append((time.perf_counter() - started) * 1000)
        queries.append(len(captured))
        status = response.status_code
    return timings, queries, status


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--var-dir", type=Path, default=DEFAULT_VAR_DIR)
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--page", action="append", default=[], metavar="ROLE:/address/")
    options = parser.parse_args()

    prepare_demo(options.var_dir, rebuild=options.rebuild)
    from django.db import connection

    if options.page:
        pages = [(address, *address.split(":", 1)) for address in options.page]
    else:
        pages = [(page.label, page.role, resolve(page)) for page in PAGES]

    print(f"pages of the demo, {connection.vendor}, {options.runs} requests each, in-process")
    print(
        f"{'page':30} {'address':42} {'status':>6} {'queries':>8} {'p50':>7} {'p95':>7} {'max':>7}"
    )
    clients, slow = {}, 0
    for label, role, address in pages:
        if address is None:
            print(f"{label:30} {'(absent: not built yet)':42}")
            continue
        if role not in clients:
            clients[role] = signed_in_client(role)
        timings, queries, status = measure(address, clients[role], options.runs)
        p95 = percentile(timings, 0.95)
        flag = "!" if p95 > TARGET_P95_MS else ""
        slow += bool(flag)
        fewest, most = min(queries), max(queries)
        counts = f"{fewest}" if fewest == most else f"{fewest}-{most}"
        print(
            f"{label[:30]:30} {address[:42]:42} {status:>6} {counts:>8} "
            f"{statistics.median(timings):>7.1f} {p95:>7.1f} {max(timings):>7.1f} {flag}"
        )
    print(f"times in ms; ! = p95 over {TARGET_P95_MS:.0f} ms ({slow} page(s))", file=sys.stderr)


if __name__ == "__main__":
    main()
