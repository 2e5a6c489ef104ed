"""Toggl Track's detailed report, CSV: a BOM, every value quoted, durations as hh:mm:ss.

    "User","Email","Client","Project","Task","Description","Billable","Start date",
    "Start time","End date","End time","Duration","Tags","Amount (USD)"

A user who chose decimal durations gets "2.50" instead of "02:30:00": both are read. Newer
exports say "Member" for "User" and "Stop" for "End"; an "Id" column, when present, makes
a re-import update its entries instead of adding them again.
"""

from decimal import Decimal

from consortium.imports.importers.tools.values import read_duration

SYNONYMS = {
    "person": ("User", "Member"),
    "email": ("Email",),
    "client": ("Client",),
    "project": ("Project",),
    "task": ("Task",),
    "description": ("Description",),
    "start_date": ("Start date",),
    "start": ("Start time",),
    "end": ("End time", "Stop time"),
    "duration": ("Duration",),
    "id": ("Id", "Time entry ID"),
}
REQUIRED = ("person", "project", "start_date", "duration")


def duration_hours(record: dict[str, str]) -> tuple[Decimal | None, str, str]:
    text = record.get("duration", "")
    return (read_duration(text) if text else None), "duration", text
