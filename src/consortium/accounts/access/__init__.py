"""Who may do what: the one place access is decided.

Three layers of the same rules, used the same way for every object type:

- the role gate (`roles.py`): `role_required(*roles)` on a view, 403 for a role the page is not
  for; `request_roles(request)` reads the roles once per request and every helper below takes
  them as `roles=` to save a query;
- per object type, one queryset of what a user may see (`<things>_visible_to`) and, where the
  app changes or decides them, what they may change (`<things>_changeable_by`,
  `weeks_approvable_by`, `time_entries_editable_by`): plain subqueries, so deciding costs no
  query of its own; every director rule is built on `directed_departments(user)`;
- per object type, one helper that returns the object or raises (`mandate_for_read`,
  `mandate_for_change`, `week_for_approval`, `time_entry_for_edit`, `expert_for_time`,
  `organisation_for_read`): a 404 to whoever is outside its reach (whether it exists is not
  told), a 403 to a role that may see it but never change such objects. Services check the
  yes/no rules (`can_edit_time_of`, `can_approve_for`, `can_read_audit_of`,
  `can_lock_periods`) on their `by=` user.

`accounts` sits in the registry, below the ledger: it never imports `timesheets`. The rules for
the ledger's rows (weeks, time entries) narrow the queryset the caller hands them (`among=`,
rows that belong to an expert through `expert`) and return it, still one SQL statement.

Invoices follow the same pattern in `invoices.py`, with `among=` since billing sits above
accounts (`invoices_visible_to` — every one for finance and administrators, those of their
departments' mandates for a director —, `invoices_changeable_by` — finance —,
`invoice_for_read`, `invoice_for_change`); the member portal's organisation will too
(`portal.py`: `portal_organisations_visible_to` — those the contact represents, and read only
the enterprises of a federation they represent —, `portal_organisation_for_read`,
`portal_organisation_for_change`, `portal_required`); so do the service requests members make
from their diagnostic (`service_requests.py`: `service_requests_visible_to` — a director's
departments', every one for an administrator —, `service_request_for_decision`).
Governance's meetings and seats are all or nothing (`governance.py`: `governance_visible_to`,
`governance_for_change`, `may_manage_governance`). docs/permissions.md names
The annual report's preparation and texts (`reports.py`: `can_change_reports`,
`may_change_reports`) are for directors and the communications role. docs/permissions.md names
the helper behind every rule.
"""

from consortium.accounts.access.communications import (
    COMMUNICATIONS_ROLES,
    communications_record_for_change,
    communications_visible_to,
    event_for_sign_up,
    may_manage_communications,
)
from consortium.accounts.access.development import (
    DEVELOPMENT_ROLES,
    development_changeable_by,
    development_for_change,
    development_for_read,
    development_visible_to,
    may_work_on_development,
    opportunities_convertible_by,
    opportunity_for_conversion,
)
from consortium.accounts.access.experts import (
    can_edit_time_of,
    can_read_audit_of,
    expert_for_read,
    expert_for_time,
    experts_audit_readable_by,
    experts_time_editable_by,
    experts_visible_to,
)
from consortium.accounts.access.governance import (
    GOVERNANCE_ROLES,
    governance_for_change,
    governance_visible_to,
    may_manage_governance,
)
from consortium.accounts.access.invoices import (
    INVOICE_CHANGE_ROLES,
    INVOICE_READ_ROLES,
    invoice_for_change,
    invoice_for_read,
    invoices_changeable_by,
    invoices_of_portal_organisation,
    invoices_visible_to,
    may_change_invoices,
    portal_invoice_for_read,
)
from consortium.accounts.access.mandates import (
    MANDATE_CHANGE_ROLES,
    can_create_mandates,
    departments_open_to,
    mandate_for_change,
    mandate_for_read,
    mandates_changeable_by,
    mandates_visible_to,
)
from consortium.accounts.access.organisations import (
    ORGANISATION_CHANGE_ROLES,
    may_change_organisations,
    organisation_for_read,
    organisations_visible_to,
)
from consortium.accounts.access.periods import can_lock_periods
from consortium.accounts.access.portal import (
    CONTACT_INVITE_ROLES,
    is_member_contact,
    may_invite_contacts,
    portal_organisation_for_change,
    portal_organisation_for_read,
    portal_organisations_visible_to,
    portal_required,
    represented_organisations,
    request_represented_ids,
)
from consortium.accounts.access.privacy import can_handle_personal_information
from consortium.accounts.access.projects import (
    PROJECT_CHANGE_ROLES,
    PROJECT_READ_ROLES,
    may_change_projects,
    may_submit_deliverable,
    may_validate_deliverable,
    project_for_change,
    project_for_read,
    projects_changeable_by,
    projects_visible_to,
)
from consortium.accounts.access.reach import directed_departments, first_or_404, pick_or_404
from consortium.accounts.access.reports import (
    REPORT_CHANGE_ROLES,
    can_change_reports,
    can_read_reports,
    may_change_reports,
)
from consortium.accounts.access.roles import (
    STAFF_ROLES,
    request_holds,
    request_roles,
    role_required,
)
from consortium.accounts.access.service_requests import (
    SERVICE_REQUEST_ROLES,
    service_request_for_decision,
    service_requests_visible_to,
)
from consortium.accounts.access.time_entries import (
    time_entries_editable_by,
    time_entries_visible_to,
    time_entry_for_edit,
)
from consortium.accounts.access.training import (
    TRAINING_ROLES,
    course_for_change,
    courses_visible_to,
    may_manage_training,
)
from consortium.accounts.access.weeks import (
    can_approve_for,
    departments_reviewed_by,
    may_approve_weeks,
    week_for_approval,
    weeks_approvable_by,
    weeks_visible_to,
)

