"""Harvest's detailed time report, CSV:

    Date,Client,Project,Project Code,Task,Notes,Hours,Hours Rounded,Billable?,Invoiced?,
    Approved?,First Name,Last Name,Roles,Employee?,Billable Rate,Billable Amount,Cost Rate,
    Cost Amount,Currency,External Reference URL

Hours are decimal, with a point or a comma as the account's number format says ("1.5", "1,5",
"2.000,0"), or h:mm for an account set so; the client may be empty (internal projects). No
entry id: a re-import replaces the day's entries it brought (see `consortium
import-timesheets`).
"""

from decimal import Decimal

from consortium.imports.importers.tools.values import read_duration

SYNONYMS = {
    "date": ("Date",),
    "client": ("Client",),
    "project": ("Project",),
    "task": ("Task",),
    "description": ("Notes",),
    "duration": ("Hours",),
    "first_name": ("First Name",),
    "last_name": ("Last Name",),
    "email": ("Email",),
}
REQUIRED = ("date", "project", "duration", "first_name", "last_name")


def duration_hours(record: dict[str, str]) -> tuple[Decimal | None, str, str]:
    text = record.get("duration", "")
    return (read_duration(text) if text else None), "duration", text
