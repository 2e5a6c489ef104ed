"""Weeks, months, days and ids out of the centre's years or of any row's range: a 404 in the
address, a form error in a form, never a 500 (year 9999 used to overflow the week's arithmetic)."""

import datetime as dt

import pytest
from django.test import Client
from django.utils import translation

from consortium.timesheets.models import TimesheetWeek

pytestmark = pytest.mark.django_db
HUGE_ID = "100000000000000000000000"  # 10^23: past any 64-bit integer


@pytest.fixture
def client() -> Client:
    # A 500 is answered as the user would see it rather than raised into the test.
    return Client(raise_request_exception=False)


def signed_in(client: Client, user) -> Client:
    client.force_login(user)
    return client


@pytest.mark.parametrize("day", ["9999-12-27", "0001-01-01", "1999-12-31", "2101-01-03"])
@pytest.mark.parametrize("page", ["", "ligne/?mandate=1"])
def test_a_week_outside_the_centre_s_years_is_not_found(client, people, day, page):
    response = signed_in(client, people.owner).get(f"/temps/semaine/{day}/{page}")

    assert response.status_code == 404


@pytest.mark.parametrize("action", ["soumettre", "copier", "cellule"])
@pytest.mark.parametrize("day", ["9999-12-27", "1900-01-01"])
def test_no_week_outside_the_centre_s_years_can_be_written(client, people, day, action):
    response = signed_in(client, people.owner).post(
        f"/temps/semaine/{day}/{action}/", {"mandate": "1", "day": day, "hours": "1"}
    )

    assert response.status_code == 404
    assert not TimesheetWeek.objects.exists()


def test_the_approval_pages_still_answer_after_an_expert_tried_a_week_of_year_9999(client, people):
    signed_in(client, people.owner).post("/temps/semaine/9999-12-27/soumettre/")
    signed_in(client, people.owner).post("/temps/semaine/1900-01-01/soumettre/")

    for reviewer in (people.director, people.administrator):
        client = signed_in(Client(raise_request_exception=False), reviewer)
        assert client.get("/temps/approbations/").status_code == 200
        assert client.post("/temps/approbations/approuver/", {"week": "1"}).status_code == 302


def test_the_week_s_date_picker_refuses_a_day_of_year_9999(client, people):
    response = signed_in(client, people.owner).get("/temps/semaine/", {"date": "9999-12-31"})

    assert response.status_code == 200  # the current week, the picker ignored


@pytest.mark.parametrize("path", ["/temps/semaine/", "/temps/semaine/2020-11-23/"])
def test_a_huge_mandate_id_in_the_week_s_address_is_ignored(client, people, path):
    response = signed_in(client, people.owner).get(path, {"mandate": HUGE_ID})

    assert response.status_code == 200


def test_a_huge_mandate_id_asked_as_a_new_row_is_refused(client, people):
    response = signed_in(client, people.owner).post(
        "/temps/semaine/2020-11-23/ligne/", {"mandate": HUGE_ID}
    )

    assert response.status_code == 400


def test_a_cell_of_a_day_of_year_9999_is_an_unknown_cell(client, people):
    response = signed_in(client, people.owner).post(
        "/temps/semaine/2020-11-23/cellule/", {"mandate": HUGE_ID, "day": "9999-12-28"}
    )

    assert response.status_code == 400


def test_the_audit_trail_refuses_a_period_of_year_9999_on_its_form(client, people):
    with translation.override("fr"):
        response = signed_in(client, people.director).get(
            "/temps/historique/",
            {"expert": people.expert.pk, "du": "9999-12-31", "au": "9999-12-31"},
        )

    assert response.status_code == 200
    assert "Les dates vont de 2000 à 2100." in response.content.decode()
    assert response.context["period"] is None


def test_the_audit_trail_csv_of_a_period_of_year_9999_is_not_found(client, people):
    response = signed_in(client, people.director).get(
        "/temps/historique/csv/",
        {"expert": people.expert.pk, "du": "9999-12-31", "au": "9999-12-31"},
    )

    assert response.status_code == 404


@pytest.mark.parametrize("month", ["9999-12", "0001-01", "1999-12"])
def test_finance_cannot_lock_a_month_outside_the_centre_s_years(client, people, month):
    response = signed_in(client, people.finance).post(
        "/temps/periodes/verrouiller/", {"kind": "month", "month": month}
    )

    assert response.status_code == 400
    assert response.context["form"].errors["month"] == ["Les dates vont de 2000 à 2100."]


@pytest.mark.parametrize(
    "path",
    [
        f"/temps/approbations/?expert={HUGE_ID}&department={HUGE_ID}",
        f"/temps/approbations/{HUGE_ID}/",
        f"/temps/historique/?expert={HUGE_ID}",
        f"/temps/semaine/?expert={HUGE_ID}",
        f"/temps/semaine/entree/{HUGE_ID}/commentaire/",
    ],
)
def test_a_huge_id_anywhere_in_the_ledger_s_addresses_is_no_500(client, people, path):
    response = signed_in(client, people.administrator).get(path)

    assert response.status_code in (200, 404)


def test_a_week_is_still_found_on_the_last_days_the_centre_holds(client, people):
    response = signed_in(client, people.owner).get("/temps/semaine/2100-12-27/")

    assert response.status_code == 200
    assert dt.date(2100, 12, 27) == response.context["week_start"]
