"""The demo's diagnostics: MPEESAD's two finished diagnostics and two requests (one accepted
with its mandate), and enough others for the staff's aggregate."""

import time

import pytest
from django.core.cache import cache

from consortium.diagnostics.models import Diagnostic, DiagnosticStatus, ServiceRequestStatus
from consortium.diagnostics.selectors import aggregate, aggregate_sections
from consortium.diagnostics.services import diagnostic_start
from consortium.members.models import Organisation
from consortium.testing.factories import MemberContactFactory
from consortium.testing.web import signed_in, url

pytestmark = pytest.mark.django_db


def test_the_demo_member_has_two_diagnostics_and_two_requests(demo):
    member = Organisation.objects.get(code="MPEESAD")
    finished = member.diagnostics.filter(status=DiagnosticStatus.FINISHED).order_by("finished_at")
    assert finished.count() == 2
    assert finished[0].overall_pct < finished[1].overall_pct
    requests = {row.status: row for row in member.service_requests.all()}
    assert set(requests) == {ServiceRequestStatus.NEW, ServiceRequestStatus.ACCEPTED}
    assert requests[ServiceRequestStatus.ACCEPTED].mandate.organisation == member
    assert demo["diagnostics"] == Diagnostic.objects.count() == 17


def test_the_aggregate_has_cells_to_show(demo):
    tables = aggregate(aggregate_sections())
    assert {table.dimension for table in tables} == {"region", "legal_form", "category"}
    shown = [cell for table in tables for _label, cells in table.rows for cell in cells]
    assert any(not cell.hidden and cell.count >= 3 for cell in shown)


def test_the_member_pages_answer_quickly_on_the_demo(client, demo):
    """Server time of each page, measured (the benchmark's figure is in the closing note)."""
    member = Organisation.objects.get(code="MPEESAD")
    signed_in(client, MemberContactFactory(organisation=member).user)
    later = member.diagnostics.order_by("-finished_at").first()
    draft, _new = diagnostic_start(organisation=member)
    cache.clear()
    for address in [
        url("diagnostics_portal:overview", "MPEESAD"),
        url("diagnostics_portal:section", "MPEESAD", draft.pk, 1),
        url("diagnostics_portal:finish", "MPEESAD", draft.pk),
        url("diagnostics_portal:result", "MPEESAD", later.pk),
    ]:
        client.get(address)  # the chart is drawn once, then cached
        started = time.perf_counter()
        for _ in range(5):
            assert client.get(address).status_code == 200
        elapsed = (time.perf_counter() - started) / 5
        print(f"{address}: {elapsed * 1000:.1f} ms")
