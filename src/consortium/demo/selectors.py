"""Reads of the demo app: is there ledger data the demo would collide with? Who are the experts
behind the demo logins?"""

import datetime as dt

from django.db.models import Case, Count, Exists, IntegerField, OuterRef, Q, Value, When

from consortium.billing.models import Invoice, InvoiceKind, InvoiceStatus
from consortium.mandates.models import Mandate, MandateStatus, MandateType
from consortium.members.models import Organisation
from consortium.staff.models import Department, Expert, Role
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

# The demo's expert works in accounting, the largest department, when it has open mandates.
DEMO_DEPARTMENT = "CPT"


def ledger_data_counts() -> dict[str, int]:
    """How many rows of each kind of ledger data the database holds (zeros when it is empty)."""
    return {name: model.objects.count() for name, model in LEDGER_MODELS.items()}


def billing_counts() -> dict[str, int]:
    """Issued invoices, credit notes, and invoices with a balance left (one query)."""
    issued = ~Q(status=InvoiceStatus.DRAFT)
    return Invoice.objects.aggregate(
        invoices=Count("pk", filter=issued & Q(kind=InvoiceKind.INVOICE)),
        credit_notes=Count("pk", filter=issued & Q(kind=InvoiceKind.CREDIT_NOTE)),
        unpaid=Count("pk", filter=Q(status__in=[InvoiceStatus.ISSUED, InvoiceStatus.PARTLY_PAID])),
    )


def _employed_on(day: dt.date) -> Q:
    return Q(hired_on__lte=day) & (Q(left_on__isnull=True) | Q(left_on__gte=day))


def demo_login_experts(today: dt.date) -> tuple[Expert | None, Expert | None]:
    """The experts the `experte` and `direction` logins sign in as: two queries.

    The expert: the first professional (by code) employed `today` in a department with a
    mandate open `today`, accounting first. The director: that department's first director
    employed `today`, if it has one. (None, None) in a ledger without such an expert.
    """
    open_mandates = Mandate.objects.filter(
        Q(end__isnull=True) | Q(end__gte=today),
        department=OuterRef("department"),
        start__lte=today,
    ).exclude(status=MandateStatus.CANCELLED)
    expert = (
        Expert.objects.filter(_employed_on(today), role=Role.PROFESSIONAL)
        .filter(Exists(open_mandates))
        .select_related("department")
        .annotate(
            preferred=Case(
                When(department__code=DEMO_DEPARTMENT, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        )
        .order_by("preferred", "department__code", "code")
        .first()
    )
    if expert is None:
        return None, None
    director = (
        Expert.objects.filter(_employed_on(today), role=Role.DIRECTOR, department=expert.department)
        .order_by("code")
        .first()
    )
    return expert, director
