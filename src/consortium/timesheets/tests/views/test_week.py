"""The expert's week grid: who may open it, and the page it draws."""

import datetime as dt
import html
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from consortium.mandates.models import MandateStatus
from consortium.testing.factories import (
    MandateFactory,
    OrganisationFactory,
    TimeEntryFactory,
    TimesheetWeekFactory,
)
from consortium.timesheets.models import PeriodKind, TimeEntry
from consortium.timesheets.rules import week_start_of
from consortium.timesheets.services.locks import period_lock

pytestmark = pytest.mark.django_db
MONDAY = dt.date(2020, 11, 30)


def week_url(day: dt.date = MONDAY, *, expert=None, language: str = "fr") -> str:
    with translation.override(language):
        url = reverse("timesheets:week_of", args=[day])
    return f"{url}?expert={expert.pk}" if expert is not None else url


def text(response) -> str:
    """The page as a reader sees its text (no HTML entities)."""
    return html.unescape(response.content.decode())


@pytest.fixture
def mandate(people):
    return MandateFactory(
        code="M-0042",
        title="Tenue de livres",
        department=people.expert.department,
        organisation=OrganisationFactory(name="Coopérative du Lac"),
    )


@pytest.fixture
def owner_client(client, people):
    client.force_login(people.owner)
    return client


def entry(people, mandate, day=MONDAY, hours="7.5", comment=""):
    return TimeEntryFactory(
        expert=people.expert, mandate=mandate, date=day, hours=Decimal(hours), description=comment
    )


# --- who may open the grid ---------------------------------------------------------------------


def test_the_owner_sees_their_week_with_their_hours(owner_client, people, mandate):
    entry(people, mandate)
    response = owner_client.get(week_url())
    page = text(response)
    assert response.status_code == 200
    assert "<h1>Semaine du 30 novembre 2020</h1>" in page
    assert "M-0042, lundi 30 novembre" in page
    assert "Tenue de livres" in page
    assert "Coopérative du Lac" in page
    assert 'value="7,5"' in page
    assert '<span id="week-total">7,5</span>' in page


def test_the_plain_address_opens_this_week(owner_client):
    response = owner_client.get(reverse("timesheets:week"))
    assert response.status_code == 200
    assert response.context["week_start"] == week_start_of(timezone.localdate())


def test_any_day_leads_to_its_monday(owner_client):
    response = owner_client.get(week_url(dt.date(2020, 12, 3)))
    assert response.status_code == 302
    assert response["Location"] == week_url(MONDAY)


def test_the_date_picker_jumps_to_the_week_of_the_chosen_day(owner_client):
    response = owner_client.get(reverse("timesheets:week"), {"date": "2020-12-06"})
    assert response["Location"] == week_url(MONDAY)


def test_a_day_that_does_not_exist_is_not_found(owner_client):
    assert owner_client.get("/temps/semaine/2021-02-30/").status_code == 404


def test_the_page_links_to_the_weeks_around(owner_client):
    page = text(owner_client.get(week_url()))
    assert f'href="{week_url(dt.date(2020, 11, 23))}" rel="prev"' in page
    assert f'href="{week_url(dt.date(2020, 12, 7))}" rel="next"' in page
    assert "Cette semaine" in page
    assert 'type="date" id="week-date" name="date" value="2020-11-30"' in page


def test_an_anonymous_visitor_is_sent_to_sign_in(client):
    response = client.get(week_url())
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_a_colleague_cannot_see_the_owners_week(client, people, mandate):
    entry(people, mandate)
    client.force_login(people.colleague)
    response = client.get(week_url(expert=people.expert))
    assert response.status_code == 404
    assert "Tenue de livres" not in text(response)


@pytest.mark.parametrize("who", ["director", "director_elsewhere", "finance", "communications"])
def test_nobody_but_the_owner_and_administrators_opens_the_grid(client, people, mandate, who):
    client.force_login(getattr(people, who))
    assert client.get(week_url(expert=people.expert)).status_code == 404


def test_an_administrator_opens_an_experts_week(client, people, mandate):
    entry(people, mandate)
    client.force_login(people.administrator)
    response = client.get(week_url(expert=people.expert))
    page = text(response)
    assert response.status_code == 200
    assert f"Heures de {people.expert} ({people.expert.code})" in page
    # Every link and form keeps the expert the administrator opened.
    assert f'href="{week_url(dt.date(2020, 12, 7), expert=people.expert)}"' in page
    assert f"/cellule/?expert={people.expert.pk}" in page


