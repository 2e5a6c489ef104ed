import datetime as dt

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME

from consortium.core.tests.admin_pages import (
    admin_url,
    changelist_rows,
    page_text,
    queries_to_render,
)
from consortium.members.models import LegalForm, MemberCategory, Membership, Organisation, Region
from consortium.testing.factories import (
    FiscalYearLockFactory,
    MandateFactory,
    MembershipFactory,
    OrganisationFactory,
)

pytestmark = pytest.mark.django_db

ORGANISATIONS = "members_organisation_changelist"
MEMBERSHIPS = "members_membership_changelist"


@pytest.mark.parametrize(
    ("view", "french", "english"),
    [
        (ORGANISATIONS, "Forme juridique", "Legal form"),
        ("members_organisation_add", "Région administrative", "Administrative region"),
        (MEMBERSHIPS, "Membre depuis", "Member since"),
        ("members_membership_add", "Membre jusqu&#x27;au", "Member until"),
    ],
)
def test_the_list_and_add_pages_speak_the_language_of_the_address(
    admin_client, view, french, english
):
    MembershipFactory()
    assert french in page_text(admin_client, view)
    text = page_text(admin_client, view, language="en")
    assert english in text
    assert french not in text


def test_an_organisation_page_shows_its_memberships_and_its_affiliates(admin_client):
    federation = OrganisationFactory(name="Fédération des coopératives")
    MembershipFactory(organisation=federation, category=MemberCategory.AUXILIARY)
    OrganisationFactory.create_batch(2, federation=federation)
    french = page_text(admin_client, "members_organisation_change", federation.pk)
    english = page_text(admin_client, "members_organisation_change", federation.pk, language="en")
    assert "Adhésions" in french
    assert 'value="auxiliary" selected' in french
    assert "2 entreprises affiliées" in french
    assert f"?federation__id__exact={federation.pk}" in french
    assert "2 affiliated enterprises" in english
    assert "Memberships" in english


def test_a_membership_page_renders_in_both_languages(admin_client):
    membership = MembershipFactory()
    assert "Catégorie" in page_text(admin_client, "members_membership_change", membership.pk)
    english = page_text(admin_client, "members_membership_change", membership.pk, language="en")
    assert "Category" in english


def test_the_list_shows_each_organisations_category_today_and_its_affiliate_count(admin_client):
    federation = OrganisationFactory(code="FED1")
    MembershipFactory(organisation=federation, category=MemberCategory.FULLY_MANAGED)
    OrganisationFactory.create_batch(3, federation=federation)
    text = page_text(admin_client, ORGANISATIONS, query="?q=FED1")
    assert '<td class="field-current_category">membre sous entière gestion</td>' in text
    assert '<td class="field-affiliate_count">3</td>' in text


def test_the_affiliates_link_lists_the_federations_affiliates(admin_client):
    federation = OrganisationFactory()
    affiliates = OrganisationFactory.create_batch(2, federation=federation)
    OrganisationFactory()
    rows = changelist_rows(admin_client, ORGANISATIONS, f"?federation__id__exact={federation.pk}")
    assert {row.pk for row in rows} == {affiliate.pk for affiliate in affiliates}


@pytest.mark.parametrize("term", ["COOP42", "Boulangerie", "1234567890"])
def test_the_search_finds_an_organisation_by_code_name_or_neq(admin_client, term):
    wanted = OrganisationFactory(code="COOP42", name="Boulangerie du quartier", neq="1234567890")
    OrganisationFactory(code="OTHER", name="Autre chose", neq="")
    assert changelist_rows(admin_client, ORGANISATIONS, f"?q={term}") == [wanted]


def test_the_list_filters_by_legal_form_and_region(admin_client):
    wanted = OrganisationFactory(legal_form=LegalForm.MUTUAL, region=Region.MONTREAL)
    OrganisationFactory(legal_form=LegalForm.MUTUAL, region=Region.ESTRIE)
    OrganisationFactory(legal_form=LegalForm.COOPERATIVE, region=Region.MONTREAL)
    query = "?legal_form__exact=mutual&region__exact=06"
    assert changelist_rows(admin_client, ORGANISATIONS, query) == [wanted]


def test_the_list_filters_federations_and_their_affiliates(admin_client):
    federation = OrganisationFactory(name="A fédération")
    affiliate = OrganisationFactory(name="B affiliée", federation=federation)
    alone = OrganisationFactory(name="C seule")
    assert changelist_rows(admin_client, ORGANISATIONS, "?is_federation=yes") == [federation]
    assert changelist_rows(admin_client, ORGANISATIONS, "?is_federation=no") == [affiliate, alone]
    assert changelist_rows(admin_client, ORGANISATIONS, "?is_affiliated=yes") == [affiliate]
    assert changelist_rows(admin_client, ORGANISATIONS, "?is_affiliated=no") == [federation, alone]


