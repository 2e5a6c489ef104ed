"""Preparing a year's report: the preparation page (what the year's records hold and lack,
section by section), « Préparer le rapport », the texts written in both languages with a
preview; who may do it; and the report of a year without some data, which leaves those
sections out rather than print absurd figures."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from consortium.reports.models import ReportPreparation, ReportText
from consortium.reports.rendering import report_html
from consortium.reports.tests.conftest import YEAR
from consortium.testing.factories import StaffRoleFactory, UserFactory

pytestmark = pytest.mark.django_db

CLOSED = "2025-2026"  # the demo's year that just closed: hours, no financial statements
CURRENT = "2026-2027"  # hours and invoices, no financial statements, no survey

# What a report of a year without data printed before: nothing of it may come back.
ABSURD = [
    re.compile(r"une diminution de 100"),
    re.compile(r"croissance de —"),
    re.compile(r"progression de —"),
    re.compile(r"effectué — de"),
    re.compile(r"[-+]\d[\d\s\u00a0\u202f]* entreprises?\b"),
    re.compile(r"(?<![\d\s\u00a0\u202f])0[\s\u00a0\u202f]\$"),
    re.compile(r"\+0 \(0"),
    re.compile(r"\b0 nouvelles? organisations?"),
    re.compile(r"— des répondants"),
    re.compile(r"\b0 employés? ont suivi"),
]


def url(name: str, *args, language: str = "fr") -> str:
    with translation.override(language):
        return reverse(f"reports:{name}", args=args)


def text_of(html: str) -> str:
    text = re.sub(r"<style.*?</style>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", text)).replace("&#x27;", "'")


def user_with(role: str):
    return StaffRoleFactory(user=UserFactory(), role=role).user


@pytest.mark.parametrize("year", [CLOSED, CURRENT])
@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_year_without_financial_statements_prints_no_absurd_figure(demo, year, language):
    page = text_of(report_html(year, language))
    for pattern in ABSURD:
        assert not pattern.search(page), pattern.pattern
    assert "Affaires financières" not in page
    assert "Services aux membres" in page or "Services to members" in page


def test_the_closed_year_leaves_out_what_it_has_no_data_for(demo):
    page = text_of(report_html(CLOSED, "fr"))
    assert "60 092 h" in page.replace("\u00a0", " ").replace("\u202f", " ")
    assert "Projets structurants" in page  # the demo's project begun that year (NUM-COOP)
    assert "Membrariat." not in page
    assert "Recommanderaient le Consortium" not in page  # no satisfaction survey
    assert "Progression de la diversification" not in page  # the prior year billed no one
    assert "Le Consortium, c'est : " in page
    assert "champs d'expertise" in page


def test_the_2020_2021_report_still_compares_with_the_year_before(demo):
    page = text_of(report_html(YEAR, "fr")).replace("\u00a0", " ").replace("\u202f", " ")
    assert "Le Consortium a connu une croissance de 2 % de ses produits totaux." in page
    assert "+50 entreprises" in page
    assert "Affaires financières." in page


def test_a_director_sees_what_the_closed_year_has_and_lacks(
    demo, client, django_assert_num_queries
):
    client.force_login(user_with("director"))
    client.get(url("report_preparation", CLOSED))  # warm the session and caches
    with django_assert_num_queries(PREPARATION_QUERIES):
        response = client.get(url("report_preparation", CLOSED))
    assert response.status_code == 200
    page = text_of(response.content.decode())
    assert "Préparer le rapport" in page
    assert "Affaires financières — laissée de côté : aucune donnée" in page
    assert "Aucun résultat financier de l'exercice (montants réels)" in page
    assert "Aucun sondage de satisfaction des membres" in page
    assert "Texte à écrire : mot de la direction générale" in page
    html = response.content.decode()
    assert 'href="/gouvernance/"' in html
    assert 'href="/projets/"' in html
    assert url("report_text_edit", CLOSED, "general_manager_message") in html


# The session, the user's roles, annual_report's fixed count, the preparation record.
PREPARATION_QUERIES = 42


def test_the_preparation_page_reads_in_english(demo, client):
    client.force_login(user_with("communications"))
    page = text_of(client.get(url("report_preparation", CLOSED, language="en")).content.decode())
    assert "Prepare the report" in page
    assert "Préparer le rapport" not in page


@pytest.mark.parametrize("role", ["director", "communications", "administrator"])
def test_the_preparing_roles_open_the_preparation_page(demo, client, role):
    client.force_login(user_with(role))
    assert client.get(url("report_preparation", CLOSED)).status_code == 200
    assert client.get(url("report_text_edit", CLOSED, "mission")).status_code == 200


@pytest.mark.parametrize("role", ["finance", "expert"])
def test_a_colleague_reads_the_report_but_does_not_prepare_it(demo, client, role):
    client.force_login(user_with(role))
    assert client.get(url("report_detail", YEAR)).status_code == 200
    assert client.get(url("report_preparation", CLOSED)).status_code == 403
    assert client.post(url("report_prepare", CLOSED)).status_code == 403
    response = client.post(url("report_text_edit", CLOSED, "mission"), {"body_fr": "x"})
    assert response.status_code == 403
    assert not ReportPreparation.objects.filter(fiscal_year__name=CLOSED).exists()
    assert "Préparation" not in text_of(client.get(url("report_list")).content.decode())


def test_an_outsider_is_refused_and_an_unknown_year_is_not_found(demo, client, django_user_model):
    client.force_login(django_user_model.objects.create_user("dehors", password="x"))
    assert client.get(url("report_preparation", CLOSED)).status_code == 403
    client.force_login(user_with("director"))
    assert client.get(url("report_preparation", "1990-1991")).status_code == 404
    assert client.get(url("report_text_edit", CLOSED, "poeme")).status_code == 404


def test_preparing_the_report_creates_its_record_once_and_opens_it(demo, client):
    director = user_with("director")
    client.force_login(director)
    response = client.post(url("report_prepare", CLOSED))
    assert response.status_code == 302
    assert response["Location"] == url("report_detail", CLOSED)
    preparation = ReportPreparation.objects.get(fiscal_year__name=CLOSED)
    assert preparation.prepared_by == director
    client.post(url("report_prepare", CLOSED))
    assert ReportPreparation.objects.filter(fiscal_year__name=CLOSED).count() == 1
    page = text_of(client.get(url("report_preparation", CLOSED)).content.decode())
    assert "Ouvrir le rapport" in page
    assert "(préparé)" in text_of(client.get(url("report_list")).content.decode())


MESSAGE = {
    "title_fr": "Une année de relance",
    "title_en": "A year of recovery",
    "body_fr": "Premier paragraphe.\n\nSecond paragraphe.",
    "body_en": "First paragraph.\n\nSecond paragraph.",
    "signatory_name": "Camille Roy",
    "signatory_title_fr": "Directrice générale",
    "signatory_title_en": "General Manager",
}


def test_the_preview_shows_both_languages_without_saving(demo, client):
    client.force_login(user_with("communications"))
    edit = url("report_text_edit", CLOSED, "general_manager_message")
    response = client.post(edit, {**MESSAGE, "preview": "1"})
    assert response.status_code == 200
    page = text_of(response.content.decode())
    assert "Aperçu (non enregistré)" in page
    for words in ("Second paragraphe.", "Second paragraph.", "General Manager", "Camille Roy"):
        assert words in page
    assert not ReportText.objects.filter(fiscal_year__name=CLOSED).exists()


def test_a_message_written_in_both_languages_appears_in_each_report(demo, client):
    client.force_login(user_with("director"))
    edit = url("report_text_edit", CLOSED, "general_manager_message")
    response = client.post(edit, MESSAGE)
    assert response.status_code == 302
    text = ReportText.objects.get(fiscal_year__name=CLOSED, section="general_manager_message")
    assert (text.body_en, text.signatory_title_fr) == (MESSAGE["body_en"], "Directrice générale")
    assert "Second paragraphe." in text_of(report_html(CLOSED, "fr"))
    english = text_of(report_html(CLOSED, "en"))
    assert "Second paragraph." in english and "General Manager" in english


def test_a_message_without_its_text_or_signatory_is_refused_naming_the_field(demo, client):
    client.force_login(user_with("director"))
    edit = url("report_text_edit", CLOSED, "president_message")
    response = client.post(edit, {**MESSAGE, "body_fr": "", "signatory_name": ""})
    assert response.status_code == 200
    form = response.context["form"]
    assert "body_fr" in form.errors
    assert not ReportText.objects.filter(fiscal_year__name=CLOSED).exists()
    response = client.post(edit, {**MESSAGE, "signatory_name": " "})
    assert "signatory_name" in response.context["form"].errors
    assert "Un mot de la présidence ou de la direction est signé." in response.content.decode()
    assert not ReportText.objects.filter(fiscal_year__name=CLOSED).exists()
