"""Invoices and credit notes: who reads them, who drafts, edits, issues, cancels and records
their payments.

Finance and administrators read and change every invoice. A director reads the invoices of their
departments' mandates (a document with a line on a mandate of a department they direct, or a
credit note of such an invoice) and changes none. Experts, communications and users without a
role see none: the pages are refused them by the role gate (403), `INVOICE_READ_ROLES`.
A member's contact reads, on the portal, the issued documents billed to an organisation they
represent (`invoices_of_portal_organisation`, `portal_invoice_for_read`).

`accounts` sits below billing and never imports it: the caller hands the invoices to narrow
(`among=Invoice.objects.all()`) and gets them back narrowed, still one SQL statement. The
lookups (`lines__mandate__department`, `credited_invoice`) are billing's model fields.
"""

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied
from django.db.models import Model, Q, QuerySet
from django.utils.translation import gettext as _

from consortium.accounts.access.portal import represented_organisations
from consortium.accounts.access.reach import directed_departments, first_or_404
from consortium.accounts.access.roles import roles_of
from consortium.accounts.models import RoleKind

# The roles that read and change every invoice.
INVOICE_CHANGE_ROLES = frozenset({RoleKind.FINANCE, RoleKind.ADMINISTRATOR})
# The roles the invoice pages are for at all; everyone else gets 403 from `role_required`.
INVOICE_READ_ROLES = INVOICE_CHANGE_ROLES | {RoleKind.DIRECTOR}


def may_change_invoices(roles: Iterable[str]) -> bool:
    """Whether these roles draft, edit, issue and cancel invoices and take their payments."""
    return bool(frozenset(roles) & INVOICE_CHANGE_ROLES)


def invoices_visible_to(user, *, among: QuerySet, roles: Iterable[str] | None = None) -> QuerySet:
    """The invoices and credit notes of `among` that `user` may read: every one for finance and
    administrators, those of their departments' mandates for a director, none for anyone else."""
    held = roles_of(user, roles)
    if may_change_invoices(held):
        return among
    if RoleKind.DIRECTOR in held:
        departments = directed_departments(user)
        # A subquery of ids: a document with several such lines is listed once.
        reached = among.model.objects.filter(
            Q(lines__mandate__department__in=departments)
            | Q(credited_invoice__lines__mandate__department__in=departments)
        ).values("pk")
        return among.filter(pk__in=reached)
    return among.none()


def invoices_changeable_by(
    user, *, among: QuerySet, roles: Iterable[str] | None = None
) -> QuerySet:
    """The invoices of `among` `user` may edit (drafts), issue, cancel and take payments on."""
    held = roles_of(user, roles)
    return among if may_change_invoices(held) else among.none()


def invoice_for_read(
    user, invoice_id: int, *, among: QuerySet, roles: Iterable[str] | None = None
) -> Model:
    """The invoice `user` may read; 404 if it is out of their reach (or does not exist)."""
    return first_or_404(
        invoices_visible_to(user, among=among, roles=roles),
        _("Cette facture n'existe pas ou ne relève pas de vous."),
        pk=invoice_id,
    )


def invoice_for_change(
    user, invoice_id: int, *, among: QuerySet, roles: Iterable[str] | None = None
) -> Model:
    """The invoice `user` may change: 404 if they may not even read it (whether it exists is not
    told), 403 if they read it but change no invoice (a director of its department)."""
    held = roles_of(user, roles)
    invoice = invoice_for_read(user, invoice_id, among=among, roles=held)
    if not may_change_invoices(held):
        raise PermissionDenied
    return invoice


# Billing's InvoiceStatus.DRAFT (accounts never imports billing): a draft is nobody's but finance's.
_DRAFT = "draft"


def invoices_of_portal_organisation(user, organisation, *, among: QuerySet) -> QuerySet:
    """The issued invoices and credit notes of `among` billed to `organisation` (the payer), if
    `user` represents it on the portal; never a draft; none for anyone else — a federation's
    contact does not read its enterprises' invoices. Still one SQL statement."""
    return among.filter(
        organisation=organisation, organisation_id__in=represented_organisations(user)
    ).exclude(status=_DRAFT)


def portal_invoice_for_read(user, organisation, number: str, *, among: QuerySet) -> Model:
    """The issued invoice or credit note numbered `number` of `organisation`, if `user`
    represents it; else 404 (a draft, another organisation's document, or none)."""
    return first_or_404(
        invoices_of_portal_organisation(user, organisation, among=among),
        _("Cette facture n'existe pas ou ne relève pas de vous."),
        number=number,
    )