def test_the_list_filters_by_the_member_category_in_force_today(admin_client):
    user = MembershipFactory(category=MemberCategory.USER).organisation
    MembershipFactory(category=MemberCategory.SUPPORT)
    former = MembershipFactory(category=MemberCategory.USER, end=dt.date(2019, 3, 31)).organisation
    rows = changelist_rows(admin_client, ORGANISATIONS, "?member_category=user")
    assert rows == [user]
    assert changelist_rows(admin_client, ORGANISATIONS, "?member_category=none") == [former]


def test_the_federation_field_finds_organisations_as_the_user_types(admin_client):
    OrganisationFactory(name="Regroupement des CPE")
    OrganisationFactory(name="Coopérative funéraire")
    assert "admin-autocomplete" in page_text(admin_client, "members_organisation_add")
    response = admin_client.get(
        admin_url("autocomplete"),
        {
            "app_label": "members",
            "model_name": "organisation",
            "field_name": "federation",
            "term": "CPE",
        },
    )
    assert [result["text"] for result in response.json()["results"]] == ["Regroupement des CPE"]


def _organisation_form(**memberships) -> dict:
    data = {
        "code": "NEW1",
        "name": "Nouvelle coop",
        "legal_form": LegalForm.COOPERATIVE,
        "neq": "",
        "region": "",
        "federation": "",
        "memberships-TOTAL_FORMS": str(len(memberships)),
        "memberships-INITIAL_FORMS": "0",
        "memberships-MIN_NUM_FORMS": "0",
        "memberships-MAX_NUM_FORMS": "1000",
    }
    for index, (start, end) in enumerate(memberships.values()):
        data |= {
            f"memberships-{index}-category": MemberCategory.USER,
            f"memberships-{index}-start": start,
            f"memberships-{index}-end": end,
        }
    return data


def test_an_organisation_is_added_with_its_membership_on_one_page(admin_client):
    response = admin_client.post(
        admin_url("members_organisation_add"),
        _organisation_form(first=("2020-05-01", "")),
    )
    assert response.status_code == 302
    membership = Membership.objects.get()
    assert membership.organisation.code == "NEW1"
    assert membership.start == dt.date(2020, 5, 1)


def test_a_badly_formed_neq_is_shown_on_the_form_and_nothing_is_saved(admin_client):
    response = admin_client.post(
        admin_url("members_organisation_add"), _organisation_form() | {"neq": "123"}
    )
    assert response.status_code == 200
    assert "Le NEQ compte exactement 10 chiffres." in response.content.decode()
    assert not Organisation.objects.exists()


def test_an_overlapping_membership_is_refused_on_the_membership_form(admin_client):
    existing = MembershipFactory(start=dt.date(2015, 1, 1))
    response = admin_client.post(
        admin_url("members_membership_add"),
        {
            "organisation": existing.organisation.pk,
            "category": MemberCategory.SUPPORT,
            "start": "2020-01-01",
            "end": "",
        },
    )
    assert response.status_code == 200
    assert "chevauche celle du 2015-01-01" in response.content.decode()
    assert Membership.objects.count() == 1


def test_the_membership_list_searches_and_filters(admin_client):
    wanted = MembershipFactory(
        organisation=OrganisationFactory(name="Garderie Les Lutins"),
        category=MemberCategory.AUXILIARY,
    )
    ended = MembershipFactory(category=MemberCategory.AUXILIARY, end=dt.date(2018, 12, 31))
    MembershipFactory(category=MemberCategory.USER)
    assert changelist_rows(admin_client, MEMBERSHIPS, "?q=Lutins") == [wanted]
    rows = changelist_rows(admin_client, MEMBERSHIPS, "?category__exact=auxiliary&in_force=yes")
    assert rows == [wanted]
    assert changelist_rows(admin_client, MEMBERSHIPS, "?in_force=no") == [ended]


def test_the_organisation_list_costs_the_same_queries_with_5_or_50_rows(admin_client):
    url = admin_url(ORGANISATIONS)
    federation = OrganisationFactory()
    for _ in range(4):
        MembershipFactory(organisation=OrganisationFactory(federation=federation))
    with_five = queries_to_render(admin_client, url)
    for _ in range(45):
        MembershipFactory(organisation=OrganisationFactory(federation=federation))
    assert queries_to_render(admin_client, url) == with_five


def test_the_membership_list_costs_the_same_queries_with_5_or_50_rows(admin_client):
    url = admin_url(MEMBERSHIPS)
    MembershipFactory.create_batch(5)
    with_five = queries_to_render(admin_client, url)
    MembershipFactory.create_batch(45)
    assert queries_to_render(admin_client, url) == with_five


def test_a_membership_category_of_a_locked_year_is_refused_on_the_form(admin_client):
    membership = MembershipFactory(start=dt.date(2015, 1, 1), category=MemberCategory.USER)
    FiscalYearLockFactory(fiscal_year__name="2020-2021")
    response = admin_client.post(
        admin_url("members_membership_change", membership.pk),
        {
            "organisation": membership.organisation_id,
            "category": MemberCategory.AUXILIARY,
            "start": "2015-01-01",
            "end": "",
        },
    )
    assert response.status_code == 200
    assert "2020-2021 est verrouillé : les adhésions de ses jours" in response.content.decode()
    membership.refresh_from_db()
    assert membership.category == MemberCategory.USER


