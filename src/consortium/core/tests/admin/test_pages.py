import datetime as dt

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders

from consortium.core.models import FiscalYear
from consortium.core.tests.admin_pages import (
    admin_url,
    changelist_rows,
    page_text,
    queries_to_render,
)

pytestmark = pytest.mark.django_db


def _fiscal_year(name: str) -> FiscalYear:
    first = int(name[:4])
    return FiscalYear.objects.create(
        name=name, start_date=dt.date(first, 4, 1), end_date=dt.date(first + 1, 3, 31)
    )


def test_the_dashboard_is_titled_consortium_administration_in_french(admin_client):
    text = page_text(admin_client, "index")
    assert "Consortium — administration" in text
    assert "Tableau de bord" in text
    assert "Heures de services" in text


def test_the_dashboard_is_in_english_under_en(admin_client):
    text = page_text(admin_client, "index", language="en")
    assert "Consortium — Administration" in text
    assert "Dashboard" in text
    assert "Service hours" in text
    assert "Heures de services" not in text


@pytest.mark.parametrize("view", ["core_fiscalyear_changelist", "core_fiscalyear_add"])
def test_the_fiscal_year_pages_speak_the_language_of_the_address(admin_client, view):
    _fiscal_year("2020-2021")
    french = page_text(admin_client, view)
    english = page_text(admin_client, view, language="en")
    assert "Premier jour" in french
    assert "First day" in english
    assert "Premier jour" not in english


def test_a_fiscal_year_change_form_shows_its_timestamps_read_only(admin_client):
    year = _fiscal_year("2020-2021")
    french = page_text(admin_client, "core_fiscalyear_change", year.pk)
    english = page_text(admin_client, "core_fiscalyear_change", year.pk, language="en")
    assert "Créé le" in french
    assert "Created on" in english
    assert 'name="created_at"' not in french


def test_a_fiscal_year_being_added_shows_no_timestamps_yet(admin_client):
    assert "Créé le" not in page_text(admin_client, "core_fiscalyear_add")


def test_a_fiscal_year_added_by_name_alone_gets_its_first_and_last_days(admin_client):
    response = admin_client.post(
        admin_url("core_fiscalyear_add"), {"name": "2020-2021", "start_date": "", "end_date": ""}
    )
    assert response.status_code == 302
    year = FiscalYear.objects.get()
    assert (year.start_date, year.end_date) == (dt.date(2020, 4, 1), dt.date(2021, 3, 31))


def test_a_badly_named_fiscal_year_is_refused_on_the_form(admin_client):
    response = admin_client.post(admin_url("core_fiscalyear_add"), {"name": "2020-2022"})
    assert response.status_code == 200
    assert "se termine en 2021" in response.content.decode()
    assert not FiscalYear.objects.exists()


def test_the_fiscal_year_search_finds_a_year_by_its_name(admin_client):
    _fiscal_year("2019-2020")
    wanted = _fiscal_year("2020-2021")
    assert changelist_rows(admin_client, "core_fiscalyear_changelist", "?q=2021") == [wanted]


def test_the_fiscal_year_list_costs_the_same_queries_with_5_or_50_years(admin_client):
    url = admin_url("core_fiscalyear_changelist")
    for first in range(1990, 1995):
        _fiscal_year(f"{first}-{first + 1}")
    with_five = queries_to_render(admin_client, url)
    for first in range(1995, 2040):
        _fiscal_year(f"{first}-{first + 1}")
    assert queries_to_render(admin_client, url) == with_five


def test_every_admin_page_offers_the_other_language_for_the_same_page(admin_client):
    french = page_text(admin_client, "core_fiscalyear_changelist", query="?q=2020")
    english = page_text(admin_client, "core_fiscalyear_changelist", language="en", query="?q=2020")
    assert 'name="next" value="/en/admin/core/fiscalyear/?q=2020"' in french
    assert 'name="next" value="/admin/core/fiscalyear/?q=2020"' in english


def test_the_language_switch_takes_a_french_reader_to_the_english_page(admin_client):
    response = admin_client.post(
        "/i18n/setlang/", {"language": "en", "next": admin_url("index", language="en")}
    )
    assert response.status_code == 302
    assert response.url == "/en/admin/"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    assert "Dashboard" in admin_client.get(response.url).content.decode()


def test_the_language_switch_takes_an_english_reader_back_to_french(admin_client):
    admin_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = admin_client.post("/i18n/setlang/", {"language": "fr", "next": "/admin/"})
    assert response.url == "/admin/"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "fr"
    assert "Tableau de bord" in admin_client.get(response.url).content.decode()


def test_the_login_page_already_offers_english(client):
    response = client.get(admin_url("login"))
    text = response.content.decode()
    assert "Consortium — administration" in text
    assert 'action="/i18n/setlang/"' in text
    assert 'value="/en/admin/login/"' in text


def test_the_language_switch_is_styled_from_a_local_file_not_a_cdn(admin_client):
    text = page_text(admin_client, "index")
    assert 'href="/static/core/language_switch.css"' in text
    assert finders.find("core/language_switch.css") is not None


def test_a_fiscal_year_renamed_in_the_admin_keeps_its_id_and_takes_its_new_days(admin_client):
    year = _fiscal_year("2020-2021")
    response = admin_client.post(
        admin_url("core_fiscalyear_change", year.pk),
        {"name": "2021-2022", "start_date": "", "end_date": ""},
    )
    assert response.status_code == 302
    stored = FiscalYear.objects.get()
    assert (stored.pk, stored.name) == (year.pk, "2021-2022")
    assert (stored.start_date, stored.end_date) == (dt.date(2021, 4, 1), dt.date(2022, 3, 31))


def test_a_closing_day_is_added_in_the_admin_and_a_second_one_that_day_is_refused(admin_client):
    from consortium.core.models import ClosingDay

    english = page_text(admin_client, "core_closingday_add", language="en")
    assert "e.g. Holiday closure" in english
    form = {"date": "2026-12-28", "label": "Fermeture des fêtes"}
    assert admin_client.post(admin_url("core_closingday_add"), form).status_code == 302
    assert admin_client.post(admin_url("core_closingday_add"), form).status_code == 200
    assert list(ClosingDay.objects.values_list("date", "label")) == [
        (dt.date(2026, 12, 28), "Fermeture des fêtes")
    ]
    assert "Fermeture des fêtes" in page_text(admin_client, "core_closingday_changelist")
