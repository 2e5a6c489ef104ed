"""Each tool's export read into normalised rows, with its traps (files in tests/data/tools/)."""

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from consortium.imports.errors import ErrorList
from consortium.imports.importers.tools import read_export

DATA = Path(__file__).resolve().parent.parent / "data" / "tools"


def _read(tool: str, name: str, **options):
    errors = ErrorList(name)
    export = read_export(tool, DATA / name, errors, **options)
    return export, [str(error) for error in errors.sorted()]


def test_toggl_detailed_export_with_bom_quotes_and_hh_mm_ss_durations():
    export, errors = _read("toggl", "toggl-detailed.csv")
    assert errors == []
    first = export.rows[0]
    assert (first.line, first.person, first.email, first.client, first.project, first.task) == (
        2, "Camille Martin", "camille@example.test", "Boulangerie Dupain", "Site vitrine", "Design"
    )  # fmt: skip
    assert first.description == "Maquettes, accueil"
    assert (first.day, first.start, first.end, first.hours) == (
        dt.date(2025, 3, 3), dt.time(9), dt.time(11, 30), Decimal("2.50")
    )  # fmt: skip
    # 22:30 → 00:10 the next morning belongs to its start day; 20 minutes is 0.33 h.
    assert [(row.day, row.hours) for row in export.rows[2:]] == [
        (dt.date(2025, 3, 4), Decimal("1.67")),
        (dt.date(2025, 3, 5), Decimal("0.33")),
    ]
    assert export.skipped == [6]  # ten seconds: nothing to the hundredth


def test_clockify_old_columns_with_month_first_dates_and_12_hour_times():
    export, errors = _read("clockify", "clockify-old.csv")
    assert errors == []
    assert [(row.day, row.start, row.hours) for row in export.rows] == [
        (dt.date(2025, 3, 13), dt.time(14), Decimal("1.50")),
        (dt.date(2025, 3, 14), dt.time(9), Decimal("1.25")),
        (dt.date(2025, 3, 17), dt.time(12, 30), Decimal("3.50")),
    ]


def test_clockify_new_columns_with_semicolons_decimal_commas_and_3_30_durations():
    export, errors = _read("clockify", "clockify-new-semicolon.csv")
    assert errors == []
    assert [(row.day, row.hours, row.task) for row in export.rows] == [
        (dt.date(2025, 3, 18), Decimal("3.50"), "Design"),
        (dt.date(2025, 3, 19), Decimal("0.75"), "Design"),
        (dt.date(2025, 3, 19), Decimal("1.25"), ""),  # from "Duration (decimal)" = 1,25
    ]


def test_harvest_decimal_hours_with_a_point_and_an_empty_client():
    export, errors = _read("harvest", "harvest-detailed.csv")
    assert errors == []
    assert [(row.person, row.client, row.hours) for row in export.rows] == [
        ("Camille Martin", "Garage Leroy", Decimal("3.50")),
        ("Inès Moreau", "", Decimal("1.25")),
        ("Camille Martin", "Garage Leroy", Decimal("2.00")),
    ]
    assert export.rows[0].start is None


def test_harvest_with_semicolons_decimal_commas_thousands_and_day_first_dates():
    export, errors = _read("harvest", "harvest-comma.csv")
    assert errors == []
    assert [(row.day, row.hours) for row in export.rows] == [
        (dt.date(2025, 3, 17), Decimal("1.50")),
        (dt.date(2025, 3, 18), Decimal("2.25")),
    ]


def test_kimai_2_english_csv_with_durations_in_seconds():
    export, errors = _read("kimai", "kimai2-en.csv")
    assert errors == []
    assert [(row.person, row.task, row.hours) for row in export.rows] == [
        ("Camille Martin", "Design", Decimal("3.25")),
        ("Inès Moreau", "Support", Decimal("1.00")),
    ]


def test_kimai_2_german_csv_with_dotted_dates_and_h_mm_durations():
    export, errors = _read("kimai", "kimai2-de.csv")
    assert errors == []
    assert [(row.day, row.client, row.hours) for row in export.rows] == [
        (dt.date(2025, 3, 4), "Boulangerie Dupain", Decimal("1.50")),
        (dt.date(2025, 3, 5), "Boulangerie Dupain", Decimal("1.75")),
    ]


def test_kimai_2_french_xlsx(tmp_path):
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    who = ["Camille Martin", "Boulangerie Dupain", "Site vitrine", "Design"]
    sheet.append(["Date", "De", "À", "Durée", "Utilisateur", "Client", "Projet", "Activité"])
    sheet.append([dt.datetime(2025, 3, 6), dt.time(9), dt.time(10, 30), "1:30", *who])
    day = dt.datetime(2025, 3, 7)
    sheet.append([day, day.replace(hour=14), day.replace(hour=16), dt.timedelta(hours=2), *who])
    path = tmp_path / "kimai2-fr.xlsx"
    workbook.save(path)
    errors = ErrorList(str(path))
    export = read_export("kimai", path, errors)
    assert [str(error) for error in errors.sorted()] == []
    assert [(row.day, row.start, row.hours) for row in export.rows] == [
        (dt.date(2025, 3, 6), dt.time(9), Decimal("1.50")),
        (dt.date(2025, 3, 7), dt.time(14), Decimal("2.00")),
    ]