LOCKED_MEMBERSHIP = (
    "2020-2021 est verrouillé : l&#x27;adhésion du 2015-01-01 y compte des jours et ne peut plus "
    "être supprimée."
)
LOCKED_ORGANISATION = (
    "2020-2021 est verrouillé : l&#x27;organisation COOP1 y était membre et ne peut plus être "
    "supprimée."
)


def _locked_membership() -> Membership:
    membership = MembershipFactory(organisation=OrganisationFactory(code="COOP1"))
    FiscalYearLockFactory(fiscal_year__name="2020-2021")
    return membership


def _inline_delete_form(membership: Membership) -> dict:
    organisation = membership.organisation
    return {
        "code": organisation.code,
        "name": organisation.name,
        "legal_form": organisation.legal_form,
        "neq": "",
        "region": "",
        "federation": "",
        "memberships-TOTAL_FORMS": "1",
        "memberships-INITIAL_FORMS": "1",
        "memberships-MIN_NUM_FORMS": "0",
        "memberships-MAX_NUM_FORMS": "1000",
        "memberships-0-id": membership.pk,
        "memberships-0-organisation": organisation.pk,
        "memberships-0-category": membership.category,
        "memberships-0-start": membership.start.isoformat(),
        "memberships-0-end": "",
        "memberships-0-DELETE": "on",
    }


def test_a_membership_of_a_locked_year_is_not_deleted_from_its_page_or_its_list(admin_client):
    membership = _locked_membership()
    response = admin_client.post(
        admin_url("members_membership_delete", membership.pk), {"post": "yes"}, follow=True
    )
    assert LOCKED_MEMBERSHIP in response.content.decode()
    assert response.redirect_chain[-1][0] == admin_url("members_membership_change", membership.pk)
    response = admin_client.post(
        admin_url(MEMBERSHIPS),
        {"action": "delete_selected", ACTION_CHECKBOX_NAME: [membership.pk], "post": "yes"},
        follow=True,
    )
    assert LOCKED_MEMBERSHIP in response.content.decode()
    assert Membership.objects.filter(pk=membership.pk).exists()


def test_a_membership_of_a_locked_year_is_not_deleted_from_its_organisations_page(admin_client):
    membership = _locked_membership()
    response = admin_client.post(
        admin_url("members_organisation_change", membership.organisation_id),
        _inline_delete_form(membership),
    )
    assert response.status_code == 200
    assert LOCKED_MEMBERSHIP in response.content.decode()
    assert Membership.objects.filter(pk=membership.pk).exists()


def test_a_membership_outside_every_locked_period_is_deleted_from_either_page(admin_client):
    FiscalYearLockFactory(fiscal_year__name="2020-2021")
    inline = MembershipFactory(start=dt.date(2021, 4, 1))
    alone = MembershipFactory(start=dt.date(2010, 1, 1), end=dt.date(2020, 3, 31))
    response = admin_client.post(
        admin_url("members_organisation_change", inline.organisation_id),
        _inline_delete_form(inline) | {"memberships-0-start": "2021-04-01"},
    )
    assert response.status_code == 302
    response = admin_client.post(admin_url("members_membership_delete", alone.pk), {"post": "yes"})
    assert response.status_code == 302
    assert not Membership.objects.exists()


def test_an_organisation_that_was_a_member_in_a_locked_year_is_not_deleted(admin_client):
    membership = _locked_membership()
    organisation = membership.organisation
    response = admin_client.post(
        admin_url("members_organisation_delete", organisation.pk), {"post": "yes"}, follow=True
    )
    assert LOCKED_ORGANISATION in response.content.decode()
    response = admin_client.post(
        admin_url(ORGANISATIONS),
        {"action": "delete_selected", ACTION_CHECKBOX_NAME: [organisation.pk], "post": "yes"},
        follow=True,
    )
    assert LOCKED_ORGANISATION in response.content.decode()
    assert Organisation.objects.filter(pk=organisation.pk).exists()
    assert Membership.objects.filter(pk=membership.pk).exists()


def test_an_organisation_with_a_mandate_cannot_be_deleted(admin_client):
    mandate = MandateFactory()
    response = admin_client.post(
        admin_url("members_organisation_delete", mandate.organisation_id), {"post": "yes"}
    )
    assert "<title>Impossible de supprimer organisation" in response.content.decode()
    assert Organisation.objects.filter(pk=mandate.organisation_id).exists()


def test_an_organisation_whose_memberships_are_outside_every_lock_is_deleted(admin_client):
    FiscalYearLockFactory(fiscal_year__name="2020-2021")
    membership = MembershipFactory(start=dt.date(2021, 4, 1))
    response = admin_client.post(
        admin_url(ORGANISATIONS),
        {
            "action": "delete_selected",
            ACTION_CHECKBOX_NAME: [membership.organisation_id],
            "post": "yes",
        },
    )
    assert response.status_code == 302
    assert not Organisation.objects.exists()
    assert not Membership.objects.exists()
