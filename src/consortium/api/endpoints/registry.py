"""The registry: organisations (with their memberships), experts, departments, mandate types,
mandates. What a token reads is what its user reads on the site (`accounts.access`)."""

from django.db.models import Prefetch
from ninja import Router

from consortium.accounts.access import (
    experts_visible_to,
    mandate_for_read,
    mandates_visible_to,
    organisations_visible_to,
    request_roles,
)
from consortium.api import schemas
from consortium.api.models import Scope
from consortium.api.pagination import PageNumber, PageSize, paginate
from consortium.api.schemas import Code, StrictBoolean
from consortium.api.security import require_scope
from consortium.mandates.models import MandateType
from consortium.members.models import Membership
from consortium.staff.models import Department

router = Router(tags=["registry"])


@router.get("/organisations", response=schemas.OrganisationPage)
def organisations_list(
    request,
    code: Code | None = None,
    region: Code | None = None,
    page: int = PageNumber,
    page_size: int = PageSize,
):
    require_scope(request, Scope.ORGANISATIONS_READ)
    rows = (
        organisations_visible_to(request.user, roles=request_roles(request))
        .select_related("federation")
        .prefetch_related(
            Prefetch("memberships", queryset=Membership.objects.order_by("start", "pk"))
        )
        .order_by("code")
    )
    if code:
        rows = rows.filter(code=code)
    if region:
        rows = rows.filter(region=region)
    return paginate(rows, page, page_size)


@router.get("/departments", response=schemas.DepartmentPage)
def departments_list(request, page: int = PageNumber, page_size: int = PageSize):
    require_scope(request, Scope.EXPERTS_READ)
    rows = Department.objects.order_by("code")
    if not request_roles(request):
        rows = rows.none()
    return paginate(rows, page, page_size)


@router.get("/mandate-types", response=schemas.MandateTypePage)
def mandate_types_list(request, page: int = PageNumber, page_size: int = PageSize):
    require_scope(request, Scope.MANDATES_READ)
    rows = MandateType.objects.order_by("code")
    if not request_roles(request):
        rows = rows.none()
    return paginate(rows, page, page_size)


@router.get("/experts", response=schemas.ExpertPage)
def experts_list(
    request,
    department: Code | None = None,
    code: Code | None = None,
    page: int = PageNumber,
    page_size: int = PageSize,
):
    require_scope(request, Scope.EXPERTS_READ)
    rows = (
        experts_visible_to(request.user, roles=request_roles(request))
        .select_related("department")
        .order_by("code")
    )
    if department:
        rows = rows.filter(department__code=department)
    if code:
        rows = rows.filter(code=code)
    return paginate(rows, page, page_size)


@router.get("/mandates", response=schemas.MandatePage)
def mandates_list(
    request,
    organisation: Code | None = None,
    department: Code | None = None,
    status: Code | None = None,
    billable: StrictBoolean | None = None,
    page: int = PageNumber,
    page_size: int = PageSize,
):
    require_scope(request, Scope.MANDATES_READ)
    rows = (
        mandates_visible_to(request.user, roles=request_roles(request))
        .select_related("organisation", "department", "mandate_type")
        .order_by("code")
    )
    if organisation:
        rows = rows.filter(organisation__code=organisation)
    if department:
        rows = rows.filter(department__code=department)
    if status:
        rows = rows.filter(status=status)
    if billable is not None:
        rows = rows.filter(billable=billable)
    return paginate(rows, page, page_size)


@router.get("/mandates/{code}", response=schemas.Mandate)
def mandate_read(request, code: Code):
    require_scope(request, Scope.MANDATES_READ)
    return mandate_for_read(request.user, code, roles=request_roles(request))
