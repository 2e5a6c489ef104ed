"""`consortium import-timesheets --from TOOL FILE` as a person runs it from a terminal."""

import datetime as dt
import json
import shutil
from decimal import Decimal
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from consortium.cli import main
from consortium.imports.tests.conftest import Outcome
from consortium.mandates.models import Mandate, MandateType
from consortium.members.models import Organisation
from consortium.staff.models import Expert
from consortium.testing.factories import (
    DepartmentFactory,
    ExpertFactory,
    MandateFactory,
    MandateTypeFactory,
    OrganisationFactory,
    PeriodLockFactory,
)
from consortium.timesheets.models import TimeEntry, TimeEntryImport

pytestmark = pytest.mark.django_db

DATA = Path(__file__).resolve().parent.parent / "data" / "tools"
# Mapping: experts by name and by e-mail, mandates; then the time-entries import and its record;
# PostgreSQL adds the experts' row locks (taken by the import, then again by the bulk writer).
QUERIES = {"sqlite": 12, "postgresql": 14}


def run(tool: str, name: str | Path, *args: str) -> Outcome:
    path = name if isinstance(name, Path) else DATA / name
    stdout, stderr = StringIO(), StringIO()
    try:
        call_command(
            "import_timesheets", "--from", tool, str(path), *args, stdout=stdout, stderr=stderr
        )
    except CommandError as error:
        return Outcome(False, stdout.getvalue(), stderr.getvalue(), str(error))
    return Outcome(True, stdout.getvalue(), stderr.getvalue())


def service_hours(first: str, last: str) -> Decimal:
    stdout = StringIO()
    call_command("kpis", "--from", first, "--to", last, "--format", "json", stdout=stdout)
    return Decimal(str(json.loads(stdout.getvalue())["service_hours"]))


@pytest.fixture
def department():
    return DepartmentFactory(code="CONSEIL")


@pytest.mark.parametrize(
    ("tool", "name", "first", "last", "hours"),
    [
        ("kimai", "kimai1.csv", "2025-01-01", "2025-01-31", Decimal("6.75")),
        # A freelancer's year: 430 entries, up to three a day, and the totals row.
        ("kimai", "kimai1-year.csv", "2024-01-01", "2024-12-31", Decimal("788.95")),
        ("kimai", "kimai2-en.csv", "2025-03-01", "2025-03-31", Decimal("4.25")),
        ("kimai", "kimai2-fr.xlsx", "2025-03-01", "2025-03-31", Decimal("4.58")),
        ("toggl", "toggl-detailed.csv", "2025-03-01", "2025-03-31", Decimal("5.25")),
        ("clockify", "clockify-old.csv", "2025-03-01", "2025-03-31", Decimal("6.25")),
        ("harvest", "harvest-detailed.csv", "2025-03-01", "2025-03-31", Decimal("6.75")),
    ],
)
def test_each_tools_export_imports_with_create_missing_and_its_hours_land_to_the_hundredth(
    department, tool, name, first, last, hours
):
    OrganisationFactory(code="INTERNE", name="Interne")
    mapping = DATA.parent / "tools-map.csv"
    outcome = run(tool, name, "--create-missing", "--department", "CONSEIL", "--map", str(mapping))
    assert outcome.imported, outcome.stderr
    assert service_hours(first, last) == hours
    assert TimeEntry.objects.count() == int(outcome.stdout.split("créations : ")[1].split(",")[0])
    assert TimeEntryImport.objects.get().file_name == name


def test_create_missing_says_what_it_created_and_employs_experts_from_their_first_entry(
    department,
):
    outcome = run("toggl", "toggl-detailed.csv", "--create-missing", "--department", "CONSEIL")
    assert outcome.imported, outcome.stderr
    camille = Expert.objects.get(email="camille@example.test")
    assert (camille.first_name, camille.last_name, camille.hired_on, camille.department) == (
        "Camille", "Martin", dt.date(2025, 3, 3), department
    )  # fmt: skip
    assert "Création — expert : CAMILLE-MARTIN (Camille Martin)" in outcome.stdout
    assert "Création — organisation : BOULANGERIE-DUPAIN (Boulangerie Dupain)" in outcome.stdout
    assert "Création — type de mandat : DESIGN (Design)" in outcome.stdout
    assert "Création — mandat : SITE-VITRINE (Site vitrine)" in outcome.stdout
    site = Mandate.objects.get(code="SITE-VITRINE")
    assert (site.start, site.organisation.name, site.mandate_type.code) == (
        dt.date(2025, 3, 3), "Boulangerie Dupain", "DESIGN"
    )  # fmt: skip
    assert Mandate.objects.get(code="FLYERS").mandate_type.name_fr == "Importé de Toggl"
    assert "Lignes laissées de côté (totaux, durées nulles) : 6." in outcome.stdout


