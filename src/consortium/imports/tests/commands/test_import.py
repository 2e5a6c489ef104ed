"""`consortium import KIND FILE [--lang fr|en]` as a person runs it from a terminal."""

import datetime as dt

import pytest
from django.utils import translation
from django.utils.translation import gettext as _

from consortium.cli import main
from consortium.staff.models import Department, Expert
from consortium.testing.factories import DepartmentFactory, ExpertFactory, MandateFactory
from consortium.timesheets.models import TimeEntry

pytestmark = pytest.mark.django_db

EXPERTS = "code,first_name,last_name,email,role,department,hired_on,left_on,gender,birth_year"


def test_messages_are_in_english_with_lang_en(csv_file, run_import):
    DepartmentFactory(code="RH")
    path = csv_file("experts.csv", EXPERTS, "E01,Anne,Roy,courriel,chef,RH,2018-01-08,,,")
    outcome = run_import("experts", path, "--lang", "en")
    with translation.override("en"):
        location = _("%(file)s, ligne %(line)s, colonne « %(column)s » : %(message)s")
        role = _("« %(value)s » n'est pas permis. Valeurs permises : %(allowed)s.") % {
            "value": "chef",
            "allowed": "professional, trainer, director",
        }
        refused = _("%(file)s refusé : %(count)s erreur(s), rien n'a été importé.")
    assert outcome.error_lines == [
        location % {"file": path, "line": 2, "column": "role", "message": role},
        location
        % {"file": path, "line": 2, "column": "email", "message": "Enter a valid email address."},
    ]
    assert outcome.message == refused % {"file": path, "count": 2}
    assert not Expert.objects.exists()


def test_the_summary_is_in_english_with_lang_en(csv_file, run_import):
    path = csv_file("d.csv", "code,name_fr,name_en", "RH,Ressources humaines,Human resources")
    outcome = run_import("departments", path, "--lang", "en")
    with translation.override("en"):
        summary = _("%(label)s — créations : %(created)s, mises à jour : %(updated)s.") % {
            "label": _("départements"),
            "created": 1,
            "updated": 0,
        }
    assert summary in outcome.stdout
    assert Department.objects.count() == 1


def test_at_most_200_errors_are_printed_then_how_many_more(csv_file, run_import):
    ExpertFactory(code="E01", hired_on=dt.date(2015, 1, 1))
    MandateFactory(code="M01", start=dt.date(2019, 1, 1))
    rows = [f"E01,M01,2020-{1 + n // 28:02d}-{1 + n % 28:02d},0," for n in range(250)]
    path = csv_file("entries.csv", "expert_code,mandate_code,date,hours,description", *rows)
    outcome = run_import("time-entries", path)
    assert len(outcome.error_lines) == 201
    assert outcome.error_lines[0] == (
        f"{path}, ligne 2, colonne « hours » : Les heures doivent être plus de 0 et au plus 24."
    )
    assert outcome.error_lines[-1] == "… et 50 autres erreurs non affichées."
    assert outcome.message == f"{path} refusé : 250 erreur(s), rien n'a été importé."
    assert not TimeEntry.objects.exists()


def test_a_missing_file_is_named(tmp_path, run_import):
    outcome = run_import("departments", tmp_path / "absent.csv")
    assert outcome.message == f"Fichier introuvable : {tmp_path / 'absent.csv'}"


@pytest.mark.django_db(transaction=True)
def test_the_command_exits_non_zero_when_a_file_is_refused(csv_file, capsys):
    path = csv_file("d.csv", "code,name", "RH,Ressources humaines")
    with pytest.raises(SystemExit) as exit_:
        main(["consortium", "import", "departments", str(path)])
    assert exit_.value.code != 0
    stderr = capsys.readouterr().err
    assert f"{path}, ligne 1, colonne « name » : Colonne inconnue." in stderr
    assert f"{path} refusé : 3 erreur(s), rien n'a été importé." in stderr
    assert not Department.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_the_command_exits_zero_and_says_what_it_did(csv_file, capsys):
    path = csv_file("d.csv", "code,name_fr,name_en", "RH,Ressources humaines,HR")
    main(["consortium", "import", "departments", str(path)])
    assert "départements — créations : 1, mises à jour : 0." in capsys.readouterr().out
    assert Department.objects.count() == 1
