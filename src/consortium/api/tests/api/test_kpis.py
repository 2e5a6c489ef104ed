import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("who", ["director", "finance", "communications", "administrator"])
def test_the_centres_roles_read_the_ledgers_figures(ledger, api_as, who):
    from consortium.core.fiscal_years import Period
    from consortium.kpis.selectors import ledger_kpis

    response = api_as(getattr(ledger.people, who)).get(
        "/kpis", date_from="2020-04-01", date_to="2021-03-31"
    )
    assert response.status_code == 200, response.content
    import datetime as dt

    expected = ledger_kpis(Period(dt.date(2020, 4, 1), dt.date(2021, 3, 31))).as_dict()
    assert set(response.json()) == set(expected)


@pytest.mark.parametrize("who", ["owner", "colleague"])
def test_experts_do_not_read_the_centres_figures(ledger, api_as, who):
    response = api_as(getattr(ledger.people, who)).get(
        "/kpis", date_from="2020-04-01", date_to="2021-03-31"
    )
    assert response.status_code == 403


def test_a_period_that_ends_before_it_starts_is_422(ledger, api_as):
    response = api_as(ledger.people.administrator).get(
        "/kpis", date_from="2021-04-01", date_to="2020-03-31"
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "query.date_to"


def test_an_outsider_does_not_read_the_centres_figures(scene, api_as):
    response = api_as(scene.people.outsider).get(
        "/kpis", date_from="2020-04-01", date_to="2021-03-31"
    )
    assert response.status_code == 403
    assert response["Content-Type"] == "application/problem+json"
