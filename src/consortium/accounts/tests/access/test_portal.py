"""The portal's reach: a contact reads the organisations they represent and, read only, the
enterprises of a federation they represent; nothing else, and staff reach nothing there."""

import pytest
from django.http import Http404

from consortium.accounts.access import (
    portal_organisation_for_change,
    portal_organisation_for_read,
    portal_organisations_visible_to,
)
from consortium.testing.factories import (
    MemberContactFactory,
    OrganisationFactory,
    StaffRoleFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def scene():
    federation = OrganisationFactory(code="FED", name="Fédération")
    enterprise = OrganisationFactory(code="ENT", name="Entreprise", federation=federation)
    other = OrganisationFactory(code="AUT", name="Autre")
    owner = MemberContactFactory(organisation=enterprise).user
    colleague = MemberContactFactory(organisation=enterprise).user
    federation_contact = MemberContactFactory(organisation=federation).user
    stranger = MemberContactFactory(organisation=other).user
    return federation, enterprise, other, owner, colleague, federation_contact, stranger


def test_a_contact_and_a_colleague_read_and_change_their_organisation(scene):
    _federation, enterprise, _other, owner, colleague, _fed, _stranger = scene
    for user in (owner, colleague):
        assert list(portal_organisations_visible_to(user)) == [enterprise]
        assert portal_organisation_for_read(user, "ENT") == enterprise
        assert portal_organisation_for_change(user, "ENT") == enterprise


def test_a_contact_of_another_organisation_gets_404(scene):
    *_rest, stranger = scene
    with pytest.raises(Http404):
        portal_organisation_for_read(stranger, "ENT")
    with pytest.raises(Http404):
        portal_organisation_for_change(stranger, "ENT")


def test_a_federation_contact_reads_its_enterprises_but_changes_nothing_of_theirs(scene):
    federation, enterprise, _other, _owner, _colleague, federation_contact, _stranger = scene
    assert set(portal_organisations_visible_to(federation_contact, federated=True)) == {
        federation,
        enterprise,
    }
    assert portal_organisation_for_read(federation_contact, "ENT") == enterprise
    with pytest.raises(Http404):
        portal_organisation_for_change(federation_contact, "ENT")


def test_staff_and_strangers_reach_no_organisation_on_the_portal(scene):
    director = StaffRoleFactory(role="director").user
    for user in (director, UserFactory()):
        assert not portal_organisations_visible_to(user, federated=True).exists()
        with pytest.raises(Http404):
            portal_organisation_for_read(user, "ENT")


def test_a_contact_reads_the_issued_invoices_of_their_organisation_only(scene):
    from consortium.accounts.access import (
        invoices_of_portal_organisation,
        portal_invoice_for_read,
    )
    from consortium.testing.factories import InvoiceFactory, draft_invoice, issued_invoice

    _federation, enterprise, other, owner, colleague, federation_contact, stranger = scene
    issued = issued_invoice(enterprise)
    draft_invoice(enterprise)
    issued_invoice(other)
    among = InvoiceFactory._meta.get_model_class().objects.all()  # accounts never imports billing
    for user in (owner, colleague):
        assert list(invoices_of_portal_organisation(user, enterprise, among=among)) == [issued]
        assert portal_invoice_for_read(user, enterprise, issued.number, among=among) == issued
    for user in (federation_contact, stranger):
        assert not invoices_of_portal_organisation(user, enterprise, among=among).exists()
        with pytest.raises(Http404):
            portal_invoice_for_read(user, enterprise, issued.number, among=among)