def test_a_dry_run_prints_what_would_be_created_and_the_totals_and_writes_nothing(department):
    outcome = run(
        "toggl", "toggl-detailed.csv", "--create-missing", "--department", "CONSEIL", "--dry-run"
    )
    assert outcome.imported, outcome.stderr
    assert "essai (--dry-run), rien n'a été écrit" in outcome.stdout
    assert "Création prévue — expert : CAMILLE-MARTIN (Camille Martin)" in outcome.stdout
    assert "  CAMILLE-MARTIN\t4.50" in outcome.stdout
    assert "  SITE-VITRINE\t3.25" in outcome.stdout
    assert "Total : 5.25 h" in outcome.stdout
    assert not Expert.objects.exists()
    assert not Mandate.objects.exists() and not Organisation.objects.exists()
    assert not MandateType.objects.exists() and not TimeEntry.objects.exists()
    assert not TimeEntryImport.objects.exists()


def test_people_and_projects_are_found_by_email_then_name_without_creating_anything():
    ExpertFactory(code="CM", first_name="Camille", last_name="Martin", email="CAMILLE@example.test")
    ExpertFactory(code="IM", first_name="Ines", last_name="MOREAU", email="")
    MandateFactory(code="BRAND", title="Identité", start=dt.date(2025, 1, 1))
    outcome = run("clockify", "clockify-old.csv")
    assert outcome.imported, outcome.stderr
    assert sorted(TimeEntry.objects.values_list("expert__code", "hours")) == [
        ("CM", Decimal("1.50")),
        ("IM", Decimal("1.25")),
        ("IM", Decimal("3.50")),
    ]


def test_map_csv_maps_names_the_tool_uses_onto_our_codes(tmp_path):
    ExpertFactory(code="E7", first_name="Camille", last_name="Martin-Roy", email="")
    MandateFactory(code="M-12", title="Brochure 2025", start=dt.date(2025, 1, 1))
    mapping = tmp_path / "MAP.csv"
    mapping.write_text(
        "kind,source_name,code\nperson,camille martin,E7\nproject,Brochure,M-12\n",
        encoding="utf-8",
    )
    outcome = run("harvest", "harvest-comma.csv", "--map", str(mapping))
    assert outcome.imported, outcome.stderr
    assert sorted(TimeEntry.objects.values_list("expert__code", "mandate__code", "date")) == [
        ("E7", "M-12", dt.date(2025, 3, 17)),
        ("E7", "M-12", dt.date(2025, 3, 18)),
    ]


def test_unknown_people_and_projects_are_refused_at_their_first_line_naming_the_tools_column():
    outcome = run("toggl", "toggl-detailed.csv")
    assert not outcome.imported
    assert outcome.error_lines[0].startswith(
        f"{DATA / 'toggl-detailed.csv'}, ligne 2, colonne « User » : Personne sans expert : "
        "« camille@example.test »"
    )
    assert "(et 2 autre(s) ligne(s))" in outcome.error_lines[0]
    assert any("colonne « Project » : Projet sans mandat : « Flyers »" in line
               for line in outcome.error_lines)  # fmt: skip
    assert not TimeEntry.objects.exists()


def test_create_missing_needs_a_department():
    outcome = run("toggl", "toggl-detailed.csv", "--create-missing")
    assert not outcome.imported
    assert "--department CODE" in outcome.stderr
    assert not Expert.objects.exists()


def test_the_ledgers_rules_refuse_the_whole_file_with_the_tools_line_and_column(department):
    PeriodLockFactory(start=dt.date(2025, 3, 1), end=dt.date(2025, 3, 4))
    outcome = run("toggl", "toggl-detailed.csv", "--create-missing", "--department", "CONSEIL")
    assert not outcome.imported
    assert outcome.error_lines
    assert all(", colonne « Start date » : " in line for line in outcome.error_lines)
    assert [line.split(", ligne ")[1].split(",")[0] for line in outcome.error_lines] == [
        "2", "3", "4"
    ]  # fmt: skip
    assert not TimeEntry.objects.exists() and not Expert.objects.exists()


def test_an_export_whose_hours_break_the_24_hour_rule_is_refused(tmp_path):
    ExpertFactory(code="CM", first_name="Camille", last_name="Martin")
    MandateFactory(code="BROCHURE", title="Brochure", start=dt.date(2025, 1, 1))
    path = tmp_path / "harvest.csv"
    shutil.copy(DATA / "harvest-comma.csv", path)
    path.write_text(path.read_text().replace(";1,5;1,5;", ";2.000,0;2.000,0;"), encoding="utf-8")
    outcome = run("harvest", path)
    assert not outcome.imported
    assert outcome.error_lines == [
        f"{path}, ligne 2, colonne « Hours » : Les heures doivent être plus de 0 et au plus 24."
    ]


