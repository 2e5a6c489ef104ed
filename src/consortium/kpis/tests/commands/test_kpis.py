import datetime as dt
import io
import json

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from consortium.core.fiscal_years import fiscal_year_period
from consortium.kpis.selectors import ledger_kpis
from consortium.testing.factories import (
    DepartmentFactory,
    ExpertFactory,
    MandateFactory,
    MandateTypeFactory,
    MembershipFactory,
    OrganisationFactory,
    TimeEntryFactory,
)

pytestmark = pytest.mark.django_db

NBSP = "\u00a0"


@pytest.fixture
def centre():
    """1,015.50 h in 2020-2021 (1,000 h in calendar 2020) on one accounting mandate of a
    non-member; 10 members at the start, 13 at the end; a woman born in 1975, a man in 1981."""
    accounting = DepartmentFactory(code="ACC", name_fr="Comptabilité", name_en="Accounting")
    delegated = MandateTypeFactory(
        code="GD", name_fr="Gestion déléguée", name_en="Delegated management"
    )
    client = OrganisationFactory()
    for _ in range(10):
        MembershipFactory(start=dt.date(2015, 1, 1))
    for _ in range(3):
        MembershipFactory(start=dt.date(2020, 9, 1))
    expert = ExpertFactory(gender="woman", birth_year=1975)
    ExpertFactory(gender="man", birth_year=1981)
    mandate = MandateFactory(organisation=client, department=accounting, mandate_type=delegated)
    first_day = dt.date(2020, 4, 1)
    for n in range(50):
        TimeEntryFactory(
            expert=expert, mandate=mandate, date=first_day + dt.timedelta(days=n), hours=20
        )
    TimeEntryFactory(expert=expert, mandate=mandate, date=dt.date(2021, 3, 31), hours=12.5)
    # In calendar 2021, not in 2020.
    TimeEntryFactory(expert=expert, mandate=mandate, date=dt.date(2021, 1, 4), hours=3)


def kpis(*arguments: str) -> str:
    out = io.StringIO()
    call_command("kpis", *arguments, stdout=out)
    return out.getvalue()


def line_of(output: str, label: str) -> str:
    return next(line for line in output.splitlines() if line.startswith(label))


def test_json_gives_every_figure_under_its_name_with_numbers_not_strings(centre):
    figures = json.loads(kpis("--year", "2020-2021", "--format", "json"))

    assert list(figures) == list(ledger_kpis(fiscal_year_period("2020-2021")).as_dict())
    assert figures["service_hours"] == 1015.5
    assert figures["hours_by_department"] == {"ACC": 1015.5}
    assert figures["hours_by_mandate_type"] == {"GD": 1015.5}
    assert figures["hours_by_member_category"]["non_member"] == 1015.5
    assert figures["enterprises_served"] == figures["enterprises_reached"] == 1
    assert figures["members_at_start"] == 10
    assert figures["members_at_end"] == 13
    assert figures["headcount"] == {"professional": 2, "trainer": 0, "director": 0}
    assert figures["average_age"] == 43.0


def test_json_gives_percentages_and_ages_with_one_decimal(centre):
    text = kpis("--year", "2020-2021", "--format", "json")

    assert '"membership_growth_pct": 30.0' in text
    assert '"woman": 50.0' in text
    assert '"average_age": 43.0' in text


def test_json_takes_any_period_given_by_its_first_and_last_days(centre):
    figures = json.loads(kpis("--from", "2020-01-01", "--to", "2020-12-31", "--format", "json"))

    # The 50 entries of 20 h from 2020-04-01; not January 2021 nor 2021-03-31.
    assert figures["service_hours"] == 1000.0


def test_the_table_writes_numbers_the_quebec_french_way(centre):
    output = kpis("--year", "2020-2021")

    assert output.startswith("Exercice 2020-2021, du 1er avril 2020 au 31 mars 2021\n")
    assert line_of(output, "Heures de services rendues").endswith(f"1{NBSP}015,50{NBSP}h")
    assert line_of(output, "  Croissance du membrariat").endswith(f"30,0{NBSP}%")
    assert line_of(output, "  Femmes").endswith(f"50,0{NBSP}%")
    assert line_of(output, "Moyenne d'âge").endswith(f"43,0{NBSP}ans")
    assert "Effectif au 31 mars 2021" in output


