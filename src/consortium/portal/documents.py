"""The documents page's list: each area that produces documents for an organisation gives one
source, `(organisation) -> list[DocumentLink]`; the page shows them all, newest first: the
invoices and credit notes, the adopted investment policies (treasury) and the finished
diagnostics' results.

The page decides who reaches the organisation (`portal_organisation_for_change`: the
organisations the contact represents); a source lists what the area produced for it.
"""

from collections.abc import Callable

from django.urls import reverse
from django.utils.translation import gettext as _

from consortium.billing.models import Invoice, InvoiceKind, InvoiceStatus
from consortium.core.documents import DocumentLink
from consortium.diagnostics.selectors import document_links as diagnostic_documents
from consortium.members.models import Organisation
from consortium.treasury.selectors import document_links as treasury_documents


def invoice_documents(organisation: Organisation) -> list[DocumentLink]:
    """The PDFs of the organisation's issued invoices and credit notes: one query."""
    documents = (
        Invoice.objects.filter(organisation=organisation)
        .exclude(status=InvoiceStatus.DRAFT)
        .order_by("-issued_on", "-number")
        .values_list("kind", "number", "issued_on")
    )
    links = []
    for kind, number, issued_on in documents:
        if kind == InvoiceKind.CREDIT_NOTE:
            title, label = _("Note de crédit %(number)s") % {"number": number}, _("note de crédit")
        else:
            title, label = _("Facture %(number)s") % {"number": number}, _("facture")
        url = reverse("portal:invoice_pdf", args=[organisation.code, number])
        links.append(DocumentLink(title=title, issued_on=issued_on, url=url, kind=str(label)))
    return links


DOCUMENT_SOURCES: tuple[Callable[[Organisation], list[DocumentLink]], ...] = (
    invoice_documents,
    treasury_documents,
    diagnostic_documents,
)


def organisation_documents(organisation: Organisation) -> list[DocumentLink]:
    """Every source's documents for the organisation, newest first: one query per source."""
    documents = [link for source in DOCUMENT_SOURCES for link in source(organisation)]
    return sorted(documents, key=lambda link: (link.issued_on, link.title), reverse=True)