def test_importing_the_same_export_twice_changes_nothing(department):
    assert run("kimai", "kimai2-de.csv", "--create-missing", "--department", "CONSEIL").imported
    first = sorted(TimeEntry.objects.values_list("expert__code", "date", "hours", "description"))
    again = run("kimai", "kimai2-de.csv", "--create-missing", "--department", "CONSEIL")
    assert again.imported, again.stderr
    assert "Création" not in again.stdout
    assert (
        sorted(TimeEntry.objects.values_list("expert__code", "date", "hours", "description"))
        == first
    )


def test_approve_approves_the_weeks_of_the_export(department):
    OrganisationFactory(code="INTERNE", name="Interne")
    outcome = run(
        "harvest", "harvest-detailed.csv", "--create-missing", "--department", "CONSEIL",
        "--map", str(DATA.parent / "tools-map.csv"), "--approve",
    )  # fmt: skip
    assert outcome.imported, outcome.stderr
    assert "semaines approuvées par l'import — créations : 2" in outcome.stdout


def test_an_ambiguous_file_is_refused_and_date_order_settles_it(department):
    OrganisationFactory(code="GL", name="Garage Leroy")
    refused = run("harvest", "ambiguous-dates.csv", "--create-missing", "--department", "CONSEIL")
    assert not refused.imported
    assert "Dates ambiguës" in refused.stderr
    settled = run(
        "harvest", "ambiguous-dates.csv", "--create-missing", "--department", "CONSEIL",
        "--date-order", "mdy",
    )  # fmt: skip
    assert settled.imported, settled.stderr
    assert sorted(TimeEntry.objects.values_list("date", flat=True)) == [
        dt.date(2025, 3, 4), dt.date(2025, 5, 6)
    ]  # fmt: skip


def test_messages_are_in_english_with_lang_en():
    outcome = run("toggl", "toggl-detailed.csv", "--lang", "en")
    assert not outcome.imported
    assert outcome.error_lines[0].startswith(
        f"{DATA / 'toggl-detailed.csv'}, row 2, column “User”: Person with no expert: "
    )


@pytest.mark.parametrize("days", [2, 40])
def test_the_queries_of_an_import_do_not_grow_with_its_rows(
    tmp_path, days, django_assert_num_queries
):
    ExpertFactory(code="CM", first_name="Camille", last_name="Martin", email="c@example.test")
    MandateFactory(code="SITE", title="Site vitrine", start=dt.date(2025, 1, 1))
    header = '"User","Email","Client","Project","Task","Description","Start date","Duration"'
    rows = [
        f'"Camille Martin","c@example.test","","Site vitrine","","","{day}","01:30:00"'
        for day in (dt.date(2025, 1, 6) + dt.timedelta(days=n) for n in range(days))
    ]
    path = tmp_path / "toggl.csv"
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    with django_assert_num_queries(QUERIES[connection.vendor]):
        assert run("toggl", path).imported
    assert TimeEntry.objects.count() == days


def _entries():
    return list(
        TimeEntry.objects.order_by("date", "source", "external_id").values_list(
            "date", "start_time", "end_time", "hours", "description", "source", "external_id"
        )
    )


def test_several_entries_a_day_keep_their_times_the_tools_name_and_ids(department):
    outcome = run("toggl", "toggl-with-ids.csv", "--create-missing", "--department", "CONSEIL")
    assert outcome.imported, outcome.stderr
    day = dt.date(2025, 3, 10)
    assert _entries() == [
        (day, dt.time(9), dt.time(11, 30), Decimal("2.50"), "Maquettes", "toggl", "3187001"),
        (day, dt.time(13), dt.time(14, 45), Decimal("1.75"), "Maquettes, suite", "toggl",
         "3187002"),
        # Rounded up to 30 minutes by the tool's settings, 20 by its times: the tool's duration
        # is kept, without the times that do not make it.
        (day, None, None, Decimal("0.50"), "Arrondi par Toggl", "toggl", "3187003"),
    ]  # fmt: skip


