"""What every invoice page shares: the documents a user may read or change, as one subquery."""

from django.http import HttpRequest

from consortium.accounts.access import invoice_for_change, request_roles
from consortium.billing.models import Invoice


def changeable_invoice(request: HttpRequest, invoice_id: int) -> Invoice:
    """The invoice a write is about: 404 outside the user's reach, 403 for a reader."""
    return invoice_for_change(
        request.user,
        invoice_id,
        among=Invoice.objects.select_related("organisation"),
        roles=request_roles(request),
    )
