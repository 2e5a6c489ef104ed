import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from consortium.timesheets.models import TimeEntry

pytestmark = pytest.mark.django_db


def demo(*arguments: str) -> str:
    out = io.StringIO()
    call_command("demo", "--scale", "0.05", *arguments, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_it_loads_the_demo_and_prints_the_address_and_the_login():
    output = demo()
    assert "Centre de démonstration créé" in output
    assert "Adresse : http://127.0.0.1:8000/" in output
    assert "Identifiant : admin — mot de passe : consortium-demo" in output
    assert "Rapport d'activités 2020-2021 : http://127.0.0.1:8000/rapports/2020-2021/" in output
    assert TimeEntry.objects.exists()
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser and admin.is_staff
    assert admin.check_password("consortium-demo")


def test_running_it_again_keeps_the_data_and_the_one_login_that_works():
    demo()
    entries = TimeEntry.objects.count()
    admin = get_user_model().objects.get(username="admin")
    admin.set_password("forgotten")
    admin.save()
    output = demo()
    assert "elles sont conservées" in output
    assert "Centre de démonstration créé" not in output
    assert TimeEntry.objects.count() == entries
    assert get_user_model().objects.filter(username="admin").count() == 1
    assert get_user_model().objects.get(username="admin").check_password("consortium-demo")
    assert "Identifiant : admin — mot de passe : consortium-demo" in output


def test_it_prints_the_address_it_will_be_served_at():
    output = demo("--address", "http://127.0.0.1:8765/")
    assert "Adresse : http://127.0.0.1:8765/" in output