def test_kimai_1_csv_with_quoted_padded_amounts_and_a_totals_row_skipped():
    export, errors = _read("kimai", "kimai1.csv")
    assert errors == []
    assert [(row.day, row.hours, row.description) for row in export.rows] == [
        (dt.date(2025, 1, 6), Decimal("3.50"), "Maquettes"),
        (dt.date(2025, 1, 7), Decimal("3.25"), "Révisions, suite"),
    ]
    assert export.skipped == [4]


def test_kimai_1_csv_without_a_header_reads_in_its_default_column_order():
    export, errors = _read("kimai", "kimai1-noheader.csv")
    assert errors == []
    assert [(row.line, row.person, row.project, row.hours) for row in export.rows] == [
        (1, "Camille Martin", "Site vitrine", Decimal("1.50")),
        (2, "Camille Martin", "Site vitrine", Decimal("2.00")),
    ]


def test_an_ambiguous_file_is_refused_with_its_lines_unless_the_order_is_given():
    export, errors = _read("harvest", "ambiguous-dates.csv")
    assert export is None
    assert errors[0].startswith("ambiguous-dates.csv, ligne 2, colonne « Date » : Dates ambiguës")
    assert "(lignes 2, 3)" in errors[0]
    export, errors = _read("harvest", "ambiguous-dates.csv", date_order="dmy")
    assert [row.day for row in export.rows] == [dt.date(2025, 4, 3), dt.date(2025, 6, 5)]


@pytest.mark.parametrize(
    ("tool", "header", "row", "column", "message"),
    [
        ("toggl", "User,Email,Project,Start date,Duration", "A,,P,2025-13-45,01:00:00",
         "Start date", "n'est pas une date"),
        ("toggl", "User,Email,Project,Start date,Duration", "A,,P,2025-03-03,1h",
         "Duration", "n'est pas une durée"),
        ("clockify", "Project,User,Start Date,Start Time,End Time,Duration (h)",
         "P,A,03/13/2025,9h,10:00 AM,", "Start Time", "n'est pas une heure"),
        ("harvest", "Date,Project,Hours,First Name,Last Name", "2025-03-03,,1,A,B",
         "Project", "Valeur obligatoire"),
        ("toggl", "User,Email,Project,Start date,Start time,Duration", "A,,P,2025-03-03,09:00,",
         "Duration", "Durée manquante"),
    ],
)  # fmt: skip
def test_a_bad_value_is_refused_naming_the_line_and_the_tools_column(
    tmp_path, tool, header, row, column, message
):
    path = tmp_path / "export.csv"
    path.write_text(f"{header}\n{row}\n", encoding="utf-8")
    errors = ErrorList("export.csv")
    assert read_export(tool, path, errors) is None
    [error] = errors.sorted()
    assert (error.line, error.column) == (2, column)
    assert message in error.message


def test_a_missing_column_is_named_with_the_names_it_goes_by(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text("User,Email,Start date,Duration\nA,,2025-03-03,01:00:00\n", encoding="utf-8")
    errors = ErrorList("export.csv")
    assert read_export("toggl", path, errors) is None
    assert [(error.line, error.message) for error in errors.sorted()] == [
        (1, "Colonne manquante : Project.")
    ]


def test_an_ill_formed_export_is_refused_where_it_stops_being_csv(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text(
        'User,Email,Project,Start date,Duration\nA,,P,2025-03-03,01:00:00\nA,,"P,2025-03-04,1\n',
        encoding="utf-8",
    )
    errors = ErrorList("export.csv")
    assert read_export("toggl", path, errors) is None
    [error] = errors.sorted()
    assert (error.line, error.column) == (3, "project")
    assert error.message.startswith("Guillemet ouvert ici et jamais refermé")


@pytest.mark.parametrize(
    ("tool", "header", "row", "hours"),
    [
        ("harvest", "Date,Project,Hours,First Name,Last Name", "2025-03-03,P,1:45,A,B", "1.75"),
        ("toggl", "User,Email,Project,Start date,Duration", "A,,P,2025-03-03,2.50", "2.50"),
    ],
)
def test_durations_in_the_other_format_a_user_may_choose(tmp_path, tool, header, row, hours):
    path = tmp_path / "export.csv"
    path.write_text(f"{header}\n{row}\n", encoding="utf-8")
    errors = ErrorList("export.csv")
    [entry] = read_export(tool, path, errors).rows
    assert entry.hours == Decimal(hours)
