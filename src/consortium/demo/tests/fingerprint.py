"""Everything a demo build wrote, ids and clock times aside: two builds compare equal."""

import hashlib

from consortium.billing.models import Invoice, Payment
from consortium.mandates.models import Mandate
from consortium.members.models import Membership, Organisation
from consortium.staff.models import Expert
from consortium.timesheets.models import PeriodLock, TimeEntry, TimesheetWeek


def content_fingerprint() -> str:
    """Everything the demo wrote, ids aside."""
    content = [
        Organisation.objects.order_by("code").values_list(
            "code", "name", "legal_form", "neq", "region", "federation__code"
        ),
        Membership.objects.order_by("organisation__code", "start").values_list(
            "organisation__code", "category", "start", "end"
        ),
        Expert.objects.order_by("code").values_list(
            "code",
            "first_name",
            "last_name",
            "email",
            "role",
            "department__code",
            "hired_on",
            "left_on",
            "gender",
            "birth_year",
        ),
        Mandate.objects.order_by("code").values_list(
            "code",
            "organisation__code",
            "title",
            "mandate_type__code",
            "department__code",
            "start",
            "end",
            "status",
        ),
        TimeEntry.objects.order_by("expert__code", "date", "mandate__code").values_list(
            "expert__code", "mandate__code", "date", "hours", "description"
        ),
        # The recent weeks and who decided them; when is the clock's business.
        TimesheetWeek.objects.order_by("expert__code", "week_start").values_list(
            "expert__code", "week_start", "status", "decided_by__username"
        ),
        PeriodLock.objects.order_by("start").values_list(
            "kind", "start", "end", "locked_by__username"
        ),
        Expert.objects.exclude(user=None).order_by("code").values_list("code", "user__username"),
        # Its billing: who paid, each document's amounts and payments.
        Mandate.objects.order_by("code").values_list(
            "code", "billed_organisation__code", "fixed_fee"
        ),
        Invoice.objects.order_by("number").values_list(
            "number", "kind", "status", "organisation__code", "issued_on", "total", "paid"
        ),
        Payment.objects.order_by("invoice__number", "date").values_list(
            "invoice__number", "date", "amount", "method"
        ),
    ]
    return hashlib.sha256(repr([list(rows) for rows in content]).encode()).hexdigest()