def test_an_unknown_expert_is_not_found(client, people):
    client.force_login(people.administrator)
    assert client.get(f"{week_url()}?expert=999999").status_code == 404
    assert client.get(f"{week_url()}?expert=abc").status_code == 404


def test_a_user_who_is_not_an_expert_gets_a_page_that_says_why(client, people):
    client.force_login(people.finance)
    response = client.get(week_url())
    assert response.status_code == 404
    assert "Votre compte n'est lié à aucun expert" in text(response)


def test_an_administrator_who_is_not_an_expert_may_choose_whose_week_to_open(client, people):
    client.force_login(people.administrator)
    response = client.get(reverse("timesheets:week"))
    page = text(response)
    assert response.status_code == 404
    assert "Ouvrir la semaine d'un expert" in page
    assert f'<option value="{people.expert.pk}">' in page


# --- rows, columns and totals -------------------------------------------------------------------


def test_rows_are_the_mandates_of_this_week_and_of_the_four_before(owner_client, people):
    this_week = MandateFactory(code="M-THIS")
    four_weeks_ago = MandateFactory(code="M-FOUR")
    five_weeks_ago = MandateFactory(code="M-FIVE")
    entry(people, this_week, MONDAY + dt.timedelta(days=2))
    entry(people, four_weeks_ago, MONDAY - dt.timedelta(days=28))
    entry(people, five_weeks_ago, MONDAY - dt.timedelta(days=29))
    page = text(owner_client.get(week_url()))
    assert "M-THIS, mercredi 2 décembre" in page
    assert "M-FOUR, lundi 30 novembre" in page
    assert "M-FIVE, lundi 30 novembre" not in page


def test_totals_add_up_per_mandate_per_day_and_for_the_week(owner_client, people, mandate):
    other = MandateFactory(code="M-0043")
    entry(people, mandate, MONDAY, "7.5")
    entry(people, mandate, MONDAY + dt.timedelta(days=1), "8")
    entry(people, other, MONDAY, "1.25")
    page = text(owner_client.get(week_url()))
    assert f'<span id="row-total-{mandate.pk}">15,5</span>' in page
    assert f'<span id="row-total-{other.pk}">1,25</span>' in page
    assert '<span id="day-total-2020-11-30">8,75</span>' in page
    assert '<span id="day-total-2020-12-01">8</span>' in page
    assert '<span id="week-total">16,75</span>' in page


def test_weekend_columns_are_marked_to_be_drawn_lighter(owner_client, mandate, people):
    entry(people, mandate)
    page = text(owner_client.get(week_url()))
    assert '<th scope="col" class="day weekend" data-day="5">sam. 5 déc.</th>' in page
    assert '<th scope="col" class="day" data-day="4">ven. 4 déc.</th>' in page


def test_each_cell_is_a_decimal_input_named_by_mandate_and_day(owner_client, people, mandate):
    entry(people, mandate)
    page = text(owner_client.get(week_url()))
    key = f"{mandate.pk}-2020-12-01"
    label = f'<label class="visually-hidden" for="hours-{key}">M-0042, mardi 1er décembre</label>'
    assert label in page
    assert f'id="hours-{key}" name="hours" value="" inputmode="decimal"' in page


def test_a_cell_with_a_comment_shows_it_and_names_it_for_screen_readers(
    owner_client, people, mandate
):
    entry(people, mandate, comment="Fermeture de fin de mois")
    page = text(owner_client.get(week_url()))
    key = f"{mandate.pk}-2020-11-30"
    assert f'class="cell has-comment" id="cell-{key}"' in page
    assert f'aria-describedby="comment-{key}"' in page
    assert "Commentaire : Fermeture de fin de mois" in page
    assert "Commentaire, M-0042, lundi 30 novembre" in page


def test_the_page_explains_the_keys_and_loads_its_script(owner_client):
    page = text(owner_client.get(week_url()))
    assert "Entrée pour enregistrer et descendre" in page
    assert 'src="/static/timesheets/week.js" defer' in page
    assert 'href="/static/timesheets/week.css"' in page


