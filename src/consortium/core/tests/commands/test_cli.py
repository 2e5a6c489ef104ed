import subprocess
import sys
from contextlib import contextmanager

import pytest
from django.contrib.auth import get_user_model
from django.db import connections

from consortium.cli import main
from consortium.testing.concurrency import set_busy_timeout

COMMANDS = {
    "kpis": "indicateurs",
    "import": "tout le fichier, ou rien",
    "demo-data": "centre de démonstration",
    "demo": "Prépare la démo",
}


@pytest.mark.parametrize(("command", "french"), COMMANDS.items())
def test_every_command_explains_itself_in_french(command, french):
    result = subprocess.run(
        [sys.executable, "-m", "consortium.cli", command, "--help"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "usage: consortium" in result.stdout
    assert french in " ".join(result.stdout.split())


@contextmanager
def _users_table_held():
    """Another connection keeps the users' table from being written, as a long write would."""
    other = connections.create_connection("default")
    other.ensure_connection()
    try:
        if other.vendor == "sqlite":
            other.connection.execute("BEGIN IMMEDIATE")
        else:
            other.set_autocommit(False)
            with other.cursor() as cursor:
                cursor.execute("LOCK TABLE auth_user IN SHARE ROW EXCLUSIVE MODE")
        yield
    finally:
        if other.vendor == "sqlite":
            other.connection.execute("ROLLBACK")
        else:
            other.rollback()
        other.close()


def test_a_django_command_meeting_a_busy_database_says_to_try_again(concurrent_db, monkeypatch):
    """Django's own commands go through the same `consortium` entry point: a database another
    writer keeps busy past the timeout is a message and an exit, not a traceback."""
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "un-mot-de-passe-long-42")
    set_busy_timeout(0.2)
    with _users_table_held(), pytest.raises(SystemExit) as stopped:
        main(
            [
                "consortium",
                "createsuperuser",
                "--noinput",
                "--username",
                "nouvelle",
                "--email",
                "nouvelle@example.org",
            ]
        )
    assert stopped.value.code == (
        "consortium: Des données sont en cours d'importation; réessayez dans un moment."
    )
    assert not get_user_model().objects.filter(username="nouvelle").exists()
