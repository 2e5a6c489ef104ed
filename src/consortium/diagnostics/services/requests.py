"""Service requests: a member asks for a service its diagnostic offers; the department's director
(or an administrator) accepts it, which opens a mandate, or declines it with a reason. Each step
keeps who and when."""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from consortium.accounts.access import directed_departments, service_requests_visible_to
from consortium.accounts.models import RoleKind
from consortium.accounts.selectors import user_roles
from consortium.core.formatting import long_date
from consortium.diagnostics.models import (
    Diagnostic,
    Section,
    ServiceRequest,
    ServiceRequestStatus,
)
from consortium.mandates.models import Mandate, MandateType
from consortium.mandates.selectors import next_mandate_code
from consortium.mandates.services import mandate_create
from consortium.members.models import Organisation
from consortium.staff.models import Department


def _check_decider(request: ServiceRequest, by) -> None:
    """`by` must decide this request (None: the system, the demo)."""
    if by is None:
        return
    if not service_requests_visible_to(by, among=ServiceRequest.objects.filter(pk=request.pk)):
        raise PermissionDenied


def _check_new(request: ServiceRequest) -> None:
    if request.status != ServiceRequestStatus.NEW:
        raise ValidationError(
            _("Cette demande a déjà été décidée (%(status)s) : elle ne change plus.")
            % {"status": request.get_status_display()}
        )


@transaction.atomic
def service_request_create(
    *,
    organisation: Organisation,
    mandate_type: MandateType,
    department: Department,
    diagnostic: Diagnostic | None = None,
    section: Section | None = None,
    message: str = "",
    by=None,
) -> ServiceRequest:
    """Ask for a service; refused when the same service of the same section is already asked
    for (awaiting a decision or accepted) by the organisation."""
    if diagnostic is not None and diagnostic.organisation_id != organisation.pk:
        raise ValidationError(_("Ce diagnostic n'est pas celui de cette organisation."))
    if section is not None:
        offered = section.mandate_types.filter(pk=mandate_type.pk).exists() and (
            section.departments.filter(pk=department.pk).exists()
        )
        if not offered:
            raise ValidationError(_("Ce service n'est pas offert pour cette section."))
    # Locks the organisation's row: two clicks at once make one request.
    Organisation.objects.select_for_update().filter(pk=organisation.pk).first()
    earlier = (
        ServiceRequest.objects.filter(
            organisation=organisation,
            section=section,
            mandate_type=mandate_type,
            department=department,
        )
        .exclude(status=ServiceRequestStatus.DECLINED)
        .first()
    )
    if earlier is not None:
        raise ValidationError(
            _("Ce service a déjà été demandé le %(date)s.")
            % {"date": long_date(timezone.localdate(earlier.requested_at))},
            code="already_requested",
        )
    request = ServiceRequest(
        organisation=organisation,
        diagnostic=diagnostic,
        section=section,
        mandate_type=mandate_type,
        department=department,
        message=message,
        requested_by=by,
        requested_at=timezone.now(),
    )
    request.full_clean()
    request.save()
    return request


def suggested_mandate_code(request: ServiceRequest) -> str:
    """A free code for the mandate, the next of the year in the centre's scheme."""
    return next_mandate_code(timezone.localdate())


def suggested_mandate_title(request: ServiceRequest) -> str:
    title = request.mandate_type.name
    if request.section is not None:
        title = f"{title} – {request.section.title}"
    return title[:255]


@transaction.atomic
def service_request_accept(
    *,
    request: ServiceRequest,
    code: str,
    title: str,
    mandate_type: MandateType,
    department: Department,
    start: dt.date,
    by=None,
) -> Mandate:
    """Open the mandate the request asks for and link it; the request is accepted."""
    request = ServiceRequest.objects.select_for_update().get(pk=request.pk)
    _check_decider(request, by)
    _check_new(request)
    if by is not None and department.pk != request.department_id and not _directs(by, department):
        # The director may hand it to another department only if they direct it too.
        raise ValidationError({"department": _("Vous ne dirigez pas ce département.")})
    mandate = mandate_create(
        code=code,
        organisation=request.organisation,
        title=title,
        mandate_type=mandate_type,
        department=department,
        start=start,
    )
    request.status = ServiceRequestStatus.ACCEPTED
    request.mandate = mandate
    request.decided_by = by
    request.decided_at = timezone.now()
    request.full_clean()
    request.save()
    return mandate


def _directs(user, department: Department) -> bool:
    if user.is_superuser or RoleKind.ADMINISTRATOR in user_roles(user):
        return True
    return directed_departments(user).filter(department_id=department.pk).exists()


@transaction.atomic
def service_request_decline(*, request: ServiceRequest, reason: str, by=None) -> ServiceRequest:
    """Decline the request, saying why (the member reads the reason)."""
    request = ServiceRequest.objects.select_for_update().get(pk=request.pk)
    _check_decider(request, by)
    _check_new(request)
    if not reason.strip():
        raise ValidationError({"decline_reason": _("Dites pourquoi la demande est refusée.")})
    request.status = ServiceRequestStatus.DECLINED
    request.decline_reason = reason.strip()
    request.decided_by = by
    request.decided_at = timezone.now()
    request.full_clean()
    request.save()
    return request