def test_the_table_names_departments_and_mandate_types_in_french_with_their_share(centre):
    output = kpis("--year", "2020-2021")

    assert line_of(output, "  Comptabilité").endswith(f"1{NBSP}015,50{NBSP}h  100,0{NBSP}%")
    assert line_of(output, "  Gestion déléguée").endswith(f"100,0{NBSP}%")


def test_the_table_in_english_writes_numbers_and_names_the_canadian_english_way(centre):
    output = kpis("--year", "2020-2021", "--lang", "en")

    assert "April 1, 2020" in output
    assert "March 31, 2021" in output
    assert line_of(output, "  Accounting").endswith(f"1,015.50{NBSP}h  100.0%")
    assert line_of(output, "  Delegated management").endswith("100.0%")
    assert "Comptabilité" not in output
    assert "Heures de services rendues" not in output
    # Labels come from the English catalog.
    with translation.override("en"):
        growth, age = translation.gettext("Croissance du membrariat"), translation.gettext("ans")
    assert line_of(output, f"  {growth}").endswith("30.0%")
    assert output.endswith(f"43.0{NBSP}{age}\n")


def test_the_table_of_a_period_shows_its_first_and_last_days(centre):
    output = kpis("--from", "2020-01-01", "--to", "2020-12-31")

    assert output.startswith("Du 1er janvier 2020 au 31 décembre 2020\n")
    assert line_of(output, "Heures de services rendues").endswith(f"1{NBSP}000{NBSP}h")


def test_the_table_of_an_empty_year_shows_dashes_where_nothing_divides():
    output = kpis("--year", "2030-2031")

    assert line_of(output, "Heures de services rendues").endswith(f"0{NBSP}h")
    assert line_of(output, "  Croissance du membrariat").endswith("—")
    assert line_of(output, "Moyenne d'âge").endswith("—")


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ((), "Indiquez un exercice (--year 2020-2021) ou une période"),
        (("--year", "2020"), "« 2020 » n'est pas un exercice de la forme AAAA-AAAA"),
        (("--year", "2020-2022"), "l'exercice commençant en 2020 se termine en 2021"),
        (
            ("--year", "2020-2021", "--from", "2020-01-01", "--to", "2020-12-31"),
            "Indiquez soit --year, soit --from et --to, pas les deux.",
        ),
        (("--from", "2020-01-01"), "Indiquez --from et --to ensemble."),
        (("--to", "2020-12-31"), "Indiquez --from et --to ensemble."),
        (
            ("--from", "2020-02-30", "--to", "2020-12-31"),
            "--from : « 2020-02-30 » n'est pas une date AAAA-MM-JJ",
        ),
        (
            ("--from", "2020-12-31", "--to", "2020-01-01"),
            "--from (2020-12-31) est après --to (2020-01-01).",
        ),
    ],
)
def test_it_explains_bad_arguments_in_french(arguments, message):
    with pytest.raises(CommandError) as refused:
        kpis(*arguments)

    assert message in str(refused.value)


def test_the_table_rounds_shares_of_hours_half_up():
    payroll = DepartmentFactory(code="PAIE", name_fr="Paie")
    accounting = DepartmentFactory(code="ACC", name_fr="Comptabilité")
    TimeEntryFactory(mandate=MandateFactory(department=payroll), hours=1)
    TimeEntryFactory(mandate=MandateFactory(department=accounting), hours=15)

    output = kpis("--year", "2020-2021")

    # 1 h of 16 h is 6.25 %: shown as 6,3 %, not rounded to the even 6,2 %.
    assert line_of(output, "  Paie").endswith(f"6,3{NBSP}%")
    assert line_of(output, "  Comptabilité").endswith(f"93,8{NBSP}%")
