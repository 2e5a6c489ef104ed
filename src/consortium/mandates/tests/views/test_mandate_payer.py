"""Who pays for a mandate, on its page and in the list's filter."""

import html
from decimal import Decimal

import pytest

from consortium.mandates.models import Mandate
from consortium.testing.factories import MandateFactory, OrganisationFactory
from consortium.testing.web import signed_in, url

pytestmark = pytest.mark.django_db


def page(client, user, code: str = "M-CPT", language: str = "fr") -> str:
    response = signed_in(client, user).get(url("mandates:mandate_detail", code, language=language))
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def test_a_mandate_billed_to_its_organisation_says_so_with_the_rate_table(client, scene):
    text = page(client, scene.people.owner)
    assert "Facturé à</dt>\n      <dd>l'organisation servie</dd>" in text
    assert "selon la grille tarifaire" in text
    assert "<dd>oui</dd>" in text


def test_a_federation_that_pays_is_named_and_linked_with_the_mandates_own_rate(client, scene):
    federation = OrganisationFactory(code="FED", name="Fédération des coops")
    Mandate.objects.filter(pk=scene.mandate.pk).update(
        billed_organisation=federation, hourly_rate=Decimal("95.50")
    )
    text = page(client, scene.people.director)
    assert '<a href="/organisations/FED/">Fédération des coops</a>' in text
    assert "95,50 $ l'heure (taux propre au mandat)" in text
    english = page(client, scene.people.director, language="en")
    assert "Billed to" in english
    assert "$95.50 an hour (the mandate's own rate)" in english


def test_a_fixed_fee_and_a_non_billable_mandate_or_type_are_shown(client, scene):
    Mandate.objects.filter(pk=scene.mandate.pk).update(billable=False, fixed_fee=Decimal("1500"))
    text = page(client, scene.people.finance)
    assert "forfait de 1\xa0500,00 $" in text
    assert "<dd>non</dd>" in text
    scene.mandate.mandate_type.billable = False
    scene.mandate.mandate_type.save()
    text = page(client, scene.people.finance)
    assert "non (type de mandat non facturable)" in text


def test_an_outsider_does_not_see_who_pays(client, scene):
    response = signed_in(client, scene.outsider).get(url("mandates:mandate_detail", "M-CPT"))
    assert response.status_code == 404


def test_the_list_filters_by_the_organisation_that_pays(client, scene):
    federation = OrganisationFactory(code="FED")
    MandateFactory(code="M-FED", department=scene.department, billed_organisation=federation)
    MandateFactory(code="M-OWN", department=scene.department, organisation=federation)
    signed_in(client, scene.people.administrator)
    response = client.get(url("mandates:mandate_list"), {"payer": "fed"})
    codes = [mandate.code for mandate in response.context["page"].object_list]
    assert sorted(codes) == ["M-FED", "M-OWN"]
    response = client.get(url("mandates:mandate_list"), {"payer": "FJORD"})
    assert sorted(m.code for m in response.context["page"].object_list) == ["M-CPT", "M-RH"]
