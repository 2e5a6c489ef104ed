"""The API under load, in process (Django's test client: every middleware, the token check and
the JSON rendering, no network):

- GET /api/v1/time-entries?page_size=200, as a director reading a department of 40 experts
  and 20,000 entries: queries per call, median and p95 of 200 calls (target: p95 < 50 ms);
- POST /api/v1/time-entries, 1,000 entries one call each (each through `time_entry_record`,
  with its rules, its lock and its audit row), as an administrator: entries per second
  (target: at least 200 a second on SQLite);
- POST /api/v1/time-entries/batch, the same 1,000 entries' worth in calls of 500, same rules.

    .venv/bin/python benchmarks/bench_api.py

SQLite in var/bench/api.sqlite3, made anew.
"""

import datetime as dt
import os
import random
import statistics
import sys
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SQLITE_FILE = ROOT / "var" / "bench" / "api.sqlite3"
EXPERTS = 40
ENTRIES = 20_000
READS = 200
WRITES = 1_000
BATCH = 500
FIRST_DAY = dt.date(2020, 4, 6)


def fill() -> dict:
    from django.contrib.auth import get_user_model

    from consortium.accounts.models import StaffRole
    from consortium.api.models import Scope
    from consortium.api.services import api_token_create
    from consortium.mandates.models import Mandate, MandateType
    from consortium.members.models import Organisation
    from consortium.staff.models import Department, Expert, Role
    from consortium.timesheets.services.entries import time_entries_bulk_write

    rng = random.Random(2021)
    users = get_user_model().objects
    department = Department.objects.create(code="CPT", name_fr="Comptabilité")
    kind = MandateType.objects.create(code="GD", name_fr="Gestion déléguée")
    organisation = Organisation.objects.create(code="FJORD", name="Coopérative du Fjord")
    mandates = [
        Mandate.objects.create(
            code=f"M-{n:03d}",
            title=f"Mandat {n}",
            organisation=organisation,
            mandate_type=kind,
            department=department,
            start=dt.date(2019, 4, 1),
        )
        for n in range(20)
    ]
    experts = [
        Expert.objects.create(
            code=f"E{n:02d}",
            first_name="Expert",
            last_name=str(n),
            role=Role.values[0],
            department=department,
            hired_on=dt.date(2019, 1, 1),
        )
        for n in range(EXPERTS)
    ]
    rows, seen = [], set()
    while len(rows) < ENTRIES:
        expert, mandate = rng.choice(experts), rng.choice(mandates)
        day = FIRST_DAY + dt.timedelta(days=rng.randrange(300))
        if (expert.pk, mandate.pk, day) not in seen:
            seen.add((expert.pk, mandate.pk, day))
            rows.append((expert.pk, mandate.pk, day, Decimal("1.5"), ""))
    time_entries_bulk_write(rows)
    director = users.create_user("direction")
    role = StaffRole.objects.create(user=director, role="director")
    role.departments.add(department)
    admin = users.create_user("admin")
    StaffRole.objects.create(user=admin, role="administrator")
    return {
        "reader": api_token_create(user=director, name="bench", scopes=Scope.values).secret,
        "writer": api_token_create(user=admin, name="bench", scopes=Scope.values).secret,
        "expert": experts[0].code,
        "batch_expert": experts[1].code,
        "mandates": [mandate.code for mandate in mandates],
    }


def main() -> int:
    SQLITE_FILE.parent.mkdir(parents=True, exist_ok=True)
    SQLITE_FILE.unlink(missing_ok=True)
    os.environ["DATABASE_URL"] = f"sqlite:///{SQLITE_FILE}"
    os.environ.setdefault("CONSORTIUM_DEMO", "1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "consortium.settings")
    os.environ["CONSORTIUM_API_RATE"] = "1000000"
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    call_command("migrate", verbosity=0)
    start = time.perf_counter()
    data = fill()
    print(f"filled {ENTRIES:,} entries of {EXPERTS} experts in {time.perf_counter() - start:.1f} s")

    client = Client(headers={"Authorization": f"Bearer {data['reader']}"}, HTTP_HOST="127.0.0.1")
    address = "/api/v1/time-entries"
    client.get(address, {"page_size": 200})
    # Counted by a wrapper: the test client's request_started resets connection.queries.
    queries = []
    with connection.execute_wrapper(
        lambda execute, sql, *args: queries.append(sql) or execute(sql, *args)
    ):
        first = client.get(address, {"page_size": 200})
    assert first.status_code == 200 and len(first.json()["results"]) == 200, first.content[:300]
    timings = []
    for call in range(READS):
        began = time.perf_counter()
        response = client.get(address, {"page_size": 200, "page": 1 + call % 50})
        timings.append((time.perf_counter() - began) * 1000)
        assert response.status_code == 200
    timings.sort()
    p95 = timings[int(len(timings) * 0.95) - 1]
    print(
        f"GET time-entries page_size=200: {len(queries)} queries, "
        f"median {statistics.median(timings):.1f} ms, p95 {p95:.1f} ms (target < 50 ms)"
    )

    writer = Client(headers={"Authorization": f"Bearer {data['writer']}"}, HTTP_HOST="127.0.0.1")
    days = [FIRST_DAY + dt.timedelta(days=400 + n) for n in range(WRITES)]
    began = time.perf_counter()
    for n, day in enumerate(days):
        response = writer.post(
            address,
            {
                "expert": data["expert"],
                "mandate": data["mandates"][n % len(data["mandates"])],
                "date": day.isoformat(),
                "hours": "2.25",
                "description": "bench",
            },
            content_type="application/json",
        )
        assert response.status_code == 201, response.content[:300]
    elapsed = time.perf_counter() - began
    writes = []
    with connection.execute_wrapper(
        lambda execute, sql, *args: writes.append(sql) or execute(sql, *args)
    ):
        writer.post(
            address,
            {
                "expert": data["expert"],
                "mandate": data["mandates"][0],
                "date": (days[-1] + dt.timedelta(days=1)).isoformat(),
                "hours": "1",
            },
            content_type="application/json",
        )
    print(f"POST time-entries: {len(writes)} statements per entry")
    print(
        f"POST time-entries: {WRITES:,} entries in {elapsed:.2f} s, "
        f"{WRITES / elapsed:.0f} entries/s, one call each (target >= 200/s)"
    )

    # The same 1,000 entries' worth through the batch endpoint, 500 a call, for another expert.
    batch_days = [FIRST_DAY + dt.timedelta(days=400 + n) for n in range(BATCH)]
    began = time.perf_counter()
    for call in range(WRITES // BATCH):
        entries = [
            {
                "expert": data["batch_expert"],
                "mandate": data["mandates"][(call * BATCH + n) % len(data["mandates"])],
                "date": day.isoformat(),
                "hours": "2.25",
                "description": "bench",
            }
            for n, day in enumerate(batch_days)
        ]
        response = writer.post(
            f"{address}/batch", {"entries": entries}, content_type="application/json"
        )
        assert response.status_code == 201, response.content[:300]
    elapsed = time.perf_counter() - began
    print(
        f"POST time-entries/batch: {WRITES:,} entries in {elapsed:.2f} s, "
        f"{WRITES / elapsed:.0f} entries/s, {BATCH} a call (target >= 200/s)"
    )
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    sys.exit(main())
