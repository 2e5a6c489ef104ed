"""Organisation pages: the list (filters, sorting, pages, exports) and an organisation's page."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from consortium.accounts.access import (
    CONTACT_INVITE_ROLES,
    STAFF_ROLES,
    can_create_mandates,
    mandates_visible_to,
    may_change_organisations,
    may_invite_contacts,
    organisation_for_read,
    organisations_visible_to,
    request_roles,
    role_required,
)
from consortium.accounts.services import contact_invite, contact_remove
from consortium.core.charts import cached_chart, hours_by_period_chart
from consortium.core.exports import FORMATS, Column, Kind, export_response
from consortium.core.fiscal_years import fiscal_year_name_for, fiscal_year_period
from consortium.core.forms import add_service_errors
from consortium.core.listing import (
    SortColumn,
    clear_filters_url,
    filter_chips,
    page_links,
    paginate,
    per_page,
    per_page_links,
    query_string,
    sort_by,
    sort_headers,
)
from consortium.mandates.selectors import budget_state, with_hours
from consortium.members.filters import OrganisationFilter
from consortium.members.forms import ContactInviteForm
from consortium.members.models import LegalForm, MemberCategory, Province, Region
from consortium.members.selectors import (
    organisation_affiliates,
    organisation_contacts,
    organisation_detail_rows,
    organisation_export_rows,
    organisation_hours_by_fiscal_year,
    organisation_memberships,
    with_list_figures,
)

PER_PAGE = 50
AFFILIATES_PER_PAGE = 25
AFFILIATES_PAGE = "entreprises"


def _sort_columns() -> list[SortColumn]:
    return [
        SortColumn("code", gettext_lazy("Code"), ("code",)),
        SortColumn("name", gettext_lazy("Nom"), ("name__folded", "name")),
        SortColumn("legal_form", gettext_lazy("Forme juridique"), ("legal_form",)),
        SortColumn("region", gettext_lazy("Région"), ("region",)),
        SortColumn("category", gettext_lazy("Catégorie de membre"), ("category_code",)),
        SortColumn("federation", gettext_lazy("Regroupement"), ("federation__name__folded",)),
        SortColumn("hours", gettext_lazy("Heures"), ("hours",), numeric=True),
    ]


def _label(choices: type, value: str | None) -> str:
    return str(choices(value).label) if value else ""


def _export_columns(year: str) -> list[Column]:
    return [
        Column(_("Code"), lambda row: row["code"], width=12),
        Column(_("Nom"), lambda row: row["name"], width=36),
        Column(_("Forme juridique"), lambda row: _label(LegalForm, row["legal_form"]), width=20),
        Column(_("NEQ"), lambda row: row["neq"], width=12),
        Column(_("Région"), lambda row: _label(Region, row["region"]), width=24),
        Column(_("Province ou territoire"), lambda row: _label(Province, row["province"])),
        Column(_("Catégorie de membre"), lambda row: _label(MemberCategory, row["category_code"])),
        Column(_("Code du regroupement"), lambda row: row["federation__code"] or ""),
        Column(_("Regroupement sectoriel"), lambda row: row["federation__name"] or "", width=30),
        Column(_("Entreprises affiliées"), lambda row: row["affiliate_count"], Kind.NUMBER),
        Column(
            _("Heures %(year)s") % {"year": year}, lambda row: row["hours"], Kind.NUMBER, width=12
        ),
    ]


@role_required(*STAFF_ROLES)
def organisation_list(request: HttpRequest) -> HttpResponse:
    filters = OrganisationFilter(
        request.GET, queryset=organisations_visible_to(request.user, roles=request_roles(request))
    )
    organisations = filters.qs
    year = filters.form.cleaned_data.get("year") or fiscal_year_name_for(timezone.localdate())
    organisations = with_list_figures(organisations, fiscal_year_period(year))
    columns = _sort_columns()
    organisations, current_sort = sort_by(organisations, request, columns, default="name")
    export_format = request.GET.get("format")
    if export_format in FORMATS:
        return export_response(
            export_format,
            _("organisations"),
            _("Organisations"),
            _export_columns(year),
            organisation_export_rows(organisations),
        )
    rows = per_page(request, PER_PAGE)
    page = paginate(request, organisations, rows)
    for organisation in page.object_list:
        organisation.category = _label(MemberCategory, organisation.category_code)
    return render(
        request,
        "members/organisation_list.html",
        {
            "filters": filters,
            "year": year,
            "page": page,
            "page_links": page_links(request, page),
            "headers": sort_headers(request, columns, current_sort),
            "csv_url": query_string(request, format="csv", page=None),
            "xlsx_url": query_string(request, format="xlsx", page=None),
            # The hours' year is no filter: it has no chip and stays when the filters go.
            "chips": filter_chips(request, filters.form, leave_out=("year",)),
            "clear_url": clear_filters_url(request, filters.form, leave_out=("year",)),
            "per_page_links": per_page_links(request, rows),
        },
    )


@role_required(*STAFF_ROLES)
def organisation_detail(request: HttpRequest, code: str) -> HttpResponse:
    roles = request_roles(request)
    organisation = organisation_for_read(
        request.user, code, roles=roles, among=organisation_detail_rows()
    )
    affiliates = None
    affiliate_links = []
    if organisation.affiliate_count:
        affiliates = paginate(
            request, organisation_affiliates(organisation), AFFILIATES_PER_PAGE, AFFILIATES_PAGE
        )
        affiliate_links = page_links(request, affiliates, AFFILIATES_PAGE)
        for affiliate in affiliates.object_list:
            affiliate.category = _label(MemberCategory, affiliate.category_code)
    mandates = list(
        with_hours(mandates_visible_to(request.user, roles=roles).filter(organisation=organisation))
        .select_related("mandate_type", "department")
        .order_by("-start", "code")
    )
    for mandate in mandates:
        mandate.budget_state = budget_state(mandate.hours, mandate.budget_hours)
    years = organisation_hours_by_fiscal_year(organisation)
    chart = None
    if len(years) > 1:
        chart = cached_chart(hours_by_period_chart, years, str(_("Heures par exercice")))
    return render(
        request,
        "members/organisation_detail.html",
        {
            "organisation": organisation,
            "memberships": organisation_memberships(organisation),
            "affiliates": affiliates,
            "affiliate_links": affiliate_links,
            "mandates": mandates,
            "years": years,
            "chart": chart,
            "contacts": organisation_contacts(organisation),
            "may_invite": may_invite_contacts(request.user, roles=roles),
            "may_change": may_change_organisations(request.user, roles=roles),
            "may_create_mandates": can_create_mandates(roles),
        },
    )


def _organisation_for_contacts(request: HttpRequest, code: str):
    """The organisation whose contacts the user changes: 404 outside their reach, 403 for a
    role that reads it but invites nobody."""
    roles = request_roles(request)
    organisation = organisation_for_read(request.user, code, roles=roles)
    if not may_invite_contacts(request.user, roles=roles):
        raise PermissionDenied
    return organisation


@role_required(*CONTACT_INVITE_ROLES)
def organisation_contact_invite(request: HttpRequest, code: str) -> HttpResponse:
    """Invite a person to represent the organisation on the portal (an e-mail with the link
    where they choose a password)."""
    organisation = _organisation_for_contacts(request, code)
    form = ContactInviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            contact = contact_invite(
                organisation=organisation, by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("%(name)s est invitée ou invité : le courriel part à %(email)s.")
                % {"name": contact.user.get_full_name(), "email": contact.user.email},
            )
            return redirect("members:organisation_detail", code=organisation.code)
    return render(
        request,
        "members/contact_invite.html",
        {"organisation": organisation, "form": form},
        status=400 if form.errors else 200,
    )


@role_required(*CONTACT_INVITE_ROLES)
def organisation_contact_remove(request: HttpRequest, code: str, contact_id: int) -> HttpResponse:
    """Remove a contact, after a confirmation page of its own."""
    organisation = _organisation_for_contacts(request, code)
    contact = get_object_or_404(organisation_contacts(organisation), pk=contact_id)
    if request.method == "POST":
        contact_remove(contact=contact, by=request.user)
        messages.success(
            request,
            _("%(name)s ne représente plus %(organisation)s.")
            % {"name": contact.user.get_full_name(), "organisation": organisation.name},
        )
        return redirect("members:organisation_detail", code=organisation.code)
    return render(
        request,
        "members/contact_remove.html",
        {"organisation": organisation, "contact": contact},
    )
