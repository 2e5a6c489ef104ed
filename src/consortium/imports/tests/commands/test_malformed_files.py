"""Files that are not what they claim: `consortium import` refuses them whole, saying where.

Each case was found by feeding the command bad files: before, some were imported wrongly
(a quote never closed swallowed the rest of the file into one value), some stored what the
database then refused or kept (a NUL byte), some ended in a traceback.
"""

import datetime as dt
from decimal import Decimal

import pytest

from consortium.cli import main
from consortium.staff.models import Expert
from consortium.testing.factories import DepartmentFactory, ExpertFactory, MandateFactory
from consortium.timesheets.models import TimeEntry, TimeEntryImport

pytestmark = pytest.mark.django_db

HEADER = "expert_code,mandate_code,date,hours,description"


@pytest.fixture
def ledger():
    ExpertFactory(code="X", hired_on=dt.date(2015, 1, 1))
    MandateFactory(code="M", start=dt.date(2019, 1, 1))


def _nothing_written() -> bool:
    return not TimeEntry.objects.exists() and not TimeEntryImport.objects.exists()


# --- numbers ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("hours", "message"),
    [
        ("1_0", "« 1_0 » : pas d'espace ni de « _ » dans un nombre d'heures."),
        ("1 0", "« 1 0 » : pas d'espace ni de « _ » dans un nombre d'heures."),
        ("\u0663", "« \u0663 » : écrivez les heures avec les chiffres de 0 à 9."),
        ("\uff17", "« \uff17 » : écrivez les heures avec les chiffres de 0 à 9."),
        ("7:5", "« 7:5 » : les minutes s'écrivent en deux chiffres (7:05, 7:50)."),
        ("1e1", "« 1e1 » n'est pas un nombre d'heures."),
    ],
)
def test_hours_that_are_not_plainly_written_are_refused(
    csv_file, run_import, ledger, hours, message
):
    path = csv_file("entries.csv", HEADER, f"X,M,2020-12-08,{hours},")
    outcome = run_import("time-entries", path)
    assert outcome.error_lines == [f"{path}, ligne 2, colonne « hours » : {message}"]
    assert _nothing_written()


@pytest.mark.parametrize(
    ("hours", "stored"), [("7:05", "7.08"), ("7:30", "7.50"), ("7h30", "7.50"), ("7.5", "7.50")]
)
def test_hours_and_minutes_are_read_as_the_grid_reads_them(
    csv_file, run_import, ledger, hours, stored
):
    path = csv_file("entries.csv", HEADER, f"X,M,2020-12-08,{hours},")
    outcome = run_import("time-entries", path)
    assert outcome.imported, outcome.stderr
    assert list(TimeEntry.objects.values_list("hours", flat=True)) == [Decimal(stored)]


@pytest.mark.parametrize("year", ["1_990", "\u0661\u0669\u0669\u0660", "1 990"])
def test_a_year_that_is_not_plainly_written_is_refused(csv_file, run_import, year):
    DepartmentFactory(code="RH")
    path = csv_file(
        "experts.csv",
        "code,first_name,last_name,email,role,department,hired_on,left_on,gender,birth_year",
        f"E01,Anne,Roy,anne@example.org,professional,RH,2018-01-08,,,{year}",
    )
    outcome = run_import("experts", path)
    assert outcome.error_lines == [
        f"{path}, ligne 2, colonne « birth_year » : « {year} » n'est pas un nombre entier."
    ]
    assert not Expert.objects.exists()


@pytest.mark.parametrize("day", ["\u0662\u0660\u0662\u0660-12-08", "2020-12-\uff10\uff18"])
def test_a_date_in_other_digits_is_refused(csv_file, run_import, ledger, day):
    path = csv_file("entries.csv", HEADER, f"X,M,{day},1,")
    outcome = run_import("time-entries", path)
    assert outcome.error_lines == [
        f"{path}, ligne 2, colonne « date » : « {day} » n'est pas une date AAAA-MM-JJ valide."
    ]
    assert _nothing_written()


# --- files that are not well-formed CSV ----------------------------------------------------------


def _refused_with(outcome, path, line: int, column: str, message: str) -> None:
    assert not outcome.imported
    assert outcome.error_lines == [f"{path}, ligne {line}, colonne « {column} » : {message}"]
    assert outcome.message == f"{path} refusé : 1 erreur(s), rien n'a été importé."


UNCLOSED = (
    "Guillemet ouvert ici et jamais refermé : le reste du fichier serait lu comme une seule "
    'valeur. Fermez-le, ou doublez-le ("") s\'il fait partie de la valeur.'
)


def test_a_quote_never_closed_is_refused_at_the_line_it_opens(csv_file, run_import, ledger):
    path = csv_file("entries.csv", HEADER, 'X,M,2020-12-08,1,"never closed', "X,M,2020-12-09,1,ok")
    outcome = run_import("time-entries", path)
    _refused_with(outcome, path, 2, "description", UNCLOSED)
    assert _nothing_written()