def test_a_reimport_with_ids_changes_the_entries_it_brought_and_leaves_the_webs(
    department, tmp_path
):
    assert run(
        "toggl", "toggl-with-ids.csv", "--create-missing", "--department", "CONSEIL"
    ).imported
    web = TimeEntry.objects.first()
    TimeEntry.objects.create(
        expert=web.expert, mandate=web.mandate, date=web.date, hours=Decimal("1"), description="Web"
    )
    path = tmp_path / "toggl.csv"
    text = (DATA / "toggl-with-ids.csv").read_text(encoding="utf-8-sig")
    text = text.replace('"Maquettes, suite","Yes","01:45:00"', '"Suite","Yes","01:00:00"')
    text = text.replace('"2025-03-10","14:45:00"', '"2025-03-10","14:00:00"')
    path.write_text(text, encoding="utf-8")
    outcome = run("toggl", path)
    assert outcome.imported, outcome.stderr
    assert "créations : 0, mises à jour : 3" in outcome.stdout
    assert [(hours, description, source) for _d, _s, _e, hours, description, source, _i
            in _entries()] == [
        (Decimal("1.00"), "Web", ""),
        (Decimal("2.50"), "Maquettes", "toggl"),
        (Decimal("1.00"), "Suite", "toggl"),
        (Decimal("0.50"), "Arrondi par Toggl", "toggl"),
    ]  # fmt: skip


def test_a_reimport_without_ids_replaces_the_days_entries_of_that_tool_only(department):
    assert run("clockify", "clockify-new-semicolon.csv", "--create-missing", "--department",
               "CONSEIL").imported  # fmt: skip
    first = _entries()
    assert {source for *_rest, source, _id in first} == {"clockify"}
    again = run("clockify", "clockify-new-semicolon.csv")
    assert again.imported, again.stderr
    assert _entries() == first


def test_an_unknown_department_is_refused_by_name():
    outcome = run("toggl", "toggl-detailed.csv", "--create-missing", "--department", "NOPE")
    assert not outcome.imported
    assert "colonne « --department » : Département inconnu : « NOPE »." in outcome.stderr
    assert not Expert.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_the_consortium_command_line_runs_it_by_its_hyphenated_name(capsys):
    DepartmentFactory(code="CONSEIL")
    main(["consortium", "import-timesheets", "--from", "harvest", str(DATA / "harvest-comma.csv"),
          "--create-missing", "--department", "CONSEIL", "--dry-run"])  # fmt: skip
    assert "Total : 3.75 h" in capsys.readouterr().out
    assert not TimeEntry.objects.exists()


def test_a_project_with_an_empty_client_needs_a_map_row_to_be_created(department):
    outcome = run("harvest", "harvest-detailed.csv", "--create-missing", "--department", "CONSEIL")
    assert not outcome.imported
    assert outcome.error_lines[0].endswith(
        "ligne 3, colonne « Client » : Projet « Formation interne » sans client : dites quelle "
        "organisation le sert par une ligne client,,CODE de MAP.csv."
    )
    assert not Mandate.objects.exists() and not Expert.objects.exists()


def test_a_person_with_and_without_their_email_becomes_one_expert(department, tmp_path):
    path = tmp_path / "toggl.csv"
    path.write_text(
        "User,Email,Client,Project,Start date,Duration\n"
        "Camille Martin,camille@example.test,Garage Leroy,Flyers,2025-03-03,01:00:00\n"
        "Camille Martin,,Garage Leroy,Flyers,2025-03-04,02:00:00\n",
        encoding="utf-8",
    )
    outcome = run("toggl", path, "--create-missing", "--department", "CONSEIL")
    assert outcome.imported, outcome.stderr
    assert list(Expert.objects.values_list("code", flat=True)) == ["CAMILLE-MARTIN"]
    assert TimeEntry.objects.filter(expert__code="CAMILLE-MARTIN").count() == 2


def test_a_map_file_with_an_unknown_kind_is_refused_naming_the_map_file(tmp_path):
    mapping = tmp_path / "MAP.csv"
    mapping.write_text("kind,source_name,code\npeople,Camille Martin,E7\n", encoding="utf-8")
    outcome = run("toggl", "toggl-detailed.csv", "--map", str(mapping))
    assert not outcome.imported
    assert outcome.error_lines == [
        f"{mapping}, ligne 2, colonne « kind » : « people » n'est pas permis. Valeurs permises : "
        "person, client, project, task."
    ]


def test_map_csv_gives_created_mandates_their_organisation_and_type(department, tmp_path):
    OrganisationFactory(code="DUPAIN", name="Boulangerie Dupain inc.")
    MandateTypeFactory(code="CONSEIL", name_fr="Conseil")
    mapping = tmp_path / "MAP.csv"
    mapping.write_text(
        "kind,source_name,code\nclient,Boulangerie Dupain,DUPAIN\ntask,Design,CONSEIL\n",
        encoding="utf-8",
    )
    outcome = run("kimai", "kimai2-de.csv", "--create-missing", "--department", "CONSEIL",
                  "--map", str(mapping))  # fmt: skip
    assert outcome.imported, outcome.stderr
    site = Mandate.objects.get()
    assert (site.code, site.organisation.code, site.mandate_type.code) == (
        "SITE-VITRINE", "DUPAIN", "CONSEIL"
    )  # fmt: skip
    assert "organisation :" not in outcome.stdout and "type de mandat :" not in outcome.stdout
