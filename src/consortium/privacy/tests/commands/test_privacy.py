import io
import json

import pytest
from axes.models import AccessLog
from django.core.management import CommandError, call_command

from consortium.privacy.models import Anonymisation
from consortium.privacy.tests.person import EMAIL, USERNAME, make_departed_expert
from consortium.staff.models import Expert

pytestmark = pytest.mark.django_db


def privacy(*arguments: str) -> str:
    out = io.StringIO()
    call_command("privacy", *arguments, stdout=out)
    return out.getvalue()


def test_it_exports_an_expert_to_a_json_file(tmp_path):
    make_departed_expert()
    path = tmp_path / "zqu.json"
    assert "Renseignements écrits" in privacy("export", "--expert", "ZQU", "-o", str(path))
    assert json.loads(path.read_text())["sections"]["expert"]["rows"][0]["email"] == EMAIL


def test_it_exports_a_user_to_a_csv_file(tmp_path):
    make_departed_expert()
    path = tmp_path / "user.csv"
    privacy("export", "--user", USERNAME, "--format", "csv", "-o", str(path))
    assert f"account,1,email,{EMAIL}" in path.read_text(encoding="utf-8")


def test_an_unknown_person_is_an_error():
    with pytest.raises(CommandError, match="Aucun expert n'a le code NOBODY"):
        privacy("export", "--expert", "NOBODY", "-o", "/dev/null")


def test_it_asks_before_anonymising(monkeypatch):
    expert = make_departed_expert()
    monkeypatch.setattr("builtins.input", lambda prompt: "non")
    with pytest.raises(CommandError, match="Rien n'a été anonymisé"):
        privacy("anonymise", "--expert", "ZQU")
    monkeypatch.setattr("builtins.input", lambda prompt: "oui")
    assert "Personne anonymisée" in privacy("anonymise", "--expert", "ZQU")
    assert Expert.objects.get(pk=expert.pk).email == ""


def test_it_refuses_an_employed_expert_without_force(people):
    code = people.expert.code
    with pytest.raises(CommandError, match="encore en poste"):
        privacy("anonymise", "--expert", code, "--yes")
    privacy("anonymise", "--expert", code, "--yes", "--force")
    assert Anonymisation.objects.get(subject_kind="expert", subject_id=people.expert.pk).forced


def test_it_purges_the_login_records():
    make_departed_expert()
    AccessLog.objects.update(attempt_time="2000-01-01T00:00:00Z")
    assert "Traces de connexion supprimées : 1." in privacy("purge-login-records")
    assert not AccessLog.objects.exists()