def test_a_quote_never_closed_after_a_value_on_two_lines_is_found_where_it_opens(
    csv_file, run_import, ledger
):
    path = csv_file(
        "entries.csv",
        HEADER,
        'X,M,2020-12-07,1,"sur',
        'deux lignes"',
        'X,"M,2020-12-08,1,ok',
        "X,M,2020-12-09,1,ok",
    )
    outcome = run_import("time-entries", path)
    _refused_with(outcome, path, 4, "mandate_code", UNCLOSED)
    assert _nothing_written()


def test_a_quoted_value_followed_by_more_text_is_refused(csv_file, run_import, ledger):
    path = csv_file("entries.csv", HEADER, 'X,M,2020-12-08,1,"dit "oui" ici"')
    outcome = run_import("time-entries", path)
    _refused_with(
        outcome,
        path,
        2,
        "description",
        "Valeur entre guillemets suivie d'autres caractères avant le séparateur : doublez "
        '("") les guillemets qui font partie de la valeur.',
    )
    assert _nothing_written()


def test_line_endings_of_a_lone_carriage_return_are_refused(tmp_path, run_import, ledger):
    path = tmp_path / "entries.csv"
    path.write_bytes(f"{HEADER}\rX,M,2020-12-08,1,\rX,M,2020-12-09,1,\r".encode())
    outcome = run_import("time-entries", path)
    _refused_with(
        outcome,
        path,
        1,
        "",
        "Fin de ligne faite d'un retour chariot (CR) seul : enregistrez le fichier avec des "
        "fins de ligne LF ou CRLF.",
    )
    assert _nothing_written()


def test_crlf_line_endings_are_read(tmp_path, run_import, ledger):
    path = tmp_path / "entries.csv"
    path.write_bytes(f'{HEADER}\r\nX,M,2020-12-08,1,"a"\r\nX,M,2020-12-09,1,b\r\n'.encode())
    outcome = run_import("time-entries", path)
    assert outcome.imported, outcome.stderr
    assert sorted(TimeEntry.objects.values_list("description", flat=True)) == ["a", "b"]


TOO_LONG = "Valeur de plus de 131072 caractères : elle est refusée."


def test_a_header_value_over_the_csv_limit_is_refused_without_a_traceback(
    csv_file, run_import, ledger
):
    path = csv_file("entries.csv", HEADER + "," + "x" * 131_073, "X,M,2020-12-08,1,")
    outcome = run_import("time-entries", path)
    _refused_with(outcome, path, 1, "6", TOO_LONG)
    assert _nothing_written()


def test_a_value_over_the_csv_limit_is_refused_in_its_column(csv_file, run_import, ledger):
    path = csv_file(
        "entries.csv", HEADER, "X,M,2020-12-07,1,", f'X,M,2020-12-08,1,"{"x" * 131_073}"'
    )
    outcome = run_import("time-entries", path)
    _refused_with(outcome, path, 3, "description", TOO_LONG)
    assert _nothing_written()


def test_a_nul_character_is_refused_in_its_column(csv_file, run_import, ledger):
    path = csv_file("entries.csv", HEADER, "X,M,2020-12-08,1,", "X,M,2020-12-09,1,a\x00b")
    outcome = run_import("time-entries", path)
    _refused_with(
        outcome,
        path,
        3,
        "description",
        "Caractère nul (octet 0) dans la valeur : ce n'est pas du texte.",
    )
    assert _nothing_written()


def test_a_value_over_its_column_s_length_is_refused_naming_the_column(csv_file, run_import):
    path = csv_file("d.csv", "code,name_fr,name_en", f"RH,{'R' * 201},Human resources")
    outcome = run_import("departments", path)
    _refused_with(
        outcome,
        path,
        2,
        "name_fr",
        "Assurez-vous que cette valeur comporte au plus 200 caractères (actuellement 201).",
    )


def test_a_file_with_only_its_header_is_nothing_to_import(csv_file, run_import, ledger):
    path = csv_file("entries.csv", HEADER, "")
    outcome = run_import("time-entries", path)
    _refused_with(outcome, path, 2, "", "Aucune ligne à importer : le fichier n'a que son en-tête.")
    assert _nothing_written()


@pytest.mark.django_db(transaction=True)
def test_nothing_to_import_exits_with_status_1(csv_file, capsys):
    path = csv_file("entries.csv", HEADER)
    with pytest.raises(SystemExit) as exit_:
        main(["consortium", "import", "time-entries", str(path)])
    assert exit_.value.code == 1
    assert "Aucune ligne à importer" in capsys.readouterr().err
    assert not TimeEntryImport.objects.exists()
