"""Organisations and memberships: one row per membership, federations anywhere in the file."""

import datetime as dt

import pytest

from consortium.members.models import Membership, Organisation
from consortium.testing.factories import (
    FiscalYearLockFactory,
    MembershipFactory,
    OrganisationFactory,
)

pytestmark = pytest.mark.django_db

HEADER = "code,name,legal_form,neq,region,federation_code,member_category,member_since,member_until"


def _chains():
    return {
        organisation.code: organisation.federation.code if organisation.federation else None
        for organisation in Organisation.objects.select_related("federation")
    }


def _memberships():
    return list(
        Membership.objects.order_by("organisation__code", "start").values_list(
            "organisation__code", "category", "start", "end"
        )
    )


def test_a_federation_may_be_declared_after_its_affiliates(csv_file, run_import):
    path = csv_file(
        "organisations.csv",
        HEADER,
        "HAB1,Coop d'habitation du Parc,cooperative,1140000001,6,FEDHAB,user,2019-01-01,",
        "FEDHAB,Fédération de l'habitation,nonprofit,,03,TOP,,,",
        "TOP,Conseil sectoriel,nonprofit,,03,,support,2012-01-01,",
    )
    outcome = run_import("organisations", path)
    assert outcome.imported, outcome.stderr
    assert "organisations — créations : 3, mises à jour : 0." in outcome.stdout
    assert "adhésions — créations : 2, mises à jour : 0." in outcome.stdout
    assert _chains() == {"HAB1": "FEDHAB", "FEDHAB": "TOP", "TOP": None}
    assert Organisation.objects.get(code="HAB1").region == "06"


def test_an_organisation_takes_one_row_per_membership(csv_file, run_import):
    path = csv_file(
        "organisations.csv",
        HEADER,
        "A1,Coop A,cooperative,,,,fully_managed,2018-01-01,2020-06-30",
        "A1,Coop A,cooperative,,,,user,2020-07-01,",
    )
    outcome = run_import("organisations", path)
    assert outcome.imported, outcome.stderr
    assert Organisation.objects.count() == 1
    assert _memberships() == [
        ("A1", "fully_managed", dt.date(2018, 1, 1), dt.date(2020, 6, 30)),
        ("A1", "user", dt.date(2020, 7, 1), None),
    ]


def test_a_reimport_updates_the_organisation_and_the_membership_of_that_first_day(
    csv_file, run_import
):
    membership = MembershipFactory(
        organisation=OrganisationFactory(code="A1", name="Ancien nom"),
        start=dt.date(2018, 1, 1),
        end=None,
    )
    path = csv_file(
        "organisations.csv",
        HEADER,
        "A1,Nouveau nom,cooperative,,,,user,2018-01-01,2020-06-30",
        "A1,Nouveau nom,cooperative,,,,auxiliary,2020-07-01,",
    )
    outcome = run_import("organisations", path)
    assert outcome.imported, outcome.stderr
    assert "organisations — créations : 0, mises à jour : 1." in outcome.stdout
    assert "adhésions — créations : 1, mises à jour : 1." in outcome.stdout
    assert Organisation.objects.get().name == "Nouveau nom"
    membership.refresh_from_db()
    assert membership.end == dt.date(2020, 6, 30)
    assert len(_memberships()) == 2


def test_a_federation_cycle_within_the_file_is_refused(csv_file, run_import):
    path = csv_file(
        "organisations.csv",
        HEADER,
        "A,Coop A,cooperative,,,B,,,",
        "B,Coop B,cooperative,,,C,,,",
        "C,Coop C,cooperative,,,A,,,",
        "D,Coop D,cooperative,,,D,,,",
    )
    outcome = run_import("organisations", path)
    assert not outcome.imported
    message = "colonne « federation_code » : Ce regroupement créerait un cycle de regroupements"
    assert outcome.error_lines == [
        f"{path}, ligne 2, {message} : A → B → C → A.",
        f"{path}, ligne 3, {message} : B → C → A → B.",
        f"{path}, ligne 4, {message} : C → A → B → C.",
        f"{path}, ligne 5, {message} : D → D.",
    ]
    assert not Organisation.objects.exists()


def test_a_cycle_through_stored_organisations_is_refused(csv_file, run_import):
    top = OrganisationFactory(code="TOP")
    OrganisationFactory(code="MID", federation=top)
    path = csv_file("organisations.csv", HEADER, "TOP,Sommet,nonprofit,,,MID,,,")
    outcome = run_import("organisations", path)
    assert outcome.error_lines == [
        f"{path}, ligne 2, colonne « federation_code » : "
        "Ce regroupement créerait un cycle de regroupements : TOP → MID → TOP."
    ]
    assert _chains() == {"TOP": None, "MID": "TOP"}


