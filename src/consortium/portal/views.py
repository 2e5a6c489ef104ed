"""The member portal's pages (`/portail/`): the organisations a contact represents, then, for
each, its overview, services, hour banks, invoices and documents.

Every page is `portal_required` and reaches the organisation through `accounts.access`: the
overview and services through `portal_organisation_for_read` (a federation's contact reads its
enterprises' too), the banks, invoices and documents through `portal_organisation_for_change`
(only the organisations the contact represents: a federation's enterprises' are a 404).
"""

from django.db.models import OuterRef, Subquery
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from consortium.accounts.access import (
    portal_invoice_for_read,
    portal_organisation_for_change,
    portal_organisation_for_read,
    portal_organisations_visible_to,
    portal_required,
    request_represented_ids,
)
from consortium.billing.models import Invoice
from consortium.billing.pdf import invoice_pdf
from consortium.core.fiscal_years import fiscal_year_name_for, fiscal_year_period
from consortium.core.listing import page_links, paginate
from consortium.members.models import MemberCategory, Organisation
from consortium.members.selectors import memberships_in_force
from consortium.portal.documents import organisation_documents
from consortium.portal.selectors import (
    LATEST_INVOICES,
    balance_due,
    open_mandates,
    organisation_banks,
    portal_fiscal_years,
    portal_invoices,
    services_by_month,
)

INVOICES_PER_PAGE = 50
YEAR_PARAMETER = "exercice"


def _today():
    """Today, where the current fiscal year is decided (tests move it)."""
    return timezone.localdate()


def _organisations_with_category():
    """Organisations with `category_code`, their membership category today (no query more)."""
    category = (
        memberships_in_force(timezone.localdate())
        .filter(organisation=OuterRef("pk"))
        .order_by("-start")
        .values("category")[:1]
    )
    return Organisation.objects.select_related("federation").annotate(
        category_code=Subquery(category)
    )


def _page(request: HttpRequest, template: str, organisation: Organisation, **context):
    """Render an organisation's page with what the portal's navigation needs: whether the
    contact represents it (else they read a federation's enterprise: overview and services
    only) and, when they represent several, the organisations to switch to."""
    represented = request_represented_ids(request)
    switcher = []
    if len(represented) > 1:
        switcher = list(portal_organisations_visible_to(request.user).order_by("name", "pk"))
    if organisation.category_code:
        organisation.category = MemberCategory(organisation.category_code).label
    return render(
        request,
        template,
        {
            "organisation": organisation,
            "represents": organisation.pk in represented,
            "switcher": switcher,
            **context,
        },
    )


@portal_required
def home(request: HttpRequest) -> HttpResponse:
    """The organisations the contact represents and, apart, their federations' enterprises;
    straight to the organisation's overview when there is only one."""
    organisations = list(portal_organisations_visible_to(request.user).order_by("name", "pk"))
    enterprises = list(
        portal_organisations_visible_to(request.user, federated=True)
        .exclude(pk__in=[organisation.pk for organisation in organisations])
        .select_related("federation")
        .order_by("federation__name", "name", "pk")
    )
    if len(organisations) == 1 and not enterprises:
        return redirect("portal:overview", code=organisations[0].code)
    return render(
        request,
        "portal/home.html",
        {"organisations": organisations, "enterprises": enterprises},
    )


@portal_required
def overview(request: HttpRequest, code: str) -> HttpResponse:
    organisation = portal_organisation_for_read(
        request.user, code, among=_organisations_with_category()
    )
    year = fiscal_year_period(fiscal_year_name_for(_today()))
    mandates = list(open_mandates(organisation, year))
    context = {"year": year, "mandates": mandates, "hours": sum(m.hours for m in mandates)}
    if organisation.pk in request_represented_ids(request):
        invoices = portal_invoices(request.user, organisation)
        context |= {
            "balance_due": balance_due(invoices),
            "invoices": list(invoices[:LATEST_INVOICES]),
            "banks": organisation_banks(organisation),
            "enterprises": list(organisation.affiliates.order_by("name", "pk")),
        }
    return _page(request, "portal/overview.html", organisation, **context)


@portal_required
def services(request: HttpRequest, code: str) -> HttpResponse:
    organisation = portal_organisation_for_read(
        request.user, code, among=_organisations_with_category()
    )
    today = _today()
    current = fiscal_year_name_for(today)
    years = portal_fiscal_years(today) or [current]
    asked = request.GET.get(YEAR_PARAMETER, "").strip()
    year_error = ""
    if asked and asked not in years:
        year_error = _(
            "Exercice : « %(year)s » n'est pas un exercice proposé ; voici %(current)s."
        ) % {"year": asked, "current": current}
    name = asked if asked in years else current
    table = services_by_month(organisation, fiscal_year_period(name))
    return _page(
        request,
        "portal/services.html",
        organisation,
        table=table,
        years=years,
        year_name=name,
        year_error=year_error,
        year_parameter=YEAR_PARAMETER,
    )


@portal_required
def banks(request: HttpRequest, code: str) -> HttpResponse:
    organisation = portal_organisation_for_change(
        request.user, code, among=_organisations_with_category()
    )
    return _page(request, "portal/banks.html", organisation, banks=organisation_banks(organisation))


@portal_required
def invoices(request: HttpRequest, code: str) -> HttpResponse:
    organisation = portal_organisation_for_change(
        request.user, code, among=_organisations_with_category()
    )
    documents = portal_invoices(request.user, organisation)
    page = paginate(request, documents, INVOICES_PER_PAGE)
    return _page(
        request,
        "portal/invoices.html",
        organisation,
        balance_due=balance_due(documents),
        page=page,
        page_links=page_links(request, page),
    )


@portal_required
def invoice_pdf_download(request: HttpRequest, code: str, number: str) -> HttpResponse:
    organisation = portal_organisation_for_change(request.user, code)
    invoice = portal_invoice_for_read(
        request.user,
        organisation,
        number,
        among=Invoice.objects.select_related("organisation"),
    )
    response = HttpResponse(invoice_pdf(invoice), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{invoice.number}.pdf"'
    return response


@portal_required
def documents(request: HttpRequest, code: str) -> HttpResponse:
    organisation = portal_organisation_for_change(
        request.user, code, among=_organisations_with_category()
    )
    return _page(
        request,
        "portal/documents.html",
        organisation,
        documents=organisation_documents(organisation),
    )
