"""Every page passes axe-core with no serious or critical violation, as the person it is for.

Extend PAGES as pages are built: (URL name, its arguments, who opens it). Arguments name
objects of the scene below ("mandate", "organisation", "week"); who is `None` for signed out,
a name of `make_people()`, or "member": the organisation's contact on the portal.
"""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from consortium.testing.factories import (
    MandateFactory,
    MemberContactFactory,
    OrganisationFactory,
    TimeEntryFactory,
    TimesheetWeekFactory,
    UserFactory,
    issued_invoice,
)
from consortium.testing.people import make_people

pytestmark = pytest.mark.browser

PAGES = [
    ("accounts:login", (), None),
    ("accounts:password_reset", (), None),
    ("accounts:password_reset_done", (), None),
    ("accounts:password_change", (), "owner"),
    ("dashboards:dashboard", (), "owner"),
    ("dashboards:dashboard", (), "director"),
    ("dashboards:dashboard", (), "finance"),
    ("dashboards:dashboard", (), "administrator"),
    ("reports:report_list", (), "communications"),
    ("timesheets:week", (), "owner"),
    ("timesheets:week_of", ("monday",), "owner"),
    ("timesheets:week_day_entries", ("monday", "mandate_id"), "owner"),
    ("timesheets:approval_list", (), "director"),
    ("timesheets:approval_detail", ("week",), "director"),
    ("timesheets:period_lock_list", (), "finance"),
    ("timesheets:audit_trail", (), "director"),
    ("mandates:mandate_list", (), "director"),
    ("mandates:mandate_detail", ("mandate",), "director"),
    ("mandates:mandate_detail", ("mandate",), "owner"),
    ("mandates:mandate_create", (), "director"),
    ("mandates:mandate_update", ("mandate",), "director"),
    ("mandates:mandate_close", ("mandate",), "director"),
    ("members:organisation_list", (), "director"),
    ("members:organisation_detail", ("organisation",), "director"),
    ("members:organisation_create", (), "finance"),
    ("members:organisation_update", ("organisation",), "director"),
    ("members:membership_create", ("organisation",), "finance"),
    ("accounts:notification_settings", (), "owner"),
    ("members:organisation_contact_invite", ("organisation",), "director"),
    ("members:organisation_contact_remove", ("organisation", "contact"), "director"),
    ("portal:overview", ("organisation",), "member"),
    ("portal:services", ("organisation",), "member"),
    ("portal:banks", ("organisation",), "member"),
    ("portal:invoices", ("organisation",), "member"),
    ("portal:documents", ("organisation",), "member"),
]


def _scene() -> tuple:
    """The people, and one of each object a detail page shows, with a little time on it."""
    people = make_people()
    organisation = OrganisationFactory(code="ORG-A11Y", name="Coopérative de l'essai")
    mandate = MandateFactory(
        code="2020-A11Y", organisation=organisation, department=people.expert.department
    )
    TimeEntryFactory(expert=people.expert, mandate=mandate, date=dt.date(2020, 6, 1))
    week = TimesheetWeekFactory(
        expert=people.expert,
        week_start=dt.date(2020, 6, 1),
        status="submitted",
        submitted_at=timezone.now(),
    )
    # The organisation's contact on the portal, with an invoice to read.
    contact = MemberContactFactory(
        organisation=organisation,
        title="Directrice générale",
        user=UserFactory(first_name="Nathalie", last_name="Bergeron", email="n@essai.example"),
    )
    people.member = contact.user
    issued_invoice(organisation)
    objects = {
        "contact": contact.pk,
        "mandate": mandate.code,
        "organisation": organisation.code,
        "week": week.pk,
        "monday": week.week_start,
        "mandate_id": mandate.pk,
    }
    return people, objects


def _page_id(page: tuple) -> str:
    name, args, who = page
    return f"{name}{list(args) if args else ''}-{who or 'anonymous'}"


@pytest.mark.parametrize(("name", "args", "who"), PAGES, ids=[_page_id(p) for p in PAGES])
def test_the_page_has_no_serious_accessibility_violation(
    page, signed_in, axe_check, name, args, who
):
    people, objects = _scene()
    if who is not None:
        signed_in(page, getattr(people, who))
    address = reverse(name, args=[objects[arg] for arg in args])

    response = page.goto(address)

    assert response.status == 200, f"{address} answered {response.status}"
    axe_check(page)


@pytest.mark.parametrize("width", [390, 1280])
def test_the_sign_in_page_in_english_has_no_serious_accessibility_violation(
    browser, live_server, axe_check, width
):
    context = browser.new_context(
        base_url=live_server.url, locale="en-CA", viewport={"width": width, "height": 900}
    )
    page = context.new_page()
    try:
        page.goto("/en/compte/connexion/")
        assert page.evaluate("() => document.documentElement.lang") == "en"
        axe_check(page)
    finally:
        context.close()


def test_the_accessibility_check_names_what_a_page_breaks(page, axe_check):
    """The check itself: a page with a missing label and a missing text fails, naming both."""
    page.goto("/compte/connexion/")
    page.set_content(
        '<html lang="fr"><head><title>Essai</title></head><body><main><h1>Essai</h1>'
        '<input type="text" name="code"><img src="data:," width="10" height="10">'
        "</main></body></html>"
    )

    with pytest.raises(pytest.fail.Exception) as failure:
        axe_check(page)

    message = str(failure.value)
    assert "[critical] label: Form elements must have labels" in message
    assert '<input type="text" name="code">' in message
    assert "[critical] image-alt" in message
