"""The portal's door: a contact lands on the portal, staff pages stay closed to them, and the
portal is closed to staff."""

import pytest

from consortium.testing.factories import MemberContactFactory, StaffRoleFactory
from consortium.testing.web import signed_in, url

pytestmark = pytest.mark.django_db


def test_a_contact_lands_on_the_portal_and_sees_their_organisation(client):
    contact = MemberContactFactory(organisation__name="Coop du Fjord")
    signed_in(client, contact.user)
    assert client.get(url("home")).url == url("portal:home")
    response = client.get(url("portal:home"), follow=True)
    assert response.redirect_chain[-1][0] == url("portal:overview", contact.organisation.code)
    assert "Coop du Fjord" in response.text


def test_the_workspace_stays_closed_to_a_contact(client):
    signed_in(client, MemberContactFactory().user)
    assert client.get(url("mandates:mandate_list")).status_code == 403


def test_the_portal_is_closed_to_staff(client):
    signed_in(client, StaffRoleFactory(role="director").user)
    assert client.get(url("portal:home")).status_code == 403
