"""Clockify's detailed report, CSV (comma, or semicolon with decimal commas, as the workspace's
settings say). The old column set:

    Project,Client,Description,Task,User,Group,Email,Tags,Billable,Start Date,Start Time,
    End Date,End Time,Duration (h),Duration (decimal),Billable Rate (USD),Billable Amount (USD)

newer ones add Kiosk, Date of creation… and may say "Time (h)" / "Time (decimal)". Dates as the
user chose (MM/DD/YYYY by default), times in 12 or 24 hours, "Duration (h)" as 3:30 or 03:30:00.
"""

from decimal import Decimal

from consortium.imports.importers.tools.values import read_duration, read_number

SYNONYMS = {
    "project": ("Project",),
    "client": ("Client",),
    "description": ("Description",),
    "task": ("Task",),
    "person": ("User",),
    "email": ("Email",),
    "start_date": ("Start Date",),
    "start": ("Start Time",),
    "end": ("End Time",),
    "duration": ("Duration (h)", "Time (h)"),
    "duration_decimal": ("Duration (decimal)", "Time (decimal)"),
    "id": ("ID", "Time entry ID"),
}
REQUIRED = ("person", "project", "start_date")


def duration_hours(record: dict[str, str]) -> tuple[Decimal | None, str, str]:
    text = record.get("duration", "")
    if text:
        return read_duration(text), "duration", text
    text = record.get("duration_decimal", "")
    if text:
        return read_number(text), "duration_decimal", text
    return None, "duration", ""
