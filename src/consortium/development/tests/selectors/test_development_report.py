import datetime as dt

import pytest

from consortium.core.fiscal_years import Period
from consortium.development.selectors import development_report
from consortium.testing.factories import (
    DevelopmentActivityFactory,
    OrganisationFactory,
    PartnershipFactory,
)

pytestmark = pytest.mark.django_db

YEAR = Period(dt.date(2020, 4, 1), dt.date(2021, 3, 31), "2020-2021")


def test_every_kind_is_listed_in_the_report_order_even_without_activities():
    report = development_report(YEAR)
    assert [(row["kind"], row["count"], row["organisations"]) for row in report["activities"]] == [
        ("event", 0, []),
        ("agm_attended", 0, []),
        ("development_meeting", 0, []),
        ("service_presentation", 0, []),
    ]
    assert report["activities"][0]["label"] == "participation et/ou organisation d'événements"


def test_activities_are_counted_in_the_period_with_the_organisations_met_once_each_sorted():
    ecole = OrganisationFactory(name="École de l'Excellence")
    fqm = OrganisationFactory(name="Fédération québécoise des municipalités (FQM)")
    cibim = OrganisationFactory(name="CIBÎM")
    presentation = "service_presentation"
    DevelopmentActivityFactory(kind=presentation, organisations_met=[fqm, ecole])
    DevelopmentActivityFactory(kind=presentation, organisations_met=[ecole, cibim])
    DevelopmentActivityFactory(kind=presentation, date=dt.date(2021, 4, 1), organisations_met=[])
    DevelopmentActivityFactory(kind="event", date=dt.date(2020, 3, 31))
    rows = {row["kind"]: row for row in development_report(YEAR)["activities"]}
    assert rows[presentation]["count"] == 2
    assert rows[presentation]["organisations"] == [
        "CIBÎM",
        "École de l'Excellence",
        "Fédération québécoise des municipalités (FQM)",
    ]
    assert rows["event"]["count"] == 0


def test_partnerships_in_force_at_any_time_of_the_period_are_listed():
    PartnershipFactory(organisation__name="CMC", title="Compétences", start=dt.date(2020, 5, 1))
    PartnershipFactory(
        organisation__name="Pôle CN",
        title="Entente",
        start=dt.date(2018, 4, 1),
        end=dt.date(2020, 4, 1),
    )
    PartnershipFactory(title="Ancienne", start=dt.date(2018, 4, 1), end=dt.date(2020, 3, 31))
    PartnershipFactory(title="Future", start=dt.date(2021, 4, 1))
    assert development_report(YEAR)["partnerships"] == [
        {"organisation": "Pôle CN", "title": "Entente"},
        {"organisation": "CMC", "title": "Compétences"},
    ]


def test_the_report_takes_three_queries_whatever_the_activities(django_assert_num_queries):
    organisations = OrganisationFactory.create_batch(4)
    for kind in ("event", "agm_attended", "development_meeting", "service_presentation"):
        DevelopmentActivityFactory.create_batch(3, kind=kind, organisations_met=organisations)
    PartnershipFactory.create_batch(3)
    with django_assert_num_queries(3):
        development_report(YEAR)
