"""The registry kept in the workspace (issue 13.13): organisations and memberships created and
changed by directors, finance and administrators through the services; "Nouveau mandat" from
an organisation's page, pre-filled with it and the year's next code."""

import datetime as dt

import pytest
from django.utils import timezone

from consortium.members.models import Membership, Organisation
from consortium.testing.factories import (
    MandateFactory,
    MembershipFactory,
    OrganisationFactory,
    PeriodLockFactory,
)
from consortium.testing.web import signed_in, url

pytestmark = pytest.mark.django_db


def test_finance_adds_an_organisation_in_the_workspace(client, people):
    response = signed_in(client, people.finance).post(
        url("members:organisation_create"),
        {
            "code": "COOP-NORD",
            "name": "Coop du Nord",
            "legal_form": "cooperative",
            "language": "fr",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == url("members:organisation_detail", "COOP-NORD")
    assert Organisation.objects.get(code="COOP-NORD").name == "Coop du Nord"


def test_a_taken_code_is_refused_on_its_field(client, people):
    OrganisationFactory(code="COOP-NORD")
    response = signed_in(client, people.director).post(
        url("members:organisation_create"),
        {"code": "COOP-NORD", "name": "Autre", "legal_form": "cooperative", "language": "fr"},
    )
    assert response.status_code == 200
    assert "code" in response.context["form"].errors


def test_a_director_changes_an_organisation_and_its_federation(client, people):
    federation = OrganisationFactory(code="FED", name="Fédération")
    organisation = OrganisationFactory(code="ORG", name="Ancien nom")
    response = signed_in(client, people.director).post(
        url("members:organisation_update", "ORG"),
        {
            "code": "ORG",
            "name": "Nouveau nom",
            "legal_form": "cooperative",
            "federation": federation.pk,
            "language": "en",
        },
    )
    assert response.status_code == 302
    organisation.refresh_from_db()
    assert (organisation.name, organisation.federation, organisation.language) == (
        "Nouveau nom",
        federation,
        "en",
    )


def test_a_membership_is_added_and_an_overlap_is_refused(client, people):
    organisation = OrganisationFactory(code="ORG")
    MembershipFactory(organisation=organisation, start=dt.date(2020, 4, 1), end=None)
    finance = signed_in(client, people.finance)
    refused = finance.post(
        url("members:membership_create", "ORG"), {"category": "user", "start": "2021-01-01"}
    )
    assert refused.status_code == 200
    assert "chevauche" in refused.content.decode()
    added = finance.post(
        url("members:membership_create", "ORG"),
        {"category": "user", "start": "2019-04-01", "end": "2020-03-31"},
    )
    assert added.status_code == 302
    assert Membership.objects.filter(organisation=organisation).count() == 2


def test_a_membership_day_in_a_locked_period_does_not_change(client, people):
    organisation = OrganisationFactory(code="ORG")
    membership = MembershipFactory(organisation=organisation, start=dt.date(2020, 4, 1), end=None)
    PeriodLockFactory(start=dt.date(2020, 4, 1), end=dt.date(2020, 4, 30))
    response = signed_in(client, people.finance).post(
        url("members:membership_update", "ORG", membership.pk),
        {"category": membership.category, "start": "2020-04-15"},
    )
    assert response.status_code == 200
    assert "verrouill" in response.content.decode()
    membership.refresh_from_db()
    assert membership.start == dt.date(2020, 4, 1)


@pytest.mark.parametrize("who", ["owner", "communications"])
def test_other_roles_may_not_change_the_registry(client, people, who):
    OrganisationFactory(code="ORG")
    client_of = signed_in(client, getattr(people, who))
    assert client_of.get(url("members:organisation_create")).status_code == 403
    assert client_of.get(url("members:organisation_update", "ORG")).status_code == 403
    page = client_of.get(url("members:organisation_detail", "ORG")).content.decode()
    assert url("members:organisation_update", "ORG") not in page


def test_new_mandate_from_an_organisation_is_prefilled_with_it_and_the_next_code(client, people):
    organisation = OrganisationFactory(code="ORG")
    year = timezone.localdate().year
    MandateFactory(code=f"{year}-0041")
    MandateFactory(code=f"{year}-ABC")
    director = signed_in(client, people.director)
    page = director.get(url("members:organisation_detail", "ORG")).content.decode()
    assert f"{url('mandates:mandate_create')}?organisation=ORG" in page
    form = director.get(url("mandates:mandate_create"), {"organisation": "ORG"}).context["form"]
    assert form.initial["code"] == f"{year}-0042"
    assert form.initial["organisation"] == organisation.pk


def test_the_administration_link_shows_only_to_administrators(client, people, admin_user):
    people.director.is_staff = True
    people.director.save()
    page = signed_in(client, people.director).get(url("mandates:mandate_list")).content.decode()
    assert url("admin:index") not in page
    page = signed_in(client, admin_user).get(url("mandates:mandate_list")).content.decode()
    assert url("admin:index") in page
