"""A production server starts only with its own secret key, and its settings pass Django's
deployment checks (`consortium check --deploy`) with deploy/production.env.example."""

import os
import secrets
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from consortium.secret_key import installation_key, secret_key

ROOT = Path(__file__).resolve().parents[5]
EXAMPLE = ROOT / "deploy" / "production.env.example"


def example_variables() -> dict[str, str]:
    variables = {}
    for line in EXAMPLE.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            name, _, value = line.partition("=")
            variables[name.strip()] = value.strip()
    return variables


def bare_environment(tmp_path: Path, **variables: str) -> dict[str, str]:
    """This process's environment without any Consortium or database setting, plus `variables`."""
    kept = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("CONSORTIUM_", "DATABASE_URL", "DJANGO_"))
    }
    return {**kept, "CONSORTIUM_VAR_DIR": str(tmp_path), **variables}


def consortium(*arguments: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "consortium.cli", *arguments],
        capture_output=True,
        text=True,
        check=False,
        env=env,
        timeout=120,
    )


def test_the_deployment_checks_pass_with_the_example_variables(tmp_path):
    variables = example_variables()
    assert variables["CONSORTIUM_SECRET_KEY"].startswith("CHANGE-ME")
    variables["CONSORTIUM_SECRET_KEY"] = secrets.token_urlsafe(50)
    variables["CONSORTIUM_VAR_DIR"] = str(tmp_path)

    result = consortium(
        "check", "--deploy", "--fail-level", "WARNING", env=bare_environment(tmp_path, **variables)
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_the_example_lists_every_setting_a_deployment_reads():
    settings_source = (ROOT / "src" / "consortium" / "settings.py").read_text(encoding="utf-8")
    variables = example_variables()
    read = {
        word.split('"')[1]
        for word in settings_source.split("env_")[1:]
        if word.startswith(("str(", "bool(", "int(", "list(", "path("))
    }
    # The demo's switch is not a production variable.
    assert read - {"CONSORTIUM_DEMO"} <= set(variables)


def test_outside_the_demo_a_server_without_a_key_refuses_to_start(tmp_path):
    result = consortium("check", env=bare_environment(tmp_path))

    assert result.returncode != 0
    assert "CONSORTIUM_SECRET_KEY n'est pas défini" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "secret_key").exists()


def test_the_example_placeholder_is_refused_as_a_key(tmp_path):
    result = consortium(
        "check", env=bare_environment(tmp_path, CONSORTIUM_SECRET_KEY="CHANGE-ME-to-a-long")
    )

    assert result.returncode != 0
    assert "valeur publique" in result.stderr


def test_the_demo_makes_its_own_key_once_readable_by_its_owner_only(tmp_path):
    result = consortium("check", env=bare_environment(tmp_path, CONSORTIUM_DEMO="1"))

    assert result.returncode == 0, result.stderr
    key_file = tmp_path / "secret_key"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    key = key_file.read_text(encoding="ascii").strip()
    assert len(key) >= 50
    assert secret_key(configured="", demo=True, var_dir=tmp_path) == key
    assert installation_key(tmp_path / "other") != key


def test_a_configured_key_wins_over_the_demo_one(tmp_path):
    key = secrets.token_urlsafe(50)

    assert secret_key(configured=key, demo=True, var_dir=tmp_path) == key
    assert not (tmp_path / "secret_key").exists()
    with pytest.raises(ImproperlyConfigured, match="CONSORTIUM_SECRET_KEY"):
        secret_key(configured="", demo=False, var_dir=tmp_path)