def test_the_add_a_mandate_list_puts_the_experts_department_first(owner_client, people):
    MandateFactory(code="A-OTHER", title="Ailleurs")
    MandateFactory(code="Z-OWN", title="Chez nous", department=people.expert.department)
    MandateFactory(code="B-CLOSED", status=MandateStatus.CLOSED)
    MandateFactory(code="C-ENDED", end=MONDAY - dt.timedelta(days=1))
    MandateFactory(code="D-LATER", start=MONDAY + dt.timedelta(days=7))
    page = text(owner_client.get(week_url()))
    assert page.index("Z-OWN — Chez nous") < page.index("A-OTHER — Ailleurs")
    assert '<optgroup label="Mon département">' in page
    for hidden in ["B-CLOSED", "C-ENDED", "D-LATER"]:
        assert hidden not in page


def test_a_mandate_added_without_javascript_shows_as_an_empty_row(owner_client, people):
    added = MandateFactory(code="M-NEW")
    response = owner_client.post(
        reverse("timesheets:week_row", args=[MONDAY]), {"mandate": added.pk}
    )
    assert response.status_code == 302
    page = text(owner_client.get(response["Location"]))
    assert "M-NEW, jeudi 3 décembre" in page


def test_a_row_for_a_mandate_is_added_without_reloading(owner_client):
    added = MandateFactory(code="M-NEW", title="Nouveau mandat")
    response = owner_client.post(
        reverse("timesheets:week_row", args=[MONDAY]),
        {"mandate": added.pk},
        HTTP_HX_REQUEST="true",
    )
    row = text(response)
    assert response.status_code == 200
    assert row.lstrip().startswith(f'<tr id="row-{added.pk}"')
    assert "M-NEW, dimanche 6 décembre" in row
    assert "Nouveau mandat" in row


