"""« Préparer le PDF »: the page queues the report's PDF, the worker builds it (WeasyPrint),
the page shows how far it got, then the download, served only to the centre's staff."""

import pytest
from django.urls import reverse
from django.utils import translation
from django_tasks_db.models import DBTaskResult

from consortium.core.models import FiscalYear
from consortium.core.tasks import run_worker
from consortium.reports.models import ReportPdf, ReportPdfStatus
from consortium.reports.tests.conftest import YEAR, pdf_pages
from consortium.testing.factories import StaffRoleFactory, UserFactory

pytestmark = pytest.mark.django_db

# The status fragment: the session, the user, the roles, the year, the latest PDF.
STATUS_QUERIES = 5


def url(name: str, *args, language: str = "fr") -> str:
    with translation.override(language):
        return reverse(f"reports:{name}", args=args)


@pytest.fixture
def expert_client(client):
    expert = StaffRoleFactory(user=UserFactory(is_staff=False), role="expert").user
    client.force_login(expert)
    return client


def test_the_page_queues_the_pdf_and_the_worker_builds_it(demo, expert_client):
    response = expert_client.post(url("report_pdf_request", YEAR))
    assert response.status_code == 302
    pdf = ReportPdf.objects.get()
    assert pdf.status == ReportPdfStatus.QUEUED
    assert pdf.language == "fr"
    assert DBTaskResult.objects.filter(task_path__endswith="report_pdf_build").count() == 1

    page = expert_client.get(url("report_detail", YEAR)).content.decode()
    assert "PDF en file" in page
    assert 'hx-trigger="every 2s"' in page  # the page polls its progress
    assert "<progress" in page
    assert "Préparer le PDF" not in page

    assert run_worker(once=True) == 1

    pdf.refresh_from_db()
    assert pdf.status == ReportPdfStatus.DONE
    assert pdf.progress == 100
    assert bytes(pdf.content).startswith(b"%PDF")
    status = expert_client.get(url("report_pdf_status", YEAR)).content.decode()
    assert "every 2s" not in status  # done: no more polling
    assert url("report_pdf_file", YEAR, pdf.pk) in status
    download = expert_client.get(url("report_pdf_file", YEAR, pdf.pk))
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert 'filename="rapport-activites-2020-2021-fr.pdf"' in download["Content-Disposition"]
    assert download.content.startswith(b"%PDF")
    assert "Rapport d'activités 2020-2021" in pdf_pages(download.content)[0]


def test_asking_twice_while_it_is_built_queues_it_once(demo, admin_client):
    admin_client.post(url("report_pdf_request", YEAR))
    admin_client.post(url("report_pdf_request", YEAR))
    assert ReportPdf.objects.count() == 1
    assert DBTaskResult.objects.count() == 1


def test_htmx_gets_the_progress_in_place(demo, admin_client):
    response = admin_client.post(url("report_pdf_request", YEAR), headers={"HX-Request": "true"})
    assert response.status_code == 200
    fragment = response.content.decode()
    assert fragment.startswith('<section class="card report-pdf" id="report-pdf"')
    assert "every 2s" in fragment


def test_the_english_page_queues_the_english_pdf(demo, admin_client):
    admin_client.post(url("report_pdf_request", YEAR, language="en"))
    assert ReportPdf.objects.get().language == "en"
    page = admin_client.get(url("report_detail", YEAR, language="en")).content.decode()
    assert "PDF queued" in page


def test_a_failed_build_says_so_and_may_be_asked_again(demo, admin_client):
    admin_client.post(url("report_pdf_request", YEAR))
    # The year is renamed to a name no fiscal year has before the worker builds it: the build
    # fails, and says so.
    pdf = ReportPdf.objects.select_related("fiscal_year").get()
    FiscalYear.objects.filter(pk=pdf.fiscal_year_id).update(name="n-importe")
    run_worker(once=True)
    FiscalYear.objects.filter(pk=pdf.fiscal_year_id).update(name=YEAR)
    pdf.refresh_from_db()
    assert pdf.status == ReportPdfStatus.FAILED
    assert pdf.error
    status = admin_client.get(url("report_pdf_status", YEAR)).content.decode()
    assert "a échoué" in status
    assert "Préparer le PDF" in status


@pytest.mark.parametrize("pdfs", [1, 3])
def test_the_status_takes_the_same_queries_however_many_pdfs(
    demo, admin_client, django_assert_num_queries, pdfs
):
    for _ in range(pdfs):
        admin_client.post(url("report_pdf_request", YEAR))
        ReportPdf.objects.update(status=ReportPdfStatus.DONE)
    with django_assert_num_queries(STATUS_QUERIES):
        admin_client.get(url("report_pdf_status", YEAR))


def test_someone_without_a_role_at_the_centre_gets_neither_pdf_nor_progress(
    demo, admin_client, client, django_user_model
):
    admin_client.post(url("report_pdf_request", YEAR))
    run_worker(once=True)
    pdf = ReportPdf.objects.get()
    client.force_login(django_user_model.objects.create_user("sans-role", password="x"))
    assert client.get(url("report_pdf_file", YEAR, pdf.pk)).status_code == 403
    assert client.get(url("report_pdf_status", YEAR)).status_code == 403
    assert client.post(url("report_pdf_request", YEAR)).status_code == 403
    assert ReportPdf.objects.count() == 1


def test_an_anonymous_visitor_is_sent_to_sign_in(demo, client):
    response = client.get(url("report_pdf_file", YEAR, 1))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_a_pdf_not_yet_built_or_of_another_year_is_not_found(demo, admin_client):
    admin_client.post(url("report_pdf_request", YEAR))
    pdf = ReportPdf.objects.get()
    assert admin_client.get(url("report_pdf_file", YEAR, pdf.pk)).status_code == 404
    run_worker(once=True)
    assert admin_client.get(url("report_pdf_file", "2019-2020", pdf.pk)).status_code == 404
    assert admin_client.get(url("report_pdf_file", YEAR, pdf.pk)).status_code == 200
