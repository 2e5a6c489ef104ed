import pytest

from consortium.core.tests.admin_pages import admin_url, changelist_rows, page_text
from consortium.testing.factories import ReportTextFactory

pytestmark = pytest.mark.django_db

TEXTS = "reports_reporttext_changelist"


def test_the_texts_list_speaks_the_language_of_the_address(admin_client):
    ReportTextFactory()
    assert "Textes du rapport" in page_text(admin_client, TEXTS)
    assert "Report texts" in page_text(admin_client, TEXTS, language="en")


def test_the_texts_are_searched_by_their_words(admin_client):
    wanted = ReportTextFactory(body_fr="Une année hors de l'ordinaire")
    ReportTextFactory(section="vision", body_fr="Partenaire privilégié")
    assert changelist_rows(admin_client, TEXTS, "?q=ordinaire") == [wanted]


def test_a_text_opens_for_editing(admin_client):
    text = ReportTextFactory()
    response = admin_client.get(admin_url("reports_reporttext_change", text.pk))
    assert response.status_code == 200
    assert "Le Consortium existe pour ses membres." in response.content.decode()
