import pytest

from consortium.imports.csv_reader import read_csv
from consortium.imports.errors import ErrorList

COLUMNS = ("code", "name_fr", "name_en")


def _read(path, columns=COLUMNS):
    errors = ErrorList(path.name)
    table = read_csv(path, columns, errors)
    return table, [(e.line, e.column, e.message) for e in errors.sorted()]


@pytest.mark.parametrize("delimiter", [",", ";"])
def test_it_reads_commas_or_semicolons_as_the_header_shows(csv_file, delimiter):
    path = csv_file(
        "d.csv", delimiter.join(COLUMNS), delimiter.join(["RH", "Ressources humaines", "HR"])
    )
    table, errors = _read(path)
    assert errors == []
    assert list(table.records()) == [
        (2, {"code": "RH", "name_fr": "Ressources humaines", "name_en": "HR"})
    ]


def test_a_byte_order_mark_is_not_part_of_the_first_column(csv_file):
    path = csv_file("d.csv", "code;name_fr;name_en", "RH;Ressources humaines;HR", bom=True)
    table, errors = _read(path)
    assert errors == []
    assert [values["code"] for _line, values in table.records()] == ["RH"]


def test_columns_may_come_in_any_order_and_values_lose_their_spaces(csv_file):
    path = csv_file("d.csv", " Name_EN , code ,name_fr", " HR , RH ,Ressources humaines")
    table, _errors = _read(path)
    assert list(table.records()) == [
        (2, {"name_en": "HR", "code": "RH", "name_fr": "Ressources humaines"})
    ]


def test_each_row_keeps_its_physical_line_even_after_a_value_on_two_lines(csv_file):
    path = csv_file(
        "d.csv",
        "code,name_fr,name_en",
        'RH,"Ressources',
        'humaines",HR',
        "",
        "TI,Informatique,IT",
    )
    table, errors = _read(path)
    assert errors == []
    assert [(line, values["code"]) for line, values in table.records()] == [(2, "RH"), (5, "TI")]
    assert next(table.records())[1]["name_fr"] == "Ressources\nhumaines"


def test_a_missing_an_unknown_and_a_repeated_column_are_each_reported_on_line_1(csv_file):
    path = csv_file("d.csv", "code,name_fr,nom,code", "RH,RH,RH,RH")
    table, errors = _read(path)
    assert table is None
    assert errors == [
        (1, "nom", "Colonne inconnue. Colonnes attendues : code, name_fr, name_en."),
        (1, "code", "Colonne en double dans l'en-tête."),
        (1, "name_en", "Colonne manquante dans l'en-tête."),
    ]


def test_a_row_with_too_few_or_too_many_values_is_reported(csv_file):
    path = csv_file("d.csv", "code,name_fr,name_en", "RH,Ressources humaines", "TI,a,b,c")
    table, errors = _read(path)
    assert errors == [
        (2, "name_en", "La ligne compte 2 valeurs au lieu de 3."),
        (3, "name_en", "La ligne compte 4 valeurs au lieu de 3."),
    ]
    assert table.rows == []


def test_a_file_that_is_not_utf8_is_refused_at_the_value_with_the_bad_byte(csv_file):
    path = csv_file("d.csv", "code,name_fr,name_en", "RH,Comptabilité,HR", encoding="latin-1")
    table, errors = _read(path)
    assert table is None
    assert errors == [
        (2, "name_fr", "Le fichier n'est pas en UTF-8 (octet invalide) : enregistrez-le en UTF-8.")
    ]


def test_an_empty_file_is_refused(csv_file):
    path = csv_file("d.csv", "")
    table, errors = _read(path)
    assert table is None
    assert errors == [(1, "", "Le fichier doit commencer par une ligne d'en-tête.")]


def test_an_optional_column_may_be_present_or_left_out(csv_file):
    errors = ErrorList("d.csv")
    with_it = csv_file("d.csv", "code,name_fr,name_en,billable", "RH,Ressources humaines,HR,non")
    table = read_csv(with_it, COLUMNS, errors, optional=("billable",))
    assert [values["billable"] for _line, values in table.records()] == ["non"]
    without = csv_file("e.csv", "code,name_fr,name_en", "RH,Ressources humaines,HR")
    table = read_csv(without, COLUMNS, errors, optional=("billable",))
    assert ["billable" in values for _line, values in table.records()] == [False]
    assert not errors


def test_an_unknown_column_lists_the_optional_ones_too(csv_file):
    errors = ErrorList("d.csv")
    path = csv_file("d.csv", "code,name_fr,name_en,bilable", "RH,Ressources humaines,HR,non")
    assert read_csv(path, COLUMNS, errors, optional=("billable",)) is None
    assert [(e.line, e.column, e.message) for e in errors.sorted()] == [
        (1, "bilable", "Colonne inconnue. Colonnes attendues : code, name_fr, name_en, billable.")
    ]