@pytest.mark.parametrize(
    "mandate_kwargs",
    [{"status": MandateStatus.CANCELLED}, {"end": dt.date(2020, 11, 1)}],
    ids=["cancelled", "ended"],
)
def test_a_mandate_not_open_this_week_cannot_be_added(owner_client, mandate_kwargs):
    closed = MandateFactory(**mandate_kwargs)
    response = owner_client.post(
        reverse("timesheets:week_row", args=[MONDAY]),
        {"mandate": closed.pk},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 404


def test_a_colleague_cannot_add_a_row_to_the_owners_week(client, people, mandate):
    client.force_login(people.colleague)
    response = client.post(
        reverse("timesheets:week_row", args=[MONDAY]) + f"?expert={people.expert.pk}",
        {"mandate": mandate.pk},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 404


# --- states of the week -------------------------------------------------------------------------


def test_a_draft_week_offers_to_copy_and_to_submit(owner_client, people, mandate):
    entry(people, mandate)
    page = text(owner_client.get(week_url()))
    assert '<span class="badge" id="week-status">Brouillon</span>' in page
    assert ">Soumettre la semaine</button>" in page
    assert ">Copier la semaine précédente</button>" in page
    assert 'hx-post="/temps/semaine/2020-11-30/cellule/"' in page


def test_a_submitted_week_is_read_only_and_says_it_awaits_approval(owner_client, people, mandate):
    entry(people, mandate)
    TimesheetWeekFactory(
        expert=people.expert,
        week_start=MONDAY,
        status="submitted",
        submitted_at=dt.datetime(2020, 12, 7, 9, tzinfo=dt.UTC),
    )
    page = text(owner_client.get(week_url()))
    assert "Soumise</span>" in page
    assert "Semaine soumise le 7 décembre 2020, en attente d'approbation." in page
    assert page.count('size="4" readonly') == 7
    # No cell saves, no row changes: only the withdrawal posts.
    assert "/cellule/" not in page and "/ligne/" not in page
    assert 'hx-post="/temps/semaine/2020-11-30/retirer/"' in page
    assert "Soumettre la semaine" not in page
    assert "Ajouter un mandat" not in page


def test_an_approved_week_is_read_only(owner_client, people, mandate):
    entry(people, mandate)
    TimesheetWeekFactory(
        expert=people.expert,
        week_start=MONDAY,
        status="approved",
        submitted_at=timezone.now(),
        decided_by=people.director,
        decided_at=timezone.now(),
    )
    page = text(owner_client.get(week_url()))
    assert 'class="badge ok" id="week-status">Approuvée</span>' in page
    assert "Semaine approuvée" in page
    assert "hx-post" not in page
    assert "Retirer la soumission" not in page


def test_a_returned_week_shows_the_directors_reason_and_may_be_submitted_again(
    owner_client, people, mandate
):
    people.director.first_name, people.director.last_name = "Diane", "Roy"
    people.director.save()
    TimesheetWeekFactory(
        expert=people.expert,
        week_start=MONDAY,
        status="returned",
        submitted_at=timezone.now(),
        decided_by=people.director,
        decided_at=timezone.now(),
        reason="Il manque le mardi.",
    )
    page = text(owner_client.get(week_url()))
    assert 'class="badge bad" id="week-status">Renvoyée</span>' in page
    assert "Diane Roy vous a renvoyé cette semaine" in page
    assert "Il manque le mardi." in page
    assert "Soumettre la semaine" in page


def test_a_locked_month_makes_its_days_read_only_and_says_who_locked_it(
    owner_client, people, mandate
):
    entry(people, mandate)
    period_lock(kind=PeriodKind.MONTH, month=dt.date(2020, 11, 1))
    page = text(owner_client.get(week_url()))
    assert "Novembre 2020 est verrouillé par les finances." in page
    monday, tuesday = f"hours-{mandate.pk}-2020-11-30", f"hours-{mandate.pk}-2020-12-01"
    assert page.split(f'id="{monday}"')[1].split(">")[0].count(" readonly") == 1
    assert " readonly" not in page.split(f'id="{tuesday}"')[1].split(">")[0]


def test_a_locked_fiscal_year_is_named(owner_client, people, mandate):
    period_lock(kind=PeriodKind.FISCAL_YEAR, fiscal_year="2020-2021")
    page = text(owner_client.get(week_url()))
    assert "L'exercice 2020-2021 est verrouillé par les finances." in page


# --- the page in English, and its cost ----------------------------------------------------------


def test_the_week_speaks_english_under_en(owner_client, people, mandate):
    entry(people, mandate)
    response = owner_client.get(week_url(language="en"))
    page = text(response)
    assert response.status_code == 200
    assert '<html lang="en">' in page
    assert "M-0042, Monday, November 30" in page
    assert 'value="7.5"' in page


def test_the_english_address_of_this_week_renders(owner_client):
    response = owner_client.get("/en/temps/semaine/")
    assert response.status_code == 200
    assert '<html lang="en">' in text(response)


WEEK_PAGE_QUERIES = 9  # session, user, roles, expert, week sheet (4), mandates to add


def _fill(people, mandates: int, weeks: int) -> None:
    for number in range(mandates):
        mandate = MandateFactory(code=f"M-{number:04d}")
        for week in range(weeks):
            for day in range(5):
                entry(people, mandate, MONDAY - dt.timedelta(days=7 * week - day), "1")


def test_the_week_page_takes_a_fixed_number_of_queries(
    owner_client, people, django_assert_num_queries
):
    _fill(people, mandates=2, weeks=1)
    with django_assert_num_queries(WEEK_PAGE_QUERIES):
        response = owner_client.get(week_url())
    assert len(response.context["rows"]) == 2


def test_the_week_page_queries_do_not_grow_with_mandates_and_entries(
    owner_client, people, django_assert_num_queries
):
    _fill(people, mandates=12, weeks=5)
    for number in range(30):
        MandateFactory(code=f"OPEN-{number:03d}")
    with django_assert_num_queries(WEEK_PAGE_QUERIES):
        response = owner_client.get(week_url())
    assert len(response.context["rows"]) == 12
    assert response.context["week_total"] == "60"
    assert TimeEntry.objects.count() == 12 * 5 * 5


@pytest.mark.parametrize("mandate_id", ["", "abc", "²"])
def test_adding_a_row_without_a_mandate_is_a_bad_request(owner_client, mandate_id):
    url = reverse("timesheets:week_row", args=[MONDAY])
    response = owner_client.post(url, {"mandate": mandate_id}, HTTP_HX_REQUEST="true")
    assert response.status_code == 400
    assert "Choisissez un mandat." in text(response)
