"""Reads of the demo app: is there ledger data the demo would collide with?"""

from consortium.mandates.models import Mandate, MandateType
from consortium.members.models import Organisation
from consortium.staff.models import Department, Expert
from consortium.timesheets.models import PeriodLock, TimeEntry

# What the demo writes, in the order a person would list it.
LEDGER_MODELS = {
    "organisations": Organisation,
    "experts": Expert,
    "mandates": Mandate,
    "time_entries": TimeEntry,
    "period_locks": PeriodLock,
    "departments": Department,
    "mandate_types": MandateType,
}


def ledger_data_counts() -> dict[str, int]:
    """How many rows of each kind of ledger data the database holds (zeros when it is empty)."""
    return {name: model.objects.count() for name, model in LEDGER_MODELS.items()}