def test_a_membership_overlapping_another_of_the_file_or_of_the_database_is_refused(
    csv_file, run_import
):
    MembershipFactory(
        organisation=OrganisationFactory(code="B"), start=dt.date(2015, 1, 1), end=None
    )
    path = csv_file(
        "organisations.csv",
        HEADER,
        "A,Coop A,cooperative,,,,user,2018-01-01,",
        "A,Coop A,cooperative,,,,auxiliary,2020-01-01,",
        "B,Coop B,cooperative,,,,user,2019-01-01,",
    )
    outcome = run_import("organisations", path)
    assert outcome.error_lines == [
        f"{path}, ligne 3, colonne « member_since » : "
        "Cette adhésion chevauche celle de la ligne 2.",
        f"{path}, ligne 4, colonne « member_since » : "
        "Cette adhésion chevauche celle du 2015-01-01 (membre utilisateur).",
    ]
    assert _memberships() == [("B", "user", dt.date(2015, 1, 1), None)]


def test_many_bad_rows_are_all_reported_and_nothing_is_written(csv_file, run_import):
    OrganisationFactory(code="KEEP", name="Inchangée")
    before = (Organisation.objects.count(), Membership.objects.count())
    path = csv_file(
        "organisations.csv",
        HEADER,
        "OK1,Coop correcte,cooperative,1140000001,06,,user,2019-01-01,",
        "KEEP,Nom changé,cooperative,,,,,,",
        "B,,coop,123,18,NOPE,gold,2020-13-01,",
        "C,Coop C,mutual,,,,user,2020-01-01,2019-01-01",
        "D,Coop D,mutual,,,,,2020-01-01,",
        "E,Coop E,mutual,,,,user,2020-01-01,",
        "E,Coop E bis,mutual,,,,user,2020-01-01,",
    )
    outcome = run_import("organisations", path)
    assert not outcome.imported
    line = f"{path}, ligne"
    assert outcome.error_lines == [
        f"{line} 4, colonne « legal_form » : « coop » n'est pas permis. "
        "Valeurs permises : cooperative, mutual, nonprofit, other.",
        f"{line} 4, colonne « region » : « 18 » n'est pas permis. "
        "Valeurs permises : 01, 02, 03, 04, 05, 06, 07, 08, 09, 10, 11, 12, 13, 14, 15, 16, 17.",
        f"{line} 4, colonne « member_category » : « gold » n'est pas permis. "
        "Valeurs permises : fully_managed, user, auxiliary, support.",
        f"{line} 4, colonne « member_since » : "
        "« 2020-13-01 » n'est pas une date AAAA-MM-JJ valide.",
        f"{line} 4, colonne « federation_code » : Regroupement inconnu : « NOPE ».",
        f"{line} 4, colonne « name » : Ce champ ne peut pas être vide.",
        f"{line} 4, colonne « neq » : Le NEQ compte exactement 10 chiffres.",
        f"{line} 5, colonne « member_until » : Une adhésion ne peut finir avant de commencer.",
        f"{line} 6, colonne « member_category » : "
        "Indiquez la catégorie de membre de cette adhésion.",
        f"{line} 8, colonne « name » : L'organisation E a « Coop E » à la ligne 7.",
        f"{line} 8, colonne « member_since » : "
        "L'adhésion de E du 2020-01-01 figure déjà à la ligne 7.",
    ]
    assert outcome.message == f"{path} refusé : 11 erreur(s), rien n'a été importé."
    assert (Organisation.objects.count(), Membership.objects.count()) == before
    assert Organisation.objects.get(code="KEEP").name == "Inchangée"


def test_a_reimport_may_not_change_a_membership_on_the_days_of_a_locked_year(csv_file, run_import):
    MembershipFactory(
        organisation=OrganisationFactory(code="A1", name="Coop A"),
        start=dt.date(2018, 1, 1),
        end=None,
    )
    FiscalYearLockFactory(fiscal_year__name="2020-2021")
    path = csv_file("organisations.csv", HEADER, "A1,Coop A,cooperative,,,,auxiliary,2018-01-01,")
    outcome = run_import("organisations", path)
    assert not outcome.imported
    assert "2020-2021 est verrouillé : les adhésions de ses jours" in outcome.stderr
    assert _memberships() == [("A1", "user", dt.date(2018, 1, 1), None)]