__all__ = [
    "COMMUNICATIONS_ROLES",
    "CONTACT_INVITE_ROLES",
    "DEVELOPMENT_ROLES",
    "GOVERNANCE_ROLES",
    "INVOICE_CHANGE_ROLES",
    "INVOICE_READ_ROLES",
    "MANDATE_CHANGE_ROLES",
    "ORGANISATION_CHANGE_ROLES",
    "PROJECT_CHANGE_ROLES",
    "PROJECT_READ_ROLES",
    "REPORT_CHANGE_ROLES",
    "SERVICE_REQUEST_ROLES",
    "STAFF_ROLES",
    "TRAINING_ROLES",
    "can_approve_for",
    "can_change_reports",
    "can_create_mandates",
    "can_edit_time_of",
    "can_handle_personal_information",
    "can_lock_periods",
    "can_read_audit_of",
    "can_read_reports",
    "communications_record_for_change",
    "communications_visible_to",
    "course_for_change",
    "courses_visible_to",
    "departments_open_to",
    "departments_reviewed_by",
    "development_changeable_by",
    "development_for_change",
    "development_for_read",
    "development_visible_to",
    "directed_departments",
    "event_for_sign_up",
    "expert_for_read",
    "expert_for_time",
    "experts_audit_readable_by",
    "experts_time_editable_by",
    "experts_visible_to",
    "first_or_404",
    "governance_for_change",
    "governance_visible_to",
    "invoice_for_change",
    "invoice_for_read",
    "invoices_changeable_by",
    "invoices_of_portal_organisation",
    "invoices_visible_to",
    "is_member_contact",
    "mandate_for_change",
    "mandate_for_read",
    "mandates_changeable_by",
    "mandates_visible_to",
    "may_approve_weeks",
    "may_change_invoices",
    "may_change_organisations",
    "may_change_projects",
    "may_change_reports",
    "may_invite_contacts",
    "may_manage_communications",
    "may_manage_governance",
    "may_manage_training",
    "may_submit_deliverable",
    "may_validate_deliverable",
    "may_work_on_development",
    "opportunities_convertible_by",
    "opportunity_for_conversion",
    "organisation_for_read",
    "organisations_visible_to",
    "pick_or_404",
    "portal_invoice_for_read",
    "portal_organisation_for_change",
    "portal_organisation_for_read",
    "portal_organisations_visible_to",
    "portal_required",
    "project_for_change",
    "project_for_read",
    "projects_changeable_by",
    "projects_visible_to",
    "represented_organisations",
    "request_holds",
    "request_represented_ids",
    "request_roles",
    "role_required",
    "service_request_for_decision",
    "service_requests_visible_to",
    "time_entries_editable_by",
    "time_entries_visible_to",
    "time_entry_for_edit",
    "week_for_approval",
    "weeks_approvable_by",
    "weeks_visible_to",
]
