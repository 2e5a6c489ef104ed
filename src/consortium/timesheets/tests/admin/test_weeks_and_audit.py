import datetime as dt
from decimal import Decimal

import pytest

from consortium.core.tests.admin_pages import admin_url, changelist_rows, page_text
from consortium.testing.factories import ExpertFactory, TimeEntryFactory, TimesheetWeekFactory
from consortium.timesheets.models import TimeEntryChange, TimeEntryImport
from consortium.timesheets.services.entries import time_entry_delete, time_entry_update

pytestmark = pytest.mark.django_db
DAY = dt.date(2020, 6, 3)


def test_an_entry_changed_in_the_admin_names_who_changed_it(admin_client, admin_user):
    entry = TimeEntryFactory(date=DAY, hours=Decimal(3))
    response = admin_client.post(
        admin_url("timesheets_timeentry_change", entry.pk),
        {
            "mandate": entry.mandate.pk,
            "date": DAY.isoformat(),
            "hours": "5",
            "description": "",
        },
    )
    assert response.status_code == 302
    change = TimeEntryChange.objects.get()
    assert (change.changed_by, change.after["hours"]) == (admin_user, "5.00")


def test_an_entry_deleted_in_the_admin_names_who_deleted_it(admin_client, admin_user):
    entry = TimeEntryFactory(date=DAY)
    admin_client.post(admin_url("timesheets_timeentry_delete", entry.pk), {"post": "yes"})
    assert TimeEntryChange.objects.get().changed_by == admin_user


def test_the_audit_trail_is_listed_and_searched_by_entry_number_or_expert(admin_client):
    entry = TimeEntryFactory(date=DAY, expert=ExpertFactory(code="EXP-TREMBLAY"))
    time_entry_update(entry=entry, hours=Decimal(2))
    TimeEntryFactory(date=DAY)
    view = "timesheets_timeentrychange_changelist"
    assert len(changelist_rows(admin_client, view, f"?q={entry.pk}")) == 1
    assert len(changelist_rows(admin_client, view, "?q=tremblay")) == 1
    assert "Filter" in page_text(admin_client, view, language="en")


def test_the_audit_trail_cannot_be_edited_in_the_admin(admin_client):
    entry = TimeEntryFactory(date=DAY)
    time_entry_delete(entry=entry)
    change = TimeEntryChange.objects.get()
    assert admin_client.get(admin_url("timesheets_timeentrychange_add")).status_code == 403
    response = admin_client.post(
        admin_url("timesheets_timeentrychange_delete", change.pk), {"post": "yes"}
    )
    assert response.status_code == 403
    assert TimeEntryChange.objects.exists()


def test_weeks_and_imports_are_listed_read_only(admin_client):
    TimesheetWeekFactory(expert=ExpertFactory(code="EXP-GAGNON"))
    TimeEntryImport.objects.create(file_name="heures.csv", rows=3, created=3, updated=0)
    assert "brouillon" in page_text(admin_client, "timesheets_timesheetweek_changelist")
    assert "heures.csv" in page_text(admin_client, "timesheets_timeentryimport_changelist")
    assert admin_client.get(admin_url("timesheets_timesheetweek_add")).status_code == 403
