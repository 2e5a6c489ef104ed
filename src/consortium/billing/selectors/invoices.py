"""Reads of invoices and credit notes: the listing that `consortium invoices list` prints."""

from collections import defaultdict
from decimal import Decimal

from django.db.models import Prefetch, Q

from consortium.billing.models import NON_MEMBER, Invoice, InvoiceLine
from consortium.core.money import cents
from consortium.members.models import Membership

AMOUNTS = ("subtotal", "discount", "taxable", "gst", "qst", "total", "paid")


def _money(amount: Decimal | None) -> str | None:
    return None if amount is None else f"{cents(Decimal(amount)):.2f}"


def _hours(hours: Decimal | None) -> str | None:
    return None if hours is None else f"{Decimal(hours):.2f}"


def invoice_listing(*, fiscal_year: str) -> list[dict]:
    """Every issued invoice and credit note of `fiscal_year` ("2020-2021"), invoices then credit
    notes, each in number order, as plain dicts: amounts and hours as strings with two decimals,
    dates in ISO form. The member category is the billed organisation's on the issue date
    (`non_member` without a membership that day). Three queries, whatever their number."""
    lines = InvoiceLine.objects.select_related("mandate").order_by("position", "id")
    documents = list(
        Invoice.objects.filter(fiscal_year__name=fiscal_year)
        .exclude(number="")
        .select_related("organisation")
        .prefetch_related(Prefetch("lines", queryset=lines))
        .order_by("-kind", "sequence")  # invoices, then credit notes
    )
    memberships = defaultdict(list)
    if documents:
        first = min(document.issued_on for document in documents)
        last = max(document.issued_on for document in documents)
        rows = (
            Membership.objects.filter(
                organisation_id__in={document.organisation_id for document in documents},
                start__lte=last,
            )
            .filter(Q(end__isnull=True) | Q(end__gte=first))
            .values_list("organisation_id", "start", "end", "category")
        )
        for organisation_id, start, end, category in rows:
            memberships[organisation_id].append((start, end, category))

    def category(document: Invoice) -> str:
        for start, end, value in memberships[document.organisation_id]:
            if start <= document.issued_on and (end is None or document.issued_on <= end):
                return value
        return NON_MEMBER

    return [
        {
            "number": document.number,
            "kind": document.kind,
            "organisation_code": document.organisation.code,
            "member_category": category(document),
            "issued_on": document.issued_on.isoformat(),
            "status": document.status,
            **{name: _money(getattr(document, name)) for name in AMOUNTS},
            "lines": [
                {
                    "mandate_code": line.mandate.code if line.mandate else None,
                    "description": line.description,
                    "hours": _hours(line.hours),
                    "rate": _money(line.rate),
                    "amount": _money(line.amount),
                    "tax_code": line.tax_code,
                }
                for line in document.lines.all()
            ],
        }
        for document in documents
    ]
