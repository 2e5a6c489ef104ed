"""Invoices: finance and administrators read and change them all, a director reads those of
their departments' mandates (and their credit notes) and changes none, everyone else sees none.
Deciding costs no query of its own once the roles are known."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import Http404

from consortium.accounts import access
from consortium.testing.factories import InvoiceFactory, issued_invoice
from consortium.testing.scene import make_scene

pytestmark = pytest.mark.django_db

# Named through the factories: accounts (and its tests) sit below billing.
INVOICES = InvoiceFactory._meta.get_model_class().objects


@pytest.fixture
def world():
    scene = make_scene()
    cpt = issued_invoice(scene.organisation, mandate=scene.mandate)
    rh = issued_invoice(scene.organisation, mandate=scene.other_mandate)
    credit = issued_invoice(
        scene.organisation,
        kind="credit_note",
        credited_invoice=cpt,
        credit_reason="correction",
        amounts=["10.00"],
    )
    return scene, cpt, rh, credit


def _user(scene, who):
    return AnonymousUser() if who == "anonymous" else getattr(scene.people, who)


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("finance", {"cpt", "rh", "credit"}),
        ("administrator", {"cpt", "rh", "credit"}),
        ("director", {"cpt", "credit"}),
        ("director_elsewhere", {"rh"}),
        ("owner", set()),
        ("communications", set()),
        ("anonymous", set()),
    ],
)
def test_each_role_sees_the_invoices_of_its_reach(world, who, expected):
    scene, cpt, rh, credit = world
    names = {cpt.pk: "cpt", rh.pk: "rh", credit.pk: "credit"}
    visible = access.invoices_visible_to(_user(scene, who), among=INVOICES.all())
    assert {names[pk] for pk in visible.values_list("pk", flat=True)} == expected


def test_an_invoice_with_two_lines_on_the_directors_department_is_listed_once(world):
    scene = world[0]
    two = issued_invoice(scene.organisation, mandate=scene.mandate, amounts=["1.00", "2.00"])
    visible = access.invoices_visible_to(scene.people.director, among=INVOICES.all())
    assert list(visible.filter(pk=two.pk).values_list("pk", flat=True)) == [two.pk]


def test_a_director_reads_his_departments_invoice_but_may_not_change_it(world):
    scene, cpt, rh, _credit = world
    director = scene.people.director
    assert access.invoice_for_read(director, cpt.pk, among=INVOICES.all()) == cpt
    with pytest.raises(PermissionDenied):
        access.invoice_for_change(director, cpt.pk, among=INVOICES.all())
    with pytest.raises(Http404):
        access.invoice_for_change(director, rh.pk, among=INVOICES.all())


@pytest.mark.parametrize("who", ["finance", "administrator"])
def test_finance_and_administrators_change_every_invoice(world, who):
    scene, _cpt, rh, _credit = world
    user = _user(scene, who)
    assert access.invoice_for_change(user, rh.pk, among=INVOICES.all()) == rh
    assert access.invoices_changeable_by(user, among=INVOICES.all()).count() == 3


@pytest.mark.parametrize("who", ["owner", "communications", "director_elsewhere"])
def test_others_get_a_404_for_an_invoice_out_of_their_reach(world, who):
    scene, cpt, _rh, _credit = world
    with pytest.raises(Http404):
        access.invoice_for_read(_user(scene, who), cpt.pk, among=INVOICES.all())


def test_deciding_costs_no_query_once_the_roles_are_known(world, django_assert_num_queries):
    scene, _cpt, _rh, _credit = world
    with django_assert_num_queries(1):
        list(
            access.invoices_visible_to(
                scene.people.director, among=INVOICES.all(), roles={"director"}
            )
        )
