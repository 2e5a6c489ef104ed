"""Scratch ledger data for timing the KPIs before the demo generator exists.

For 1,000,000 entries: 1,000 organisations (60 federations, some under another), 650 experts,
5,000 mandates and the entries over fiscal years 2019-2020..2021-2022 (two a weekday for each
expert), written with `time_entries_bulk_write`; fewer entries scale everything down. Not
realistic, only big: the figures mean nothing.

    DATABASE_URL=sqlite:////tmp/kpis-bench.sqlite3 .venv/bin/consortium migrate
    DATABASE_URL=sqlite:////tmp/kpis-bench.sqlite3 .venv/bin/python benchmarks/kpis_scratch_data.py
"""

import datetime as dt
import os
import random
import sys
from decimal import Decimal

FIRST_DAY = dt.date(2019, 4, 1)
LAST_DAY = dt.date(2022, 3, 31)
CATEGORIES = ["fully_managed", "user", "auxiliary", "support"]


def build(*, entries: int = 1_000_000, seed: int = 7) -> int:
    """Fill an empty, migrated database; returns the number of time entries written."""
    from django.db import transaction

    from consortium.mandates.models import Mandate, MandateType
    from consortium.members.models import Membership, Organisation
    from consortium.staff.models import Department, Expert
    from consortium.timesheets.services.entries import time_entries_bulk_write

    rng = random.Random(seed)
    size = entries / 1_000_000
    organisation_count = max(100, round(1000 * size))
    federation_count = max(10, round(60 * size))
    with transaction.atomic():
        departments = Department.objects.bulk_create(
            Department(code=f"D{n}", name_fr=f"Département {n}", name_en=f"Department {n}")
            for n in range(7)
        )
        types = MandateType.objects.bulk_create(
            MandateType(code=f"T{n}", name_fr=f"Type {n}", name_en=f"Type {n}") for n in range(6)
        )
        organisations = Organisation.objects.bulk_create(
            Organisation(code=f"O{n:04d}", name=f"Organisation {n}")
            for n in range(organisation_count)
        )
        federations = organisations[:federation_count]
        # A fifth of the federations sit under another: their affiliates are two levels down.
        top = federations[: federation_count * 4 // 5]
        for child in federations[len(top) :]:
            child.federation = rng.choice(top)
        for organisation in organisations[federation_count : organisation_count * 7 // 10]:
            organisation.federation = rng.choice(federations)
        Organisation.objects.bulk_update(organisations, ["federation"], batch_size=500)

        memberships = []
        for organisation in organisations[: organisation_count * 4 // 5]:
            start = dt.date(rng.randint(2012, 2021), rng.randint(1, 12), 1)
            if rng.random() < 0.2:
                # A change of category: the second membership starts the day after the first ends.
                change = start + dt.timedelta(days=rng.randint(200, 900))
                memberships.append(
                    Membership(
                        organisation=organisation,
                        category=rng.choice(CATEGORIES),
                        start=start,
                        end=change - dt.timedelta(days=1),
                    )
                )
                start = change
            end = start + dt.timedelta(days=rng.randint(300, 2000)) if rng.random() < 0.2 else None
            memberships.append(
                Membership(
                    organisation=organisation, category=rng.choice(CATEGORIES), start=start, end=end
                )
            )
        Membership.objects.bulk_create(memberships)

        experts = Expert.objects.bulk_create(
            Expert(
                code=f"E{n:04d}",
                first_name="Prénom",
                last_name=f"Nom {n}",
                role=rng.choices(["professional", "trainer", "director"], [65, 26, 9])[0],
                department=rng.choice(departments),
                hired_on=dt.date(2010, 1, 1),
                gender=rng.choice(["woman", "man", "other", "undisclosed", ""]),
                birth_year=rng.choice([None, *range(1960, 1998)]),
            )
            for n in range(max(10, round(650 * size)))
        )
        mandates = Mandate.objects.bulk_create(
            Mandate(
                code=f"M{n:05d}",
                organisation=organisations[n % organisation_count],
                title=f"Mandat {n}",
                mandate_type=rng.choice(types),
                department=rng.choice(departments),
                start=dt.date(2015, 1, 1),
            )
            for n in range(5 * organisation_count)
        )

    weekdays = [
        FIRST_DAY + dt.timedelta(days=n)
        for n in range((LAST_DAY - FIRST_DAY).days + 1)
        if (FIRST_DAY + dt.timedelta(days=n)).weekday() < 5
    ]
    per_day = max(1, round(entries / (len(weekdays) * len(experts))))
    mandate_ids = [mandate.pk for mandate in mandates]
    written = 0
    for expert in experts:
        # Each expert works on a handful of mandates, as real ones do.
        own = rng.sample(mandate_ids, 12)
        rows = []
        for day in weekdays:
            for mandate_id in rng.sample(own, per_day):
                hours = Decimal(rng.randint(4, 20)) / 4
                rows.append((expert.pk, mandate_id, day, hours, ""))
        with transaction.atomic():
            written += time_entries_bulk_write(rows)
    return written


if __name__ == "__main__":
    sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "src"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "consortium.settings")
    import django

    django.setup()
    wanted = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    print(f"{build(entries=wanted)} entrées écrites")
