"""The report on the web (signed-in staff only) and its query count, on the whole demo."""

import pytest
from dateutil.relativedelta import relativedelta
from django.urls import reverse
from django.utils import timezone, translation

from consortium.core.fiscal_years import fiscal_year_name_for
from consortium.reports import views
from consortium.reports.selectors import annual_report
from consortium.reports.tests.conftest import YEAR, pdf_pages
from consortium.reports.tests.selectors.test_annual_report import ANNUAL_REPORT_QUERIES
from consortium.testing.factories import StaffRoleFactory, UserFactory

pytestmark = pytest.mark.django_db


def url(name: str, *args, language: str = "fr") -> str:
    with translation.override(language):
        return reverse(f"reports:{name}", args=args)


def test_the_whole_demo_year_takes_the_same_number_of_queries(demo, django_assert_num_queries):
    with django_assert_num_queries(ANNUAL_REPORT_QUERIES):
        report = annual_report(YEAR)
    assert report.services.enterprises_reached == 350


def test_the_list_shows_the_years_that_have_data(demo, admin_client):
    response = admin_client.get(url("report_list"))
    assert response.status_code == 200
    assert response.context["years"][-1] == "2019-2020"
    assert YEAR in response.context["years"]
    assert "Rapport d'activités 2020-2021" in response.content.decode()


def test_the_report_page_shows_the_report_and_offers_to_prepare_its_pdf(demo, admin_client):
    response = admin_client.get(url("report_detail", YEAR))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    page = response.content.decode()
    assert "Préparer le PDF" in page
    assert url("report_pdf_request", YEAR) in page
    assert "Affaires financières." in page
    assert "<svg" in page


def test_the_report_page_speaks_english_under_en(demo, admin_client):
    response = admin_client.get(url("report_detail", YEAR, language="en"))
    page = response.content.decode()
    assert "Prepare the PDF" in page
    assert "$4,571,674" in page
    assert "Affaires financières" not in page


def test_the_pdf_is_served_as_a_named_pdf(demo, admin_client):
    response = admin_client.get(url("report_pdf", YEAR))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="rapport-activites-2020-2021-fr.pdf"' in response["Content-Disposition"]
    assert "Rapport d'activités 2020-2021" in pdf_pages(response.content)[0]


@pytest.mark.parametrize("name", ["report_list", "report_detail", "report_pdf"])
def test_an_anonymous_visitor_is_sent_to_the_sign_in_page(demo, client, name):
    args = () if name == "report_list" else (YEAR,)
    response = client.get(url(name, *args))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_a_signed_in_user_without_a_role_at_the_centre_is_refused(demo, client, django_user_model):
    client.force_login(django_user_model.objects.create_user("sans-role", password="x"))
    assert client.get(url("report_detail", YEAR)).status_code == 403


def test_an_expert_who_is_not_django_staff_reads_the_report(demo, client):
    expert = StaffRoleFactory(user=UserFactory(is_staff=False), role="expert").user
    client.force_login(expert)
    assert client.get(url("report_list")).status_code == 200


@pytest.mark.parametrize("year", ["2030-2031", "n-importe"])
def test_a_year_without_data_is_not_found(demo, admin_client, year):
    assert admin_client.get(url("report_detail", year)).status_code == 404
    assert admin_client.get(url("report_pdf", year)).status_code == 404


def test_the_year_that_just_closed_is_listed_with_what_its_report_still_needs(demo, admin_client):
    closed = fiscal_year_name_for(timezone.localdate() - relativedelta(years=1))
    response = admin_client.get(url("report_list"))
    assert response.context["pending"][0].fiscal_year == closed
    page = response.content.decode()
    assert f"Rapport d'activités {closed}" in page
    assert "Le mot de la présidence" in page
    assert "Le sondage de satisfaction des membres" in page
    assert 'class="topbar"' in page  # the workspace's look and navigation
    assert closed not in response.context["years"]  # listed once, to prepare
    detail = admin_client.get(url("report_detail", closed))
    assert detail.status_code == 200
    assert "Ce rapport n'est pas encore prêt" in detail.content.decode()
    assert "Le mot de la direction générale" in detail.content.decode()


def test_a_closed_year_with_hours_but_no_stored_year_shows_its_checklist_not_a_404(
    demo, admin_client, monkeypatch
):
    closed = fiscal_year_name_for(timezone.localdate() - relativedelta(years=1))
    # As if its year were not stored (the demo stores it; invoices hold on to it).
    stored = [year for year in views.report_years() if year != closed]
    monkeypatch.setattr(views, "report_years", lambda: stored)
    response = admin_client.get(url("report_detail", closed))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Ce rapport n'est pas encore prêt" in page
    assert "report-toc" not in page  # no figures to show yet
    assert admin_client.get(url("report_pdf", closed)).status_code == 404


def test_a_year_with_its_texts_has_nothing_to_prepare(demo, admin_client):
    response = admin_client.get(url("report_detail", YEAR))
    assert response.context["missing"] == []
    assert "pas encore prêt" not in response.content.decode()


def test_the_report_page_has_a_table_of_contents_whose_links_reach_their_sections(
    demo, admin_client
):
    page = admin_client.get(url("report_detail", YEAR)).content.decode()
    assert '<nav class="card report-toc" aria-labelledby="toc-title">' in page
    for anchor in ("mot-presidence", "vie-associative", "finances", "communications"):
        assert f'<a href="#{anchor}">' in page
        assert f'id="{anchor}"' in page
