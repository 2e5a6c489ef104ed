import pytest

from consortium.testing.factories import MandateFactory, MembershipFactory

pytestmark = pytest.mark.django_db


def codes(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [row["code"] for row in response.json()["results"]]


def test_an_expert_reads_the_organisations_with_their_memberships(scene, api_as):
    MembershipFactory(organisation=scene.organisation)
    body = api_as(scene.people.owner).get("/organisations", code="FJORD").json()
    assert body["count"] == 1
    assert body["results"][0]["name"] == "Coopérative du Fjord"
    assert len(body["results"][0]["memberships"]) == 1


@pytest.mark.parametrize("who", ["owner", "colleague", "outsider"])
def test_every_staff_member_reads_the_experts_and_departments(scene, api_as, who):
    user = getattr(scene.people, who)
    client = api_as(user)
    assert scene.people.expert.code in codes(client.get("/experts"))
    assert {"CPT", "RH"} <= set(codes(client.get("/departments")))
    assert {"GD", "ACC"} <= set(codes(client.get("/mandate-types")))


def test_a_user_without_a_role_reads_no_organisation_expert_or_mandate(scene, api_as):
    from consortium.testing.factories import UserFactory

    client = api_as(UserFactory(username="nobody"))
    assert codes(client.get("/organisations")) == []
    assert codes(client.get("/experts")) == []
    assert codes(client.get("/mandates")) == []
    assert codes(client.get("/departments")) == []


def test_mandates_are_those_the_site_shows_the_user(scene, api_as):
    from consortium.accounts.access import mandates_visible_to

    for who in ("owner", "colleague", "outsider", "director"):
        user = getattr(scene.people, who)
        expected = sorted(mandates_visible_to(user).values_list("code", flat=True))
        assert codes(api_as(user).get("/mandates", page_size=500)) == expected


def test_a_mandate_out_of_reach_is_404(scene, api_as):
    from consortium.accounts.access import mandates_visible_to

    outsider = scene.people.outsider
    hidden = MandateFactory(department=scene.department)
    if not mandates_visible_to(outsider).filter(pk=hidden.pk).exists():
        response = api_as(outsider).get(f"/mandates/{hidden.code}")
        assert response.status_code == 404
        assert response["Content-Type"] == "application/problem+json"
    response = api_as(scene.people.administrator).get(f"/mandates/{hidden.code}")
    assert response.json()["code"] == hidden.code


def test_mandates_filter_on_a_strict_boolean(scene, api_as):
    client = api_as(scene.people.administrator)
    assert client.get("/mandates", billable="true").status_code == 200
    assert client.get("/mandates", billable="false").status_code == 200
    for wrong in ("1", "yes", "True", "on"):
        response = client.get("/mandates", billable=wrong)
        assert response.status_code == 422
        assert response["Content-Type"] == "application/problem+json"
        assert response.json()["errors"][0]["field"] == "query.billable"


def test_page_size_is_at_most_500(scene, api_as):
    client = api_as(scene.people.administrator)
    response = client.get("/mandates", page_size=501)
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "query.page_size"
    assert client.get("/mandates", page=0).status_code == 422


def test_pages_split_the_mandates(scene, api_as):
    for _ in range(5):
        MandateFactory(department=scene.department)
    client = api_as(scene.people.administrator)
    first = client.get("/mandates", page_size=3).json()
    second = client.get("/mandates", page_size=3, page=2).json()
    assert first["count"] == second["count"] == 7
    assert first["pages"] == 3
    assert len(first["results"]) == 3
    assert not {m["code"] for m in first["results"]} & {m["code"] for m in second["results"]}
    assert client.get("/mandates", page_size=3, page=9).json()["results"] == []


@pytest.mark.parametrize(
    ("path", "queries"),
    [
        # The token, the roles, the count, the page (and the memberships).
        ("/organisations", 5),
        ("/experts", 4),
        ("/mandates", 4),
        ("/departments", 4),
        ("/mandate-types", 4),
    ],
)
def test_a_list_costs_the_same_queries_whatever_its_size(
    scene, api_as, django_assert_num_queries, path, queries
):
    from consortium.testing.factories import ExpertFactory, OrganisationFactory

    client = api_as(scene.people.administrator)
    client.get("/token")  # the token's last use is written once a minute at most

    def count(size: int) -> int:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            assert client.get(path, page_size=size).status_code == 200
        return len(queries)

    small = count(1)
    assert small == queries
    for _ in range(6):
        MandateFactory(department=scene.department)
        ExpertFactory(department=scene.department)
        MembershipFactory(organisation=OrganisationFactory())
    assert count(500) == small
    with django_assert_num_queries(small):
        client.get(path, page_size=200)
