"""20 writers at once on one expert's day, over HTTP against a real server: the 24 h rule holds.

Builds a fresh database (SQLite in a temporary folder by default; with DATABASE_URL, a scratch
PostgreSQL database `<name>_bench_integrity` beside the one named, dropped at the end), gives the
expert of `make_people()` one mandate per writer, starts `consortium runserver` (threaded, no
reloader) and signs the writers in as that expert. Each writer owns one cell of the same day
and, for `--seconds`, saves a random value or a blank in it through the grid's cell view
(HTMX). Prints:

- requests, refused by the 24 h rule, other answers (must be 0), 5xx (must be 0);
- the largest day total the database ever held (the audit trail replayed in order; ≤ 24 h);
- whether the stored day equals the sum of the last value each writer saw accepted.

Run by `make bench-integrity`:

    .venv/bin/python benchmarks/bench_integrity.py [--writers 20] [--seconds 15]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/NAME .venv/bin/python benchmarks/...
"""

import argparse
import datetime as dt
import http.client
import os
import random
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from decimal import Decimal
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
MONDAY = dt.date(2020, 11, 30)
DAY = MONDAY + dt.timedelta(days=1)
VALUES = ["", "0.5", "1", "2", "3", "4"]
REFUSED = "24 h au plus par jour"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def scratch_postgresql(url: str) -> tuple[str, str]:
    """A new empty database beside the one `url` names: its URL and its name."""
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/") + "_bench_integrity"
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as server:
        server.execute(f'DROP DATABASE IF EXISTS "{name}"')
        server.execute(f'CREATE DATABASE "{name}"')
    return urlunsplit(parts._replace(path="/" + name)), admin


def prepare(writers: int) -> tuple[int, str, str, list[int]]:
    """Migrate, then the expert, a mandate per writer and a session: expert id, session key,
    CSRF secret, mandate ids."""
    import django

    django.setup()
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django.core.management import call_command
    from django.db import connections

    from consortium.testing.factories import MandateFactory
    from consortium.testing.people import make_people

    call_command("migrate", verbosity=0)
    people = make_people()
    mandates = [
        MandateFactory(code=f"BENCH-{number:02d}", department=people.expert.department).pk
        for number in range(writers)
    ]
    session = SessionStore()
    session[SESSION_KEY] = str(people.owner.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = people.owner.get_session_auth_hash()
    session.create()
    connections.close_all()
    return people.expert.pk, session.session_key, secrets.token_hex(16), mandates


def start_server(port: int, environment: dict, log) -> subprocess.Popen:
    server = subprocess.Popen(
        [sys.executable, "-m", "consortium.cli", "runserver", "--noreload", f"127.0.0.1:{port}"],
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=log,
        text=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("the server did not start: see server.log")


class Tally:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.requests = self.refused = self.server_errors = self.other = 0
        self.last_accepted: dict[int, Decimal] = {}


def writer(port, mandate, cookie, csrf, stop_at, tally: Tally) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    path = f"/temps/semaine/{MONDAY.isoformat()}/cellule/"
    headers = {
        "Cookie": cookie,
        "X-CSRFToken": csrf,
        "HX-Request": "true",
        "Content-Type": "application/x-www-form-urlencoded",
    }
    accepted = Decimal(0)
    while time.monotonic() < stop_at:
        hours = random.choice(VALUES)
        body = urlencode({"mandate": mandate, "day": DAY.isoformat(), "hours": hours})
        connection.request("POST", path, body, headers)
        response = connection.getresponse()
        text = response.read().decode()
        with tally.lock:
            tally.requests += 1
            if response.status >= 500:
                tally.server_errors += 1
            elif response.status != 200:
                tally.other += 1
            elif REFUSED in text:
                tally.refused += 1
            else:
                accepted = Decimal(hours or 0)
    connection.close()
    with tally.lock:
        tally.last_accepted[mandate] = accepted


def replay(expert_id: int) -> tuple[Decimal, Decimal]:
    """The largest day total the audit trail went through, and the stored day's total."""
    from django.db.models import Sum

    from consortium.timesheets.models import TimeEntry, TimeEntryChange

    cells: dict[int, Decimal] = {}
    largest = Decimal(0)
    changes = TimeEntryChange.objects.filter(expert_id=expert_id, date=DAY).order_by("pk")
    for mandate_id, after in changes.values_list("mandate_id", "after"):
        cells[mandate_id] = Decimal(after["hours"]) if after else Decimal(0)
        largest = max(largest, sum(cells.values(), Decimal(0)))
    stored = TimeEntry.objects.filter(expert_id=expert_id, date=DAY).aggregate(s=Sum("hours"))
    return largest, stored["s"] or Decimal(0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--writers", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=15)
    options = parser.parse_args()

    environment = dict(os.environ)
    environment.setdefault("CONSORTIUM_SECRET_KEY", secrets.token_urlsafe(40))
    environment["CONSORTIUM_DEBUG"] = "0"
    environment["DJANGO_SETTINGS_MODULE"] = "consortium.settings"
    scratch = Path(tempfile.mkdtemp(prefix="bench-integrity-"))
    environment["CONSORTIUM_VAR_DIR"] = str(scratch)
    admin_url = database_name = None
    if os.environ.get("DATABASE_URL"):
        environment["DATABASE_URL"], admin_url = scratch_postgresql(os.environ["DATABASE_URL"])
        database_name = urlsplit(environment["DATABASE_URL"]).path.lstrip("/")
    os.environ.update(environment)
    expert_id, session_key, csrf, mandates = prepare(options.writers)
    from django.conf import settings
    from django.db import connection, connections

    print(
        f"bench-integrity: {connection.vendor}, {options.writers} writers, "
        f"{options.seconds:g} s, one cell each on {DAY.isoformat()}"
    )
    port = free_port()
    log = (scratch / "server.log").open("w")  # open until the server stops
    server = start_server(port, environment, log)
    cookie = f"{settings.SESSION_COOKIE_NAME}={session_key}; {settings.CSRF_COOKIE_NAME}={csrf}"
    tally = Tally()
    stop_at = time.monotonic() + options.seconds
    threads = [
        threading.Thread(target=writer, args=(port, mandate, cookie, csrf, stop_at, tally))
        for mandate in mandates
    ]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        server.terminate()
        server.wait(30)
        log.close()
    largest, stored = replay(expert_id)
    expected = sum(tally.last_accepted.values(), Decimal(0))
    print(f"  requests              {tally.requests} ({tally.requests / options.seconds:.0f}/s)")
    print(f"  refused by the rule   {tally.refused}")
    print(f"  other answers         {tally.other}")
    print(f"  5xx                   {tally.server_errors}")
    print(f"  largest day total     {largest} h")
    print(f"  stored day            {stored} h")
    print(f"  accepted saves sum    {expected} h")
    same = stored == expected
    print(f"  sum of hours equals the sum of accepted saves: {'yes' if same else 'NO'}")
    connections.close_all()
    if admin_url:
        import psycopg

        with psycopg.connect(admin_url, autocommit=True) as server_connection:
            server_connection.execute(f'DROP DATABASE IF EXISTS "{database_name}"')
    healthy = tally.server_errors == 0 and tally.other == 0 and largest <= 24 and same
    if healthy:
        shutil.rmtree(scratch)
    else:
        print(f"  the server's log: {scratch / 'server.log'}")
    sys.exit(0 if healthy else 1)


if __name__ == "__main__":
    main()
