"""The dashboard page for each role: the centre's figures for those who run the centre, an
expert's own time for an expert; anonymous visitors sign in first."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import translation

from consortium.core.charts import chart_cache_key
from consortium.dashboards import charts as dashboard_charts
from consortium.testing.factories import (
    ExpertFactory,
    StaffRoleFactory,
    TimeEntryFactory,
    TimesheetWeekFactory,
    UserFactory,
)
from consortium.testing.ledger import YEAR, add_more_of_everything, make_ledger
from consortium.timesheets.models import WeekStatus

pytestmark = pytest.mark.django_db

# Session, user, roles, the user's expert, fiscal years on offer (two), departments, the seven
# of `centre_dashboard`, then (for a director) the new service requests of their departments
# (diagnostics.selectors.new_requests_inbox: count and latest in one query).
# 16 since issue 13 (point 7): the centre's closing days, left out of the hours available.
CENTRE_PAGE_QUERIES = 16
# Session, user, roles, the user's expert, then the three of `expert_dashboard`.
EXPERT_PAGE_QUERIES = 7


def dashboard_url(language: str = "fr", **parameters) -> str:
    with translation.override(language):
        url = reverse("dashboards:dashboard")
    if parameters:
        url += "?" + "&".join(f"{key}={value}" for key, value in parameters.items())
    return url


@pytest.fixture
def ledger():
    cache.clear()
    return make_ledger()


def page_as(client, user, **parameters) -> tuple[object, str]:
    client.force_login(user)
    response = client.get(dashboard_url(**parameters))
    return response, response.content.decode()


@pytest.mark.parametrize("name", ["home", "dashboards:dashboard"])
def test_an_anonymous_visitor_is_sent_to_sign_in(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_an_expert_starts_on_their_week(client, ledger):
    client.force_login(ledger.people.owner)
    response = client.get(reverse("home"))
    assert response.url == reverse("timesheets:week")


@pytest.mark.parametrize("role", ["director", "finance", "communications", "administrator"])
def test_everyone_else_starts_on_the_dashboard(client, ledger, role):
    client.force_login(getattr(ledger.people, role))
    response = client.get(reverse("home"))
    assert response.url == reverse("dashboards:dashboard")


def test_the_owner_sees_their_own_week_and_month(client, ledger):
    response, page = page_as(client, ledger.people.owner, date="2020-06-03")
    assert response.status_code == 200
    assert response.templates[0].name == "dashboards/expert.html"
    assert "Mon temps" in page
    assert "10,5\u00a0h" in page  # the week's and the month's hours
    assert "ALPHA – " in page
    assert "Coop Alpha" in page
    assert reverse("timesheets:week_of", args=[dt.date(2020, 6, 1)]) in page
    assert "Tableau de bord du centre" not in page
    assert "<svg" in page


def test_a_colleague_sees_only_their_own_time(client, ledger):
    response, page = page_as(client, ledger.people.colleague, date="2020-06-03")
    assert response.status_code == 200
    assert "ALPHA" not in page
    assert "10,5\u00a0h" not in page
    assert "Aucune heure saisie ce mois-ci." in page


def test_an_expert_cannot_ask_for_a_colleagues_time(client, ledger):
    response, page = page_as(
        client, ledger.people.colleague, date="2020-06-03", expert=ledger.people.expert.pk
    )
    assert "ALPHA" not in page
    assert response.context["dashboard"].expert == ledger.colleague_expert


def test_an_expert_sees_the_state_of_their_recent_weeks_with_links_to_them(client, ledger):
    TimesheetWeekFactory(
        expert=ledger.people.expert,
        week_start=dt.date(2020, 6, 1),
        status=WeekStatus.RETURNED,
        decided_by=ledger.people.director,
        decided_at=dt.datetime(2020, 6, 8, tzinfo=dt.UTC),
        reason="Il manque le vendredi.",
    )
    _response, page = page_as(client, ledger.people.owner, date="2020-06-10")
    assert '<span class="badge bad">Renvoyée</span>' in page
    assert "Brouillon" in page
    assert reverse("timesheets:week_of", args=[dt.date(2020, 6, 1)]) in page


def test_a_bad_date_shows_this_week(client, ledger):
    response, _page = page_as(client, ledger.people.owner, date="2020-13-45")
    assert response.status_code == 200
    assert response.context["dashboard"].day == dt.date.today()


def test_an_expert_without_an_expert_record_gets_a_clear_page(client, db):
    user = StaffRoleFactory(user=UserFactory(username="lost"), role="expert").user
    response, page = page_as(client, user)
    assert response.status_code == 404
    assert "n’est lié à aucun expert" in page


def test_a_user_without_any_role_is_refused(client, db):
    response, _page = page_as(client, UserFactory(username="nobody"))
    assert response.status_code == 403


def test_the_director_of_the_department_sees_the_centre(client, ledger):
    response, page = page_as(client, ledger.people.director, exercice=YEAR)
    assert response.status_code == 200
    assert response.templates[0].name == "dashboards/centre.html"
    assert "Tableau de bord du centre" in page
    assert "15\u00a0h" in page  # hours of 2020-2021 (14.5 rounds to 15) and of 2019-2020
    assert "-3,3\u00a0%" in page
    assert "Comptabilité" in page and "Ressources humaines" in page
    assert "Coop Alpha" in page
    assert reverse("members:organisation_detail", args=[ledger.alpha.organisation.code]) in page
    assert ledger.people.expert.full_name in page  # utilisation expert by expert
    assert page.count('role="img"') == 3
    assert "jours fériés du Québec" in page


def test_a_director_of_another_department_also_sees_the_whole_centre(client, ledger):
    response, page = page_as(client, ledger.people.director_elsewhere, exercice=YEAR)
    assert response.status_code == 200
    assert "Comptabilité" in page and "Ressources humaines" in page
    assert response.context["dashboard"].headline.hours == Decimal("14.50")


def test_a_director_sees_the_weeks_awaiting_their_approval(client, ledger):
    TimesheetWeekFactory(
        expert=ledger.people.expert,
        week_start=dt.date(2020, 6, 1),
        status=WeekStatus.SUBMITTED,
        submitted_at=dt.datetime(2020, 6, 5, tzinfo=dt.UTC),
    )
    _response, director_page = page_as(client, ledger.people.director, exercice=YEAR)
    assert f'<a href="{reverse("timesheets:approval_list")}">1</a>' in director_page
    response, _page = page_as(client, ledger.people.director_elsewhere, exercice=YEAR)
    assert response.context["dashboard"].headline.weeks_awaiting == 0


def test_communications_sees_the_centre_but_no_one_experts_figures(client, ledger):
    response, page = page_as(client, ledger.people.communications, exercice=YEAR)
    assert response.status_code == 200
    assert "Coop Alpha" in page
    assert "Taux d’utilisation par département" in page
    assert ledger.people.expert.full_name not in page


def test_finance_sees_each_experts_utilisation(client, ledger):
    _response, page = page_as(client, ledger.people.finance, exercice=YEAR)
    assert "Taux d’utilisation par expert" in page
    assert ledger.people.expert.full_name in page


def test_one_department_can_be_chosen(client, ledger):
    response, page = page_as(
        client, ledger.people.administrator, exercice=YEAR, departement=ledger.beta.department_id
    )
    assert response.context["department_id"] == ledger.beta.department_id
    assert "Département : Ressources humaines." in page
    assert "Coop Alpha" not in page
    assert "Coop Bêta" in page


def test_an_unknown_year_or_department_falls_back_to_the_defaults(client, ledger):
    response, _page = page_as(
        client, ledger.people.administrator, exercice="1900-1901", departement="x"
    )
    assert response.status_code == 200
    assert response.context["department_id"] is None
    assert response.context["fiscal_year"] == response.context["fiscal_years"][0]


def test_a_director_who_is_also_an_expert_sees_both(client, ledger):
    director = ledger.people.director
    ExpertFactory(department=ledger.people.expert.department, user=director)
    StaffRoleFactory(user=director, role="expert")
    _response, centre = page_as(client, director, exercice=YEAR)
    assert 'href="?vue=moi"' in centre
    response, own = page_as(client, director, vue="moi")
    assert response.templates[0].name == "dashboards/expert.html"
    assert "Tableau de bord du centre" in own
    client.force_login(director)
    assert client.get(reverse("home")).url == reverse("dashboards:dashboard")


def test_the_page_speaks_english_under_en(client, ledger):
    client.force_login(ledger.people.administrator)
    response = client.get(dashboard_url("en", exercice=YEAR))
    page = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="en">' in page
    assert "Accounting" in page and "Human resources" in page
    assert "-3.3%" in page
    assert "Comptabilité" not in page


def test_the_centre_page_takes_the_same_queries_whatever_the_data(
    client, ledger, django_assert_num_queries
):
    client.force_login(ledger.people.director)
    with django_assert_num_queries(CENTRE_PAGE_QUERIES):
        client.get(dashboard_url(exercice=YEAR))
    add_more_of_everything()
    with django_assert_num_queries(CENTRE_PAGE_QUERIES):
        response = client.get(dashboard_url(exercice=YEAR))
    assert len(response.context["dashboard"].by_department) == 7


def test_the_expert_page_takes_the_same_queries_whatever_the_data(
    client, ledger, django_assert_num_queries
):
    client.force_login(ledger.people.owner)
    with django_assert_num_queries(EXPERT_PAGE_QUERIES):
        client.get(dashboard_url(date="2020-06-03"))
    for day in range(1, 29):
        TimeEntryFactory(expert=ledger.people.expert, date=dt.date(2020, 6, day))
    with django_assert_num_queries(EXPERT_PAGE_QUERIES):
        response = client.get(dashboard_url(date="2020-06-03"))
    assert len(response.context["dashboard"].month.by_mandate) == 29


def test_a_chart_is_drawn_once_for_the_same_figures_and_again_for_new_hours(client, ledger):
    client.force_login(ledger.people.administrator)
    first = client.get(dashboard_url(exercice=YEAR)).context["dashboard"]
    spec = dashboard_charts.hours_by_department_comparison_chart(
        dashboard_charts._comparison(first.by_department), YEAR, "2019-2020"
    )
    key = chart_cache_key(spec, "fr")
    svg = cache.get(key)
    assert svg.startswith("<svg")
    # A planted drawing proves the second page reads the cache rather than drawing again.
    cache.set(key, "<svg><!-- from the cache --></svg>")
    page = client.get(dashboard_url(exercice=YEAR)).content.decode()
    assert "<!-- from the cache -->" in page
    TimeEntryFactory(
        expert=ledger.people.expert, mandate=ledger.beta, date=dt.date(2020, 9, 1), hours=Decimal(3)
    )
    page = client.get(dashboard_url(exercice=YEAR)).content.decode()
    assert page.count("<!-- from the cache -->") == 0
    assert page.count("<svg") >= 3


def test_the_utilisation_says_the_current_week_is_left_out_only_when_it_is(client, ledger):
    from unittest import mock

    client.force_login(ledger.people.administrator)
    url = reverse("dashboards:dashboard")
    with mock.patch("django.utils.timezone.localdate", return_value=dt.date(2020, 6, 18)):
        running = client.get(url, {"exercice": "2020-2021"}).content.decode()
    assert "la semaine en cours, encore à saisir, n’est pas comptée" in running
    assert "au 14 juin 2020" in running
    complete = client.get(url, {"exercice": "2020-2021"}).content.decode()
    assert "la semaine en cours, encore à saisir" not in complete
