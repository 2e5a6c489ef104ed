"""How the demo holds up under 20 people at once: requests per second, latency and errors.

Serves the demo (the same database as bench_pages.py: var/bench/web/ by default) with
`consortium serve --noreload` — Django's runserver, one thread per connection, DEBUG off; no
production server is installed, so the figures are a floor — then 20 users, each signed in
through the sign-in form with their own session, request one page as fast as they can for 15 s:
first experts on their week, then directors on the dashboard. The users are threads of this
process (urllib, a cookie jar each) on the same machine as the server. Run by `make bench-load`.

    .venv/bin/python benchmarks/bench_load.py [--users 20] [--seconds 15] [--var-dir DIR]
"""

import argparse
import http.cookiejar
import math
import re
import statistics
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from demo_web import DEFAULT_VAR_DIR, DEMO_PASSWORD, crowd_logins, demo_server, prepare_demo

# (what, the address, who asks for it)
PHASES = [
    ("semaine de l'expert", "/temps/semaine/", "expert"),
    ("tableau de bord de la direction", "/tableau-de-bord/", "director"),
]
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@dataclass
class Tally:
    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


def signed_in_opener(server: str, username: str) -> urllib.request.OpenerDirector:
    """A browser of sorts: its own cookies, signed in through the form like a person."""
    opener = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
    )
    login = server + "/compte/connexion/"
    form = opener.open(login, timeout=30).read().decode()
    data = urllib.parse.urlencode(
        {
            "csrfmiddlewaretoken": TOKEN.search(form).group(1),
            "username": username,
            "password": DEMO_PASSWORD,
        }
    ).encode()
    request = urllib.request.Request(login, data=data, headers={"Referer": login})
    landed = opener.open(request, timeout=30)
    if "/compte/connexion/" in landed.url:
        raise SystemExit(f"{username} could not sign in")
    return opener


def hammer(opener, address: str, until: float, tally: Tally) -> None:
    latencies, errors = [], []
    while time.monotonic() < until:
        started = time.perf_counter()
        try:
            with opener.open(address, timeout=60) as response:
                response.read()
                if response.status != 200 or "/compte/connexion/" in response.url:
                    errors.append(f"{response.status} {response.url}")
        except (urllib.error.URLError, ConnectionError, TimeoutError) as error:
            errors.append(str(error))
        latencies.append((time.perf_counter() - started) * 1000)
    with tally.lock:
        tally.latencies += latencies
        tally.errors += errors


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[max(1, math.ceil(fraction * len(ordered))) - 1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=15.0)
    parser.add_argument("--var-dir", type=Path, default=DEFAULT_VAR_DIR)
    parser.add_argument("--rebuild", action="store_true")
    options = parser.parse_args()

    prepare_demo(options.var_dir, rebuild=options.rebuild)
    from django.db import close_old_connections, connection

    crowds = {role: crowd_logins(role, options.users) for _what, _address, role in PHASES}
    vendor = connection.vendor
    close_old_connections()
    with demo_server() as server:
        print(
            f"{options.users} users at once, {options.seconds:.0f} s a page, runserver "
            f"(threaded, DEBUG off), {vendor}"
        )
        print(f"{'page':34} {'requests':>8} {'req/s':>7} {'p50 ms':>8} {'p95 ms':>8} {'errors':>7}")
        for what, address, role in PHASES:
            openers = [signed_in_opener(server, username) for username in crowds[role]]
            tally = Tally()
            until = time.monotonic() + options.seconds
            started = time.perf_counter()
            users = [
                threading.Thread(target=hammer, args=(opener, server + address, until, tally))
                for opener in openers
            ]
            for user in users:
                user.start()
            for user in users:
                user.join()
            elapsed = time.perf_counter() - started
            count = len(tally.latencies)
            print(
                f"{what:34} {count:>8} {count / elapsed:>7.1f} "
                f"{statistics.median(tally.latencies):>8.0f} "
                f"{percentile(tally.latencies, 0.95):>8.0f} {len(tally.errors):>7}"
            )
            for error in sorted(set(tally.errors))[:5]:
                print(f"    {error}")


if __name__ == "__main__":
    main()
