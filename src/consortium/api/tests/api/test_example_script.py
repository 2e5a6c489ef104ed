"""docs/examples/api_client.py, the example of docs/api.md, run as a program against the live
server: it reads the OpenAPI document, lists this week's entries and adds one."""

import datetime as dt
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from consortium.api.services import api_token_create
from consortium.testing.factories import TimeEntryFactory
from consortium.timesheets.models import TimeEntry

SCRIPT = Path(__file__).resolve().parents[5] / "docs" / "examples" / "api_client.py"


@pytest.mark.django_db(transaction=True)
def test_the_example_script_lists_this_weeks_entries_and_adds_one(live_server, scene):
    expert = scene.people.expert
    today = dt.date.today()
    monday = today - dt.timedelta(days=today.weekday())
    TimeEntryFactory(expert=expert, mandate=scene.other_mandate, date=monday, hours=Decimal(2))
    token = api_token_create(
        user=scene.people.owner, name="script", scopes=["time_entries:read", "time_entries:write"]
    ).secret

    result = subprocess.run(
        [
            sys.executable,
            str(SCRIPT),
            "--url",
            live_server.url,
            "--token",
            token,
            "--expert",
            expert.code,
            "--mandate",
            "M-CPT",
            "--hours",
            "1.5",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert result.returncode == 0, result.stderr
    assert "Consortium API 1" in result.stdout
    assert f"1 entries from {monday}" in result.stdout
    created = TimeEntry.objects.get(expert=expert, mandate=scene.mandate, date=today)
    assert created.hours == Decimal("1.5")
    assert f"created entry {created.pk}" in result.stdout


@pytest.mark.django_db(transaction=True)
def test_the_example_script_says_the_problem_when_the_api_refuses(live_server, scene):
    token = api_token_create(
        user=scene.people.owner, name="script", scopes=["time_entries:read", "time_entries:write"]
    ).secret
    result = subprocess.run(
        [
            sys.executable,
            str(SCRIPT),
            "--url",
            live_server.url,
            "--token",
            token,
            "--expert",
            scene.people.expert.code,
            "--mandate",
            "M-CPT",
            "--hours",
            "30",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert "422" in result.stderr
    assert "body.hours" in result.stderr
