import datetime as dt
import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from consortium.accounts.access import can_approve_for, can_lock_periods, directed_departments
from consortium.accounts.models import MemberContact
from consortium.accounts.selectors import expert_for_user, user_roles
from consortium.demo.services import DEMO_USERNAMES
from consortium.timesheets.models import TimeEntry

pytestmark = pytest.mark.django_db

PRINTED_LOGINS = [
    "experte / consortium-demo — experte (saisie du temps) : ",
    "direction / consortium-demo — direction (approbation des semaines, tableau de bord) : ",
    "finances / consortium-demo — finances (verrouillage des périodes)",
    "communications / consortium-demo — communications (rapport d'activités)",
    "admin / consortium-demo — administration (tout, y compris /admin/)",
    "membre / consortium-demo — personne-ressource d'un membre (portail des membres) : ",
]


def demo(*arguments: str) -> str:
    out = io.StringIO()
    call_command("demo", "--scale", "0.05", *arguments, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def user(username: str):
    return get_user_model().objects.get(username=username)


def test_it_loads_the_demo_and_prints_the_address_and_a_login_per_role():
    output = demo()
    assert "Centre de démonstration créé" in output
    assert "Semaines récentes : " in output
    assert "Adresse : http://127.0.0.1:8000/" in output
    assert "Rapport d'activités 2020-2021 : http://127.0.0.1:8000/rapports/2020-2021/" in output
    assert "Facturation (finances) : http://127.0.0.1:8000/facturation/ — " in output
    assert "Portail des membres (membre) : http://127.0.0.1:8000/portail/ — " in output
    assert "Accès de démonstration (identifiant / mot de passe — rôle) :" in output
    lines = output.splitlines()
    for printed in PRINTED_LOGINS:
        assert any(line.startswith("  " + printed) for line in lines), printed
    experte = expert_for_user(user("experte"))
    assert f"{experte.full_name}, {experte.department.name}" in output
    assert TimeEntry.objects.exists()
    for username in DEMO_USERNAMES:
        assert user(username).check_password("consortium-demo")


def test_each_login_holds_its_role_and_signs_in_as_its_expert():
    demo()
    today = dt.date.today()
    experte = expert_for_user(user("experte"))
    assert user_roles(user("experte")) == {"expert"}
    assert experte.role == "professional" and experte.is_employed_on(today)
    assert experte.department.code == "CPT"
    assert (user("experte").first_name, user("experte").email) == (
        experte.first_name,
        experte.email,
    )
    director = expert_for_user(user("direction"))
    assert user_roles(user("direction")) == {"director"}
    assert set(directed_departments(user("direction"))) == {experte.department_id}
    assert director.role == "director" and director.department == experte.department
    assert can_approve_for(user("direction"), experte)
    assert not can_approve_for(user("direction"), director)  # nobody approves their own week
    assert user_roles(user("finances")) == {"finance"} and can_lock_periods(user("finances"))
    assert user_roles(user("communications")) == {"communications"}
    admin = user("admin")
    assert admin.is_superuser and admin.is_staff and user_roles(admin) == {"administrator"}
    for username in ("experte", "direction", "finances", "communications"):
        assert not user(username).is_staff, username
    for username in ("finances", "communications", "admin"):
        assert expert_for_user(user(username)) is None, username
    # The member's contact: no staff role, the portal of the demo member organisation.
    membre = user("membre")
    assert user_roles(membre) == set() and not membre.is_staff
    [contact] = MemberContact.objects.filter(user=membre)
    assert (contact.organisation.code, contact.title) == ("MPEESAD", "Directrice générale")


def test_running_it_again_keeps_the_data_and_the_logins_that_work():
    demo()
    entries = TimeEntry.objects.count()
    experte = expert_for_user(user("experte"))
    for username in DEMO_USERNAMES:
        forgetful = user(username)
        forgetful.set_password("forgotten")
        forgetful.save()
    output = demo()
    assert "elles sont conservées" in output
    assert "Centre de démonstration créé" not in output
    assert TimeEntry.objects.count() == entries
    for username in DEMO_USERNAMES:
        assert get_user_model().objects.filter(username=username).count() == 1
        assert user(username).check_password("consortium-demo"), username
    assert expert_for_user(user("experte")) == experte
    assert user_roles(user("direction")) == {"director"}
    assert "  admin / consortium-demo — administration" in output


def test_it_prints_the_address_it_will_be_served_at():
    output = demo("--address", "http://127.0.0.1:8765/")
    assert "Adresse : http://127.0.0.1:8765/" in output


def test_it_prints_an_api_token_of_the_expert_that_works_and_replaces_the_last_one(client):
    def printed_token(output: str) -> str:
        line = next(line for line in output.splitlines() if "Jeton d'API de démo" in line)
        return line.split(" : ", 1)[1].split(" ", 1)[0]

    first = printed_token(demo())

    def ask(token: str):
        return client.get("/api/v1/token", headers={"Authorization": f"Bearer {token}"})

    answer = ask(first)
    assert answer.status_code == 200
    assert answer.json()["user"] == "experte"
    assert "time_entries:write" in answer.json()["scopes"]
    second = printed_token(demo())
    assert second != first
    assert (
        client.get("/api/v1/token", headers={"Authorization": f"Bearer {first}"}).status_code == 401
    )
